import { and, eq, inArray, isNull, ne, or, sql, type SQLWrapper } from "drizzle-orm";
import type { NotificationKind } from "@shared/codes/notifications";
import type { DbOrTx } from "../../db/client";
import { type ClarificationRow, offers, organisations, type PlacementRequestRow, requestInvitations, settings, users } from "../../db/schema";
import {
  amendedMessage,
  clarificationAnsweredMessage,
  intentionMessage,
  intentionWithdrawnMessage,
  type Message,
  offersOpenedMessage,
  outcomeMessage,
  type OwnScores,
  questionReceivedMessage,
  requestClosedMessage,
  type RequestFacts,
  requestInvitedMessage,
  requestNoOffersMessage,
} from "./messages/tenders";
import { notify, recipientsOf } from "./notify";

/*
 * The placement-requests module's hooks (issue 15): each is called inside the transaction of the
 * command that causes it. Providers are told through their organisation's provider staff; the
 * council through every commissioner of the council (a request has a creator but no owner: whoever
 * of the council's commissioners is on duty answers it).
 */

async function factsOf(tx: DbOrTx, request: PlacementRequestRow): Promise<RequestFacts> {
  const [council] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, request.organisationId));
  return { requestId: request.id, councilName: council?.name ?? "The council", deadline: request.deadline };
}

/**
 * The provider staff of several organisations in one query, by organisation: those of `ids` and
 * of the organisations `among` selects (a subquery, read in the same statement). A request tells
 * up to hundreds of them inside the transaction of its change, where a query per organisation,
 * then one for the organisations and one for their staff, was most of the change's time.
 */
async function staffByOrganisation(tx: DbOrTx, ids: readonly string[], among?: SQLWrapper): Promise<Map<string, string[]>> {
  const staff = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0 && !among) return staff;
  const rows = await tx
    .select({ id: users.id, organisationId: users.organisationId })
    .from(users)
    .where(
      and(
        or(ids.length > 0 ? inArray(users.organisationId, [...new Set(ids)]) : undefined, among ? inArray(users.organisationId, among) : undefined),
        eq(users.role, "provider"),
        isNull(users.disabledAt),
      ),
    )
    .orderBy(sql`${users.id}`);
  for (const row of rows) {
    if (!row.organisationId) continue;
    const theirs = staff.get(row.organisationId) ?? [];
    theirs.push(row.id);
    staff.set(row.organisationId, theirs);
  }
  return staff;
}

/** Everyone in a map of staff by organisation. */
const everyoneIn = (staff: Map<string, string[]>) => [...staff.values()].flat();
/** Everyone on the staff of any of these organisations. */
const staffOfAll = async (tx: DbOrTx, ids: readonly string[], among?: SQLWrapper) => everyoneIn(await staffByOrganisation(tx, ids, among));
const commissioners = (tx: DbOrTx, request: PlacementRequestRow) => recipientsOf(tx, { organisationId: request.organisationId, roles: ["commissioner"] });

const send = (tx: DbOrTx, kind: NotificationKind, userIds: string[], about: string, m: Message) =>
  notify(tx, { kind, userIds, about, title: m.title, body: m.body, link: m.link, personalisation: m.personalisation });

/** Each invited setting's provider staff, when the request opens (settings: only those, when invited later). */
export async function tellInvited(tx: DbOrTx, request: PlacementRequestRow, settingIds?: readonly string[]): Promise<void> {
  const facts = await factsOf(tx, request);
  const invited = await tx
    .select({ settingId: requestInvitations.settingId, organisationId: requestInvitations.organisationId, settingName: settings.name })
    .from(requestInvitations)
    .innerJoin(settings, eq(settings.id, requestInvitations.settingId))
    .where(and(eq(requestInvitations.requestId, request.id), settingIds ? inArray(requestInvitations.settingId, [...settingIds]) : undefined));
  const staff = await staffByOrganisation(
    tx,
    invited.map((i) => i.organisationId),
  );
  for (const i of invited) {
    await send(
      tx,
      "request_invited",
      staff.get(i.organisationId) ?? [],
      `invited:${request.id}:${i.settingId}`,
      requestInvitedMessage({ ...facts, settingName: i.settingName }),
    );
  }
}

/** The council's commissioners; the asker is not named (answers to all keep the asker anonymous too). */
export async function tellQuestionReceived(tx: DbOrTx, request: PlacementRequestRow, clarification: ClarificationRow): Promise<void> {
  await send(tx, "question_received", await commissioners(tx, request), `question:${clarification.id}`, questionReceivedMessage(await factsOf(tx, request)));
}

/** The organisations invited to a request that have not declined it (a subquery, for staffByOrganisation). */
const stillInvited = (tx: DbOrTx, requestId: string) =>
  tx
    .selectDistinct({ id: requestInvitations.organisationId })
    .from(requestInvitations)
    .where(and(eq(requestInvitations.requestId, requestId), ne(requestInvitations.status, "declined")));

