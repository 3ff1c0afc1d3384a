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
 * lock, so an offer and the close cannot interleave) and checks, by the database's clock, that
 * providers may still act on it.
 */
export async function lockOpenRequest(
  tx: Tx,
  actor: Actor,
  requestId: string,
  states: RequestState[],
): Promise<{ request: PlacementRequestRow; today: string; now: Date }> {
  const { request, viewer } = await loadRequestFor(tx, actor, requestId, { forUpdate: true });
  if (!respondsAsProvider(viewer)) throw forbidden("Only invited providers respond to a request.", DomainErrorCode.NotInvited);
  const { now, today } = await databaseClock(tx);
  const closesAt = request.state === "price_round" ? request.priceRoundClosesAt : request.deadline;
  if (!states.includes(request.state) || (closesAt && now >= closesAt)) {
    const when = request.state === "open" || request.state === "price_round" ? closesAt : (request.closedAt ?? request.deadline);
    throw conflict(`The request closed at ${when?.toISOString() ?? "its deadline"}; offers are no longer taken.`, DomainErrorCode.RequestClosed);
  }
  return { request, today, now };
}
