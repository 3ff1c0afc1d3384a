import type { OutcomeReviewInput, ProviderViewInput } from "@shared/schemas/outcome-reviews";
import type { Db } from "../../server/src/db/client";
import { type ChildOutcomeRow, childOutcomes, outcomeReviews, providerReviewViews } from "../../server/src/db/schema";
import { buildOrganisation } from "./organisations";
import { buildRequestAt, type StagedRequest, type StageOptions } from "./request-stages";
import { buildUser, type BuiltUser } from "./users";

export interface ReviewedPlacement {
  staged: StagedRequest;
  regionId: string;
  placementId: string;
  startDate: string;
  /** People of the placing council and of the provider, with API tokens. */
  council: BuiltUser;
  provider: BuiltUser;
  /** The child's plan outcomes, in order. */
  outcomes: ChildOutcomeRow[];
}

/** An awarded placement (through the real commands) whose child has EHC plan outcomes, and a person on each side. */
export async function buildReviewedPlacement(db: Db, options: Partial<StageOptions> & { outcomes?: string[] } = {}): Promise<ReviewedPlacement> {
  const regionId = options.regionId ?? (await buildOrganisation(db, { kind: "council" })).regionId;
  const staged = await buildRequestAt(db, "awarded", { ...options, regionId });
  const statements = options.outcomes ?? ["To travel to school with an adult", "To join a small group for lessons"];
  const outcomes = await db
    .insert(childOutcomes)
    .values(statements.map((statement, i) => ({ childId: staged.child.id, position: i + 1, statement })))
    .returning();
  const [placement] = await db.query.placements.findMany({ where: (p, { eq }) => eq(p.id, staged.placementId!) });
  return {
    staged,
    regionId,
    placementId: staged.placementId!,
    startDate: placement!.startDate,
    council: await buildUser(db, { role: "commissioner", organisationId: staged.request.organisationId }),
    provider: await buildUser(db, { role: "provider", organisationId: staged.provider.organisationId }),
    outcomes,
  };
}

/** The day `days` after an ISO date. */
export const daysAfter = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A complete review body: every outcome scored `score`, no incidents, stable, full attendance. */
export function reviewBody(outcomeIds: string[], overrides: Partial<OutcomeReviewInput> = {}): OutcomeReviewInput {
  return {
    kind: "review",
    reviewDate: "2099-01-01",
    scores: outcomeIds.map((outcomeId) => ({ outcomeId, score: 2 })),
    attendancePercent: 90,
    incidents: { missingEpisodes: 0, exclusions: 0, policeContacts: 0, physicalInterventions: 0, hospitalAdmissions: 0 },
    risks: [],
    stability: "stable",
    childView: null,
    familyView: null,
    notes: "",
    ...overrides,
  };
}

/** A provider's view of a review: the same values, without what only the council records. */
export function providerViewBody(outcomeIds: string[], overrides: Partial<ProviderViewInput> = {}): ProviderViewInput {
  const { kind: _kind, reviewDate: _date, childView: _child, familyView: _family, ...view } = reviewBody(outcomeIds);
  return { ...view, notes: "Settling well; attends every day.", ...overrides };
}

/** A review stored as it is (no checks): a draft, a submitted one, or a submitted one with the provider's view. */
export async function storeReview(
  db: Db,
  p: ReviewedPlacement,
  options: { kind?: "baseline" | "review"; status?: "draft" | "submitted"; withView?: boolean; reviewDate?: string } = {},
): Promise<string> {
  const submitted = options.status === "submitted" || options.withView;
  const body = reviewBody(
    p.outcomes.map((o) => o.id),
    { kind: options.kind ?? "review", reviewDate: options.reviewDate ?? daysAfter(p.startDate, options.kind === "baseline" ? 0 : 42) },
  );
  const [row] = await db
    .insert(outcomeReviews)
    .values({
      ...body,
      incidents: body.incidents ?? {},
      placementId: p.placementId,
      councilId: p.staged.request.organisationId,
      status: submitted ? "submitted" : "draft",
      submittedAt: submitted ? new Date() : null,
    })
    .returning();
  if (options.withView)
    await db.insert(providerReviewViews).values({ reviewId: row!.id, providerId: p.staged.provider.organisationId, notes: "Settling well." });
  return row!.id;
}
