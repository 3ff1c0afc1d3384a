import { and, desc, eq, sql } from "drizzle-orm";
import type { PlacementListResponse } from "@shared/schemas/outcome-reviews";
import type { DbOrTx } from "../../db/client";
import { childProfiles, organisations, placements, settings } from "../../db/schema";
import type { PlacementListScope } from "./policy";

/**
 * When the next review is due: the start (for the baseline) until a baseline is submitted, then
 * the first scheduled review date after the latest submitted review; none once ended.
 */
function nextReviewDue(p: { startDate: string; reviewDates: string[]; endDate: string | null }, submitted: { baseline: boolean; latest: string | null }) {
  if (p.endDate !== null) return null;
  if (!submitted.baseline) return p.startDate;
  const after = submitted.latest ?? p.startDate;
  return [...p.reviewDates].sort().find((d) => d > after) ?? null;
}

const submittedBaseline = sql<boolean>`EXISTS (SELECT 1 FROM outcome_reviews r WHERE r.placement_id = ${placements.id} AND r.kind = 'baseline' AND r.status = 'submitted')`;
const latestSubmitted = sql<
  string | null
>`(SELECT to_char(max(r.review_date), 'YYYY-MM-DD') FROM outcome_reviews r WHERE r.placement_id = ${placements.id} AND r.status = 'submitted')`;
const awaitsView = sql<boolean>`EXISTS (SELECT 1 FROM outcome_reviews r WHERE r.placement_id = ${placements.id} AND r.status = 'submitted' AND NOT EXISTS (SELECT 1 FROM provider_review_views v WHERE v.review_id = r.id))`;

/** The placements of the scope's organisation, newest start first, each as its viewer may see it. */
export async function listPlacements(db: DbOrTx, scope: PlacementListScope): Promise<PlacementListResponse> {
  if (scope.kind === "provider") {
    const rows = await db
      .select({ id: placements.id, settingName: settings.name, startDate: placements.startDate, endDate: placements.endDate, reviewAwaitsView: awaitsView })
      .from(placements)
      .innerJoin(settings, eq(settings.id, placements.settingId))
      .where(eq(placements.providerId, scope.organisationId))
      .orderBy(desc(placements.startDate), desc(placements.createdAt));
    return { viewer: "provider", data: rows.map((r) => ({ ...r, reviewAwaitsView: Boolean(r.reviewAwaitsView) })) };
  }
  const rows = await db
    .select({
      id: placements.id,
      childId: placements.childId,
      childReference: childProfiles.reference,
      settingName: settings.name,
      organisationName: organisations.name,
      startDate: placements.startDate,
      reviewDates: placements.reviewDates,
      endDate: placements.endDate,
      baseline: submittedBaseline,
      latest: latestSubmitted,
    })
    .from(placements)
    .innerJoin(childProfiles, eq(childProfiles.id, placements.childId))
    .innerJoin(settings, eq(settings.id, placements.settingId))
    .innerJoin(organisations, eq(organisations.id, placements.providerId))
    .where(and(eq(placements.councilId, scope.organisationId)))
    .orderBy(desc(placements.startDate), desc(placements.createdAt));
  return {
    viewer: "council",
    data: rows.map(({ baseline, latest, ...p }) => ({ ...p, nextReviewDue: nextReviewDue(p, { baseline: Boolean(baseline), latest }) })),
  };
}
