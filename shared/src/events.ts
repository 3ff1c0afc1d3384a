import { z } from "zod";
import { OrganisationKindSchema, RoleSchema } from "./schemas/identity";
import { type ReviewComment, VoteTotalsSchema } from "./schemas/review-rounds";

/** Who the server thinks this live connection belongs to. */
export const LiveIdentitySchema = z.object({
  userId: z.uuid(),
  role: RoleSchema.nullable(),
  organisationId: z.uuid().nullable(),
  organisationKind: OrganisationKindSchema.nullable(),
});
export type LiveIdentity = z.infer<typeof LiveIdentitySchema>;

/** Why a live connection was refused: `connect_error`'s `data`. */
export const LiveConnectErrorSchema = z.object({ code: z.enum(["unauthorized", "forbidden_origin"]), message: z.string() });
export type LiveConnectError = z.infer<typeof LiveConnectErrorSchema>;

/** A review round's live figures: vote totals per proposal and average rating per criterion. */
export const ReviewTotalsSchema = z.object({
  roundId: z.uuid(),
  proposals: z.array(z.object({ id: z.uuid(), totals: VoteTotalsSchema })),
  criteria: z.array(z.object({ id: z.uuid(), averageRating: z.number().nullable(), ratings: z.number().int() })),
});
export type ReviewTotals = z.infer<typeof ReviewTotalsSchema>;

export const ReviewWatchSchema = z.object({ roundId: z.uuid() }).strict();
export const ReviewWatchAckSchema = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), totals: ReviewTotalsSchema }),
  z.object({ ok: z.literal(false), code: z.enum(["validation_error", "not_found"]), message: z.string() }),
]);
export type ReviewWatchAck = z.infer<typeof ReviewWatchAckSchema>;

/** Events the server sends on the /live namespace. */
export interface ServerToClientEvents {
  /** Sent once on connection, and again after a reconnection re-checks the credentials. */
  "live:ready": (identity: LiveIdentity) => void;
  /** After a vote or rating commits, to everyone watching the round. */
  "review:totals": (totals: ReviewTotals) => void;
  /** A new comment, or one the hub hid or restored (its body is then null for everyone but the hub). */
  "review:comment": (payload: { roundId: string; comment: ReviewComment }) => void;
}

/** Events a client sends on the /live namespace; every payload is parsed on the server. */
export interface ClientToServerEvents {
  "live:whoami": (ack: (identity: LiveIdentity) => void) => void;
  /** Start receiving a round's live figures; the ack carries the current ones. */
  "review:watch": (payload: z.input<typeof ReviewWatchSchema>, ack: (result: ReviewWatchAck) => void) => void;
  "review:unwatch": (payload: z.input<typeof ReviewWatchSchema>) => void;
}
