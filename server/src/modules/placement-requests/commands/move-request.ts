import { and, eq, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import { REQUEST_STATE_LABELS, type RequestState } from "@shared/codes/tenders";
import { DomainErrorCode } from "@shared/errors";
import type { Tx } from "../../../db/client";
import { type PlacementRequestRow, placementRequests } from "../../../db/schema";
import { conflict } from "../../../http/app-error";
import { queueLive } from "../../../realtime/live-outbox";
import { recordAudit } from "../../audit/record-audit";
import { canMove } from "../policy";

export interface MoveRequestProps {
  tx: Tx;
  request: PlacementRequestRow;
  to: RequestState;
  /** Columns to set with the move, e.g. { closedAt }. */
  set?: PgUpdateSetSource<typeof placementRequests>;
  /** Who moved it; absent for the closing scheduler. */
  actor?: { userId: string; organisationId: string | null } | undefined;
  ip?: string | undefined;
  details?: Record<string, string | number | boolean | null>;
  /**
   * What everyone in the request is told once it commits (live-outbox.ts): by default the change
   * of state. None when a later move in the same transaction tells (an award confirmed at once).
   */
  tell?: readonly ("request:state" | "request:ranks" | "request:awarded" | "request:closed")[];
}

/**
 * The one way a request changes state: only along REQUEST_TRANSITIONS, only from the state it
 * is still in (a concurrent move loses with a 409 that names the current state), always audited
 * and told live.
 */
export async function moveRequest({
  tx,
  request,
  to,
  set = {},
  actor,
  ip,
  details = {},
  tell = ["request:state"],
}: MoveRequestProps): Promise<PlacementRequestRow> {
  if (!canMove(request.state, to)) {
    throw conflict(
      `The request is ${REQUEST_STATE_LABELS[request.state].toLowerCase()} (state "${request.state}"); it cannot become "${to}".`,
      DomainErrorCode.WrongState,
    );
  }
  const [row] = await tx
    .update(placementRequests)
    .set({ ...set, state: to, updatedAt: sql`clock_timestamp()` })
    .where(and(eq(placementRequests.id, request.id), eq(placementRequests.state, request.state)))
    .returning();
  if (!row) throw conflict("The request changed while you were working on it. Reload it to see its current state.", DomainErrorCode.ChangedMeanwhile);
  await recordAudit(tx, {
    action: `placement_request.${to}`,
    recordType: "placement_request",
    recordId: request.id,
    actorUserId: actor?.userId ?? null,
    actorOrganisationId: actor?.organisationId ?? null,
    ip: ip ?? null,
    details: { from: request.state, to, ...details },
  });
  for (const topic of tell) await queueLive(tx, topic, { requestId: request.id });
  return row;
}
