import type { z } from "zod";
import type { RankChangedSchema, RequestUpdatedSchema, ResponseReceivedSchema } from "@shared/events";
import type { Clarification, RequestView } from "@shared/schemas/placement-requests";

/**
 * How a request's live events change what is shown. Each applies by id, so an event that
 * arrives twice (the server joins the room before it takes the snapshot) changes nothing twice.
 */

/** Replaces the item with the same key, or adds it at the end. */
function upsert<T>(items: readonly T[], item: T, key: (x: T) => string): T[] {
  const found = items.some((x) => key(x) === key(item));
  return found ? items.map((x) => (key(x) === key(item) ? item : x)) : [...items, item];
}

/** A snapshot only replaces one taken earlier: a slow REST answer never undoes a newer socket one. */
export const isFresher = (current: RequestView | undefined, next: RequestView) => !current || Date.parse(next.serverTime) >= Date.parse(current.serverTime);

/** An invitation by its setting; the offer (when this viewer may see it) by its id. */
export function withResponse(view: RequestView, { invitation, offer }: z.infer<typeof ResponseReceivedSchema>): RequestView {
  return {
    ...view,
    invitations: upsert(view.invitations, invitation, (i) => i.settingId),
    offers: offer ? upsert(view.offers, offer, (o) => o.id) : view.offers,
  };
}

export const withClarification = (view: RequestView, clarification: Clarification): RequestView => ({
  ...view,
  clarifications: upsert(view.clarifications, clarification, (c) => c.id),
});

export const withState = (view: RequestView, update: z.infer<typeof RequestUpdatedSchema>): RequestView => ({
  ...view,
  request: { ...view.request, state: update.state, deadline: update.deadline, priceRoundClosesAt: update.priceRoundClosesAt },
});

/** The close and the award carry the new state only (they are that change of state): shown until the snapshot comes. */
export const withNewState = (view: RequestView, state: RequestView["request"]["state"]): RequestView => ({ ...view, request: { ...view.request, state } });

export const withRank = (view: RequestView, { offerId, rank, of }: z.infer<typeof RankChangedSchema>): RequestView => ({
  ...view,
  ranks: upsert(view.ranks, { offerId, rank, of }, (r) => r.offerId),
});