/** Published to all: every invited provider that has not declined; answered privately: the asking provider only. */
export async function tellClarificationAnswered(tx: DbOrTx, request: PlacementRequestRow, clarification: ClarificationRow): Promise<void> {
  const toAll = clarification.visibility === "all";
  const userIds = toAll
    ? await staffOfAll(tx, [], stillInvited(tx, request.id))
    : await staffOfAll(tx, clarification.askedByOrganisationId ? [clarification.askedByOrganisationId] : []);
  await send(tx, "clarification_answered", userIds, `answered:${clarification.id}`, clarificationAnsweredMessage({ ...(await factsOf(tx, request)), toAll }));
}

/** The organisations with an active offer on a request (a subquery, for staffByOrganisation). */
const offeringOrganisations = (tx: DbOrTx, requestId: string) =>
  tx
    .selectDistinct({ id: offers.organisationId })
    .from(offers)
    .where(and(eq(offers.requestId, requestId), eq(offers.status, "active")));

/** At closing: the council's commissioners (with the count of offers) and, when offers were opened, every provider that offered. */
export async function tellClosed(tx: DbOrTx, request: PlacementRequestRow, offerCount: number): Promise<void> {
  const facts = await factsOf(tx, request);
  if (offerCount === 0) {
    await send(tx, "request_no_offers", await commissioners(tx, request), `closed:${request.id}`, requestNoOffersMessage(facts));
    return;
  }
  await send(tx, "request_closed", await commissioners(tx, request), `closed:${request.id}`, requestClosedMessage({ ...facts, offers: offerCount }));
  const userIds = await staffOfAll(tx, [], offeringOrganisations(tx, request.id));
  await send(tx, "offers_opened", userIds, `opened:${request.id}`, offersOpenedMessage(facts));
}

/** The staff of every provider that offered, and of the one awarded (an offer of its is the award's), by organisation. */
const everyOfferersStaff = (tx: DbOrTx, request: PlacementRequestRow, awardedOrganisationId: string) =>
  staffByOrganisation(tx, [awardedOrganisationId], offeringOrganisations(tx, request.id));

/** On the award's confirmation: the awarded provider "awarded", every other provider with an offer "not awarded"; both read their scores on the request's page. */
export async function tellOutcome(tx: DbOrTx, request: PlacementRequestRow, awardedOrganisationId: string): Promise<void> {
  const facts = await factsOf(tx, request);
  const staff = await everyOfferersStaff(tx, request, awardedOrganisationId);
  const others = [...staff].flatMap(([organisationId, userIds]) => (organisationId === awardedOrganisationId ? [] : userIds));
  // Two messages: the awarded provider's and everyone else's.
  await send(tx, "outcome", staff.get(awardedOrganisationId) ?? [], `outcome:${request.id}`, outcomeMessage({ ...facts, awarded: true }));
  await send(tx, "outcome", others, `outcome:${request.id}`, outcomeMessage({ ...facts, awarded: false }));
}

/**
 * On the intention to award: every provider that offered, each with its own scores only
 * (`scoresOf` answers for one organisation) and, to the others, the successful provider's name.
 * `about` carries when the intention was made, so a second intention after a withdrawal is told too.
 */
export async function tellIntention(
  tx: DbOrTx,
  request: PlacementRequestRow,
  intention: { awardedOrganisationId: string; successfulProviderName: string; standstillEndsAt: Date; madeAt: Date },
  scoresOf: (organisationId: string) => Promise<OwnScores[]>,
): Promise<void> {
  const facts = await factsOf(tx, request);
  const staff = await everyOfferersStaff(tx, request, intention.awardedOrganisationId);
  for (const organisationId of staff.keys()) {
    const message = intentionMessage({
      ...facts,
      successful: organisationId === intention.awardedOrganisationId,
      successfulProviderName: intention.successfulProviderName,
      standstillEndsAt: intention.standstillEndsAt,
      scores: await scoresOf(organisationId),
    });
    await send(tx, "outcome", staff.get(organisationId) ?? [], `intention:${request.id}:${intention.madeAt.toISOString()}`, message);
  }
}

/** The intention was withdrawn: every provider that offered (the winner of the intention included). */
export async function tellIntentionWithdrawn(tx: DbOrTx, request: PlacementRequestRow, awardedOrganisationId: string, withdrawnAt: Date): Promise<void> {
  const userIds = everyoneIn(await everyOfferersStaff(tx, request, awardedOrganisationId));
  await send(tx, "outcome", userIds, `withdrawn:${request.id}:${withdrawnAt.toISOString()}`, intentionWithdrawnMessage(await factsOf(tx, request)));
}

/** An amendment: every invited provider that has not declined, once per amendment. */
export async function tellAmended(
  tx: DbOrTx,
  request: PlacementRequestRow,
  amendment: { number: number; changes: { deadline?: { from: string } } },
): Promise<void> {
  const userIds = await staffOfAll(tx, [], stillInvited(tx, request.id));
  const deadlineFrom = amendment.changes.deadline ? new Date(amendment.changes.deadline.from) : null;
  await send(
    tx,
    "request_amended",
    userIds,
    `amended:${request.id}:${amendment.number}`,
    amendedMessage({ ...(await factsOf(tx, request)), number: amendment.number, deadlineFrom }),
  );
}
