import { z } from "zod";
import { REQUEST_STATES } from "./codes/tenders";
import { OrganisationKindSchema, RoleSchema } from "./schemas/identity";
import type { NotificationNew } from "./schemas/notifications";
import {
  ClarificationSchema,
  InvitationViewSchema,
  type OfferReceiptSchema,
  OfferSchema,
  RequestViewSchema,
  RequestWatchSchema,
} from "./schemas/placement-requests";
import { type ReviewComment, VoteTotalsSchema } from "./schemas/review-rounds";

/**
 * How a page's live connection comes back after its node stops (a deploy, scaling in, a crash):
 * through the load balancer, so to another node, after a random 0.5 to 1.5 s at first, which
 * spreads a lost node's thousands of pages out. bench:national's watchers reconnect the same way.
 */
export const LIVE_RECONNECTION = { reconnection: true, reconnectionDelay: 1000, randomizationFactor: 0.5, reconnectionDelayMax: 5000 } as const;

/** Who the server thinks this live connection belongs to. */
export const LiveIdentitySchema = z.object({
  userId: z.uuid(),
  role: RoleSchema.nullable(),
  organisationId: z.uuid().nullable(),
  organisationKind: OrganisationKindSchema.nullable(),
});
export type LiveIdentity = z.infer<typeof LiveIdentitySchema>;

/**
 * Why a live connection was refused: `connect_error`'s `data`. No credentials (or not this site's
 * page): sign in again. The credentials could not be checked just now (the database out of
 * reach, or a fault on our side): the page tries again by itself.
 */
export const LiveConnectErrorSchema = z.object({
  code: z.enum(["unauthorized", "forbidden_origin", "service_unavailable", "internal_error"]),
  message: z.string(),
});
export type LiveConnectError = z.infer<typeof LiveConnectErrorSchema>;

/** A review round's live figures: vote totals per proposal and average rating per criterion. */
export const ReviewTotalsSchema = z.object({
  roundId: z.uuid(),
  proposals: z.array(z.object({ id: z.uuid(), totals: VoteTotalsSchema })),
  criteria: z.array(z.object({ id: z.uuid(), averageRating: z.number().nullable(), ratings: z.number().int() })),
});
export type ReviewTotals = z.infer<typeof ReviewTotalsSchema>;

/**
 * Why the server refused a live event (the ack's `code`): a bad payload, a record this person may
 * not see, too many events or watched records for one connection or person (wait, then try
 * again), the node too busy to answer now (try again), or a fault on our side.
 */
export const LIVE_REFUSAL_CODES = ["validation_error", "not_found", "rate_limited", "too_many_rooms", "service_unavailable", "internal_error"] as const;
export const LiveRefusalSchema = z.object({ ok: z.literal(false), code: z.enum(LIVE_REFUSAL_CODES), message: z.string() });
export type LiveRefusal = z.infer<typeof LiveRefusalSchema>;

export const ReviewWatchSchema = z.object({ roundId: z.uuid() }).strict();
export const ReviewWatchAckSchema = z.discriminatedUnion("ok", [z.object({ ok: z.literal(true), totals: ReviewTotalsSchema }), LiveRefusalSchema]);
export type ReviewWatchAck = z.infer<typeof ReviewWatchAckSchema>;

/** A placement request's live events (issue: live placement requests). Payloads are validated by the client too. */
export const RequestWatchAckSchema = z.discriminatedUnion("ok", [z.object({ ok: z.literal(true), view: RequestViewSchema }), LiveRefusalSchema]);
export type RequestWatchAck = z.infer<typeof RequestWatchAckSchema>;
export { RequestWatchSchema };

export const RequestUpdatedSchema = z.object({
  requestId: z.uuid(),
  state: z.enum(REQUEST_STATES),
  deadline: z.iso.datetime(),
  priceRoundClosesAt: z.iso.datetime().nullable(),
});
/** An invited provider viewed, declined, offered, revised or withdrew; `offer` only where this viewer may see its content. */
export const ResponseReceivedSchema = z.object({ requestId: z.uuid(), invitation: InvitationViewSchema, offer: OfferSchema.nullable() });
export const RankChangedSchema = z.object({ requestId: z.uuid(), offerId: z.uuid(), rank: z.number().int(), of: z.number().int() });
export const ClarificationPublishedSchema = z.object({ requestId: z.uuid(), clarification: ClarificationSchema });
export const RequestClosedSchema = z.object({ requestId: z.uuid(), state: z.enum(REQUEST_STATES), closedAt: z.iso.datetime() });
export const RequestAwardedSchema = z.object({
  requestId: z.uuid(),
  /** The request's state after the award ("awarded"): this event is its change of state too. */
  state: z.enum(REQUEST_STATES),
  awardedAt: z.iso.datetime(),
  /** For a provider: whether it won; null for the council. */ yours: z.boolean().nullable(),
});
export const ServerTimeSchema = z.object({ requestId: z.uuid(), serverTime: z.iso.datetime(), deadline: z.iso.datetime() });
/**
 * This node cannot hear the other nodes just now (Redis out of reach), since when: changes made
 * through them reach the page only once it reconnects (the node has it do so when they can hear
 * each other again) or reloads.
 */
export const LivePartialSchema = z.object({ since: z.iso.datetime() });

/** Events the server sends on the /live namespace. */
export interface ServerToClientEvents {
  /** Sent once on connection, and again after a reconnection re-checks the credentials. */
  "live:ready": (identity: LiveIdentity) => void;
  /** On connection and when it happens, while this node cannot hear the others (LivePartialSchema). */
  "live:partial": (payload: z.infer<typeof LivePartialSchema>) => void;
  /** After a vote or rating commits, to everyone watching the round. */
  "review:totals": (totals: ReviewTotals) => void;
  /** A new comment, or one the hub hid or restored (its body is then null for everyone but the hub). */
  "review:comment": (payload: { roundId: string; comment: ReviewComment }) => void;
  "request:updated": (payload: z.infer<typeof RequestUpdatedSchema>) => void;
  "response:received": (payload: z.infer<typeof ResponseReceivedSchema>) => void;
  /** To the offer's author (its organisation) only: what was stored, by the server's clock. */
  "offer:receipt": (payload: z.infer<typeof OfferReceiptSchema>) => void;
  "rank:changed": (payload: z.infer<typeof RankChangedSchema>) => void;
  "clarification:published": (payload: z.infer<typeof ClarificationPublishedSchema>) => void;
  "request:closed": (payload: z.infer<typeof RequestClosedSchema>) => void;
  "request:awarded": (payload: z.infer<typeof RequestAwardedSchema>) => void;
  /** The server's clock, for countdowns. */
  time: (payload: z.infer<typeof ServerTimeSchema>) => void;
  /** To the person's own room, after the notification committed (the outbox worker sends it). */
  "notification:new": (payload: NotificationNew) => void;
}

/** Events a client sends on the /live namespace; every payload is parsed on the server. */
export interface ClientToServerEvents {
  "live:whoami": (ack: (identity: LiveIdentity | LiveRefusal) => void) => void;
  /** Start receiving a round's live figures; the ack carries the current ones. */
  "review:watch": (payload: z.input<typeof ReviewWatchSchema>, ack: (result: ReviewWatchAck) => void) => void;
  "review:unwatch": (payload: z.input<typeof ReviewWatchSchema>) => void;
  /** Start following a placement request; the ack carries everything this viewer may see. */
  "request:watch": (payload: z.input<typeof RequestWatchSchema>, ack: (result: RequestWatchAck) => void) => void;
  "request:unwatch": (payload: z.input<typeof RequestWatchSchema>) => void;
}
