import { and, eq } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { clockColumns, clockOf } from "../../../db/clock";
import { offers, requestInvitations } from "../../../db/schema";
import { notFound } from "../../../http/app-error";

type Provider = { organisationId: string };

// Ownership is checked before anything else a response route does (the request's state, the
// invitation's or offer's status), and answers the same 404 whatever state another provider's
// setting or offer is in: otherwise a rival could learn whether a competitor has offered,
// declined or withdrawn by sending that competitor's ids. Ownership never changes, so it may be
// read before the request row is locked, statuses then read again under the lock; or, as an
// offer does in one round trip, read with the status under the lock before the state is checked.

/** The invitation of this provider's setting to this request: the one clause ownership means. */
function isOwnInvitation(actor: Provider, requestId: string, settingId: string) {
  return and(
    eq(requestInvitations.requestId, requestId),
    eq(requestInvitations.settingId, settingId),
    eq(requestInvitations.organisationId, actor.organisationId),
  );
}

/** This provider's invitation for one of its settings, or 404. */
export async function ownInvitation(tx: Tx, actor: Provider, requestId: string, settingId: string) {
  const [invitation] = await tx
    .select({ settingId: requestInvitations.settingId })
    .from(requestInvitations)
    .where(isOwnInvitation(actor, requestId, settingId));
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

/**
 * This provider's invitation for one of its settings, read under the request's lock (its status
 * is current) together with the database's clock, in one round trip; or 404.
 */
export async function ownInvitationNow(tx: Tx, actor: Provider, requestId: string, settingId: string) {
  const [row] = await tx
    .select({ status: requestInvitations.status, ...clockColumns })
    .from(requestInvitations)
    .where(isOwnInvitation(actor, requestId, settingId));
  if (!row) throw notFound("Your invitation for that setting");
  return { status: row.status, ...clockOf(row) };
}
