import { and, eq } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { offers, requestInvitations } from "../../../db/schema";
import { notFound } from "../../../http/app-error";

type Provider = { organisationId: string };

// Ownership is checked before anything else a response route does (the request's state, the
// invitation's or offer's status), and answers the same 404 whatever state another provider's
// setting or offer is in: otherwise a rival could learn whether a competitor has offered,
// declined or withdrawn by sending that competitor's ids. Ownership never changes, so it is
// read before the request row is locked; statuses are read again under the lock.

/** This provider's invitation for one of its settings, or 404. */
export async function ownInvitation(tx: Tx, actor: Provider, requestId: string, settingId: string) {
  const [invitation] = await tx
    .select({ settingId: requestInvitations.settingId })
    .from(requestInvitations)
    .where(
      and(
        eq(requestInvitations.requestId, requestId),
        eq(requestInvitations.settingId, settingId),
        eq(requestInvitations.organisationId, actor.organisationId),
      ),
    );
  if (!invitation) throw notFound("Your invitation for that setting");
  return invitation;
}

/** This provider's offer on the request, or 404. */
export async function ownOffer(tx: Tx, actor: Provider, requestId: string, offerId: string) {
  const [offer] = await tx
    .select({ id: offers.id })
    .from(offers)
    .where(and(eq(offers.id, offerId), eq(offers.requestId, requestId), eq(offers.organisationId, actor.organisationId)));
  if (!offer) throw notFound("Your offer");
  return offer;
}
