import { z } from "zod";
import { OrganisationKindSchema, RoleSchema } from "./schemas/identity";

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

/** Events the server sends on the /live namespace. */
export interface ServerToClientEvents {
  /** Sent once on connection, and again after a reconnection re-checks the credentials. */
  "live:ready": (identity: LiveIdentity) => void;
}

/** Events a client sends on the /live namespace; every payload is parsed on the server. */
export interface ClientToServerEvents {
  "live:whoami": (ack: (identity: LiveIdentity) => void) => void;
}
