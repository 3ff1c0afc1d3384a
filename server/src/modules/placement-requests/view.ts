import { asc, eq, inArray, sql } from "drizzle-orm";
import type { AnonymisedChild, Clarification, RequestView } from "@shared/schemas/placement-requests";
import { evaluateOffers, providerFeedback } from "@shared/tenders/evaluate";
import { builtOnce } from "../../db/built-once";
import type { DbOrTx } from "../../db/client";
import { clockColumns, clockOf } from "../../db/clock";
import { isoDate } from "../../db/dates";
import {
  awards,
  type ChildProfileRow,
  childProfiles,
  type ClarificationRow,
  clarifications,
  offers,
  offerScores,
  offerVersions,
  organisations,
  type PlacementRequestRow,
  placements,
  requestAmendments,
  requestInvitations,
  settings,
  users,
} from "../../db/schema";
import { ageForPlacement } from "../children/age";
import {
  seesAsker,
  seesChildReference,
  seesClarification,
  seesEvaluationOf,
  seesExactPriceScores,
  seesNextSteps,
  seesOfferContent,
  seesOwn,
  seesRanks,
  seesWhoWithdrew,
} from "./policy";
import { lastSubmittedAt, presentAmendment, presentClarification, presentInvitation, presentOffer, presentPlacement, presentSummary } from "./present";
import type { Viewer } from "./queries";

/** What an invited provider may know of the child: no reference, month of birth or free text but section F. */
export function anonymiseChild(child: ChildProfileRow, today: string): AnonymisedChild {
  const neededBy = isoDate(child.neededBy);
  return {
    ageYears: ageForPlacement(child.birthMonth, neededBy, today),
    sex: child.sex,
    primaryNeed: child.primaryNeed as AnonymisedChild["primaryNeed"],
    secondaryNeeds: child.secondaryNeeds as AnonymisedChild["secondaryNeeds"],
    risksPresent: child.risks,
    requirements: child.requirements,
    recommendation: child.recommendation,
    sectionF: child.sectionF,
    staffingRatio: child.staffingRatio as AnonymisedChild["staffingRatio"],
    therapies: child.therapies as AnonymisedChild["therapies"],
    homeOutcode: child.homeOutcode,
    neededBy,
  };
}

const requestId = sql.placeholder("requestId");

/**
 * The view's reads, built once (builtOnce): every watch, reconnect and REST view runs them all.
 * Reads that depend on nothing but the request are joined where their rows are one each (the
 * child, its council, the clock, the award and the placement), and an offer comes with its
 * versions: every round trip costs the node and the database CPU at national scale, and a lost
 * node's thousands of pages re-watch at once.
 */
const viewQueries = {
  head: builtOnce((db) =>
    db
      .select({
        child: childProfiles,
        council: { name: organisations.name, contactEmail: organisations.contactEmail, contactPhone: organisations.contactPhone },
        ...clockColumns,
        // One each at most (unique on the request), so the head stays one row.
        award: awards,
        placement: placements,
      })
      .from(childProfiles)
      .innerJoin(organisations, eq(organisations.id, sql.placeholder("councilId")))
      .leftJoin(awards, eq(awards.requestId, requestId))
      .leftJoin(placements, eq(placements.requestId, requestId))
      .where(eq(childProfiles.id, sql.placeholder("childId"))),
  ),
  invitations: builtOnce((db) =>
    db
      .select({ invitation: requestInvitations, settingName: settings.name, organisationName: organisations.name })
      .from(requestInvitations)
      .innerJoin(settings, eq(settings.id, requestInvitations.settingId))
      .innerJoin(organisations, eq(organisations.id, requestInvitations.organisationId))
      .where(eq(requestInvitations.requestId, requestId)),
  ),
  offers: builtOnce((db) =>
    db
      .select({ offer: offers, version: offerVersions })
      .from(offers)
      .leftJoin(offerVersions, eq(offerVersions.offerId, offers.id))
      .where(eq(offers.requestId, requestId))
      .orderBy(asc(offers.createdAt), asc(offers.id), asc(offerVersions.version)),
  ),
  clarifications: builtOnce((db) => db.select().from(clarifications).where(eq(clarifications.requestId, requestId))),
  amendments: builtOnce((db) => db.select().from(requestAmendments).where(eq(requestAmendments.requestId, requestId)).orderBy(asc(requestAmendments.number))),
};

