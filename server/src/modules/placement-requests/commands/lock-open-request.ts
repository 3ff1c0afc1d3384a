import type { RequestState } from "@shared/codes/tenders";
import { DomainErrorCode } from "@shared/errors";
import type { Tx } from "../../../db/client";
import { databaseClock } from "../../../db/clock";
import type { PlacementRequestRow } from "../../../db/schema";
import { conflict, forbidden } from "../../../http/app-error";
import type { Actor } from "../../identity/actor";
import { respondsAsProvider } from "../policy";
import { loadRequestFor } from "../queries";

/**
 * Locks the request row for the rest of the transaction (the closing scheduler takes the same
 * lock, so an offer and the close cannot interleave); 403 unless the actor responds to it as an
 * invited provider.
 */
export async function lockRequestAsProvider(tx: Tx, actor: Actor, requestId: string): Promise<PlacementRequestRow> {
  const { request, viewer } = await loadRequestFor(tx, actor, requestId, { forUpdate: true });
  if (!respondsAsProvider(viewer)) throw forbidden("Only invited providers respond to a request.", DomainErrorCode.NotInvited);
  return request;
}

/** 409 unless providers may still act on the locked request at `now`, by the database's clock. */
export function refuseClosed(request: PlacementRequestRow, states: RequestState[], now: Date): void {
  const closesAt = request.state === "price_round" ? request.priceRoundClosesAt : request.deadline;
  if (!states.includes(request.state) || (closesAt && now >= closesAt)) {
    const when = request.state === "open" || request.state === "price_round" ? closesAt : (request.closedAt ?? request.deadline);
    throw conflict(`The request closed at ${when?.toISOString() ?? "its deadline"}; offers are no longer taken.`, DomainErrorCode.RequestClosed);
  }
}

/** Locks the request (lockRequestAsProvider) and checks that providers may still act on it. */
export async function lockOpenRequest(
  tx: Tx,
  actor: Actor,
  requestId: string,
  states: RequestState[],
): Promise<{ request: PlacementRequestRow; today: string; now: Date }> {
  const request = await lockRequestAsProvider(tx, actor, requestId);
  const { now, today } = await databaseClock(tx);
  refuseClosed(request, states, now);
  return { request, today, now };
}