/**
 * Everything one viewer may see of a request now. The REST detail and the socket snapshot are
 * this same object, so a client that resynchronises after a reconnect sees what a reload shows.
 */
export async function buildRequestView(db: DbOrTx, request: PlacementRequestRow, viewer: Viewer): Promise<RequestView> {
  const own = (organisationId: string | null) => seesOwn(viewer, organisationId);
  const [head] = await viewQueries.head(db).execute({ councilId: request.organisationId, childId: request.childId, requestId: request.id });
  if (!head) throw new Error(`request ${request.id} has no child or council`);
  const { child, council } = head;
  const { now } = clockOf(head);

  const byRequest = { requestId: request.id };
  const invitationRows = await viewQueries.invitations(db).execute(byRequest);
  const names = new Map(invitationRows.map((r) => [r.invitation.settingId, { settingName: r.settingName, organisationName: r.organisationName }]));
  // Every offer and placement is for an invited setting (foreign keys), so a miss is not expected; show no names rather than fail the page.
  const namesOf = (settingId: string | undefined) => (settingId === undefined ? undefined : names.get(settingId)) ?? { settingName: "", organisationName: "" };

  const offerVersionRows = await viewQueries.offers(db).execute(byRequest);
  const offerRows = [...new Map(offerVersionRows.map((r) => [r.offer.id, r.offer])).values()];
  const versionRows = offerVersionRows.flatMap((r) => (r.version ? [r.version] : []));
  const versionsOf = (offerId: string) => versionRows.filter((v) => v.offerId === offerId);
  const latestAt = (settingId: string) => {
    const offer = offerRows.find((o) => o.settingId === settingId);
    return lastSubmittedAt(offer ? versionsOf(offer.id) : []);
  };
  const visibleOffers = offerRows.filter((o) => seesOfferContent(viewer, request, o.organisationId));

  const clarificationRows = await viewQueries.clarifications(db).execute(byRequest);
  const askerNames = new Map(invitationRows.map((r) => [r.invitation.organisationId, r.organisationName]));
  const visibleClarifications = clarificationRows
    .filter((c) => seesClarification(viewer, c))
    .sort((a, b) => a.askedAt.getTime() - b.askedAt.getTime())
    .map((c) => presentClarification(c, seesAsker(viewer, c.askedByOrganisationId) ? (askerNames.get(c.askedByOrganisationId) ?? null) : null));

  const amendmentRows = await viewQueries.amendments(db).execute(byRequest);

  const evaluated = ["evaluated", "price_round", "standstill", "awarded"].includes(request.state);
  const active = offerRows.filter((o) => o.status === "active");
  const scoreRows =
    evaluated && active.length
      ? await db
          .select()
          .from(offerScores)
          .where(
            inArray(
              offerScores.offerId,
              active.map((o) => o.id),
            ),
          )
      : [];
  const currentFee = (offerId: string) => {
    const offer = offerRows.find((o) => o.id === offerId);
    const v = versionsOf(offerId).find((x) => x.version === offer?.currentVersion);
    return v?.weeklyFeePence ?? 0;
  };
  const evaluation = evaluated
    ? evaluateOffers(
        active.map((o) => ({
          offerId: o.id,
          weeklyFeePence: currentFee(o.id),
          scores: Object.fromEntries(scoreRows.flatMap((s) => (s.offerId === o.id && s.score !== null ? [[s.criterionId, s.score]] : []))),
        })),
        request.criteria.map((c) => c.id),
        { quality: request.qualityWeight, price: request.priceWeight },
      )
    : [];
  const offerOrg = (offerId: string) => offerRows.find((o) => o.id === offerId)?.organisationId ?? null;
  const offerNames = (offerId: string) => namesOf(offerRows.find((o) => o.id === offerId)?.settingId);

  const award = head.award ?? undefined;
  const placement = head.placement ?? undefined;
  const withdrawnBy = request.intentionWithdrawnBy;
  const [withdrew] =
    withdrawnBy && seesWhoWithdrew(viewer)
      ? await db.select({ displayName: users.displayName, email: users.email }).from(users).where(eq(users.id, withdrawnBy))
      : [];

  return {
    viewer: viewer.kind,
    request: presentSummary(request, {
      councilName: council.name,
      childReference: seesChildReference(viewer) ? child.reference : null,
      intentionWithdrawnBy: withdrew ? (withdrew.displayName ?? withdrew.email) : null,
    }),
    child: anonymiseChild(child, now.toISOString().slice(0, 10)),
    serverTime: now.toISOString(),
    invitations: invitationRows
      .filter((r) => own(r.invitation.organisationId))
      .map((r) =>
        presentInvitation(r.invitation, { settingName: r.settingName, organisationName: r.organisationName, offeredAt: latestAt(r.invitation.settingId) }),
      ),
    offers: visibleOffers.map((o) => presentOffer(o, versionsOf(o.id), namesOf(o.settingId))),
    clarifications: visibleClarifications,
    amendments: amendmentRows.map(presentAmendment),
    evaluation: evaluation
      // Providers learn their own scores with the outcome, not before.
      .filter((e) => seesEvaluationOf(viewer, request, offerOrg(e.offerId)))
      .map((e) => {
        const row = {
          offerId: e.offerId,
          ...offerNames(e.offerId),
          weeklyFeePence: e.weeklyFeePence,
          scores: e.scores,
          // The agreed reasons go with the scores: a provider sees its own offer's only (the filter above).
          reasons: Object.fromEntries(scoreRows.flatMap((s) => (s.offerId === e.offerId && s.reason ? [[s.criterionId, s.reason]] : []))),
          qualityScore: e.qualityScore,
          rank: e.rank,
        };
        if (seesExactPriceScores(viewer)) return { ...row, priceScore: e.priceScore, total: e.total, priceScoreRange: null, totalRange: null };
        // A provider's exact price score would disclose the lowest fee (evaluate.ts, providerFeedback).
        return { ...row, priceScore: null, total: null, ...providerFeedback(evaluation, e.offerId, request.priceWeight)! };
      }),
    ranks: seesRanks(viewer, request)
      ? evaluation.filter((e) => own(offerOrg(e.offerId))).map((e) => ({ offerId: e.offerId, rank: e.rank, of: evaluation.length }))
      : [],
    award: award
      ? {
          offerId: own(offerOrg(award.offerId)) ? award.offerId : null,
          reasons: award.reasons,
          awardedAt: award.awardedAt.toISOString(),
          yours: viewer.kind === "commissioner" ? null : own(offerOrg(award.offerId)),
          successfulProviderName: offerNames(award.offerId).organisationName,
          standstillEndsAt: award.standstillEndsAt.toISOString(),
          confirmedAt: award.confirmedAt?.toISOString() ?? null,
          nextSteps:
            placement && seesNextSteps(viewer, request, offerOrg(award.offerId))
              ? {
                  councilName: council.name,
                  contactEmail: council.contactEmail,
                  contactPhone: council.contactPhone,
                  weeklyFeePence: placement.weeklyFeePence,
                  startDate: isoDate(placement.startDate),
                  settingName: namesOf(placement.settingId).settingName,
                }
              : null,
        }
      : null,
    placement: placement && own(placement.providerId) ? presentPlacement(placement, namesOf(placement.settingId)) : null,
    cancelReason: request.cancelReason,
  };
}

/**
 * One clarification as this viewer's view shows it (undefined where they may not see it), from
 * the row its command returned: one read for the asker's name where the viewer may see it, not
 * the whole request's view.
 */
export async function buildClarificationView(db: DbOrTx, viewer: Viewer, row: ClarificationRow): Promise<Clarification | undefined> {
  if (!seesClarification(viewer, row)) return undefined;
  const [asker] = seesAsker(viewer, row.askedByOrganisationId)
    ? await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, row.askedByOrganisationId))
    : [];
  return presentClarification(row, asker?.name ?? null);
}
