import { z } from "zod";
import { PDS_RISK_CODES } from "../codes/directory";
import {
  INCIDENT_KINDS,
  OUTCOME_SCORES,
  PROVIDER_VIEW_DECISIONS,
  REVIEW_KINDS,
  REVIEW_RISK_TRAJECTORIES,
  REVIEW_STABILITIES,
  REVIEW_STATUSES,
  VIEW_SCORES,
} from "../codes/outcomes";
import { HIGH_RISK_RULES } from "../insights/high-risk";
import { calendarDate, plainText } from "./primitives";

/**
 * Outcome reviews of a placement (issue 13): the EHC plan's outcomes on the child's profile, the
 * council's reviews (baseline and later), the provider's view of a review, and the distance
 * travelled drawn from them. Free text passes the profile's personal-data check on the server.
 */

const statement = plainText({ error: "Enter the outcome" })
  .trim()
  .min(1, { error: "Enter the outcome" })
  .max(300, { error: "An outcome must be 300 characters or fewer" });

/** A review of a placement in a path: /placements/:id/reviews/:reviewId. */
export const ReviewParamsSchema = z.object({ id: z.uuid({ error: "Not a valid id" }), reviewId: z.uuid({ error: "Not a valid id" }) }).strict();

/** The outcomes of the child's EHC plan (section E), in order. An outcome left out is retired, not deleted. */
export const ChildOutcomesInputSchema = z
  .object({
    outcomes: z.array(z.object({ id: z.uuid({ error: "Unknown outcome" }).optional(), statement }).strict()).max(50, { error: "List at most 50 outcomes" }),
  })
  .strict();
export type ChildOutcomesInput = z.infer<typeof ChildOutcomesInputSchema>;

export const ChildOutcomeSchema = z.object({ id: z.uuid(), position: z.number().int(), statement: z.string(), retired: z.boolean() });
export type ChildOutcome = z.infer<typeof ChildOutcomeSchema>;
export const ChildOutcomesResponseSchema = z.object({ data: z.array(ChildOutcomeSchema) });

const count = (what: string) =>
  z
    .int({ error: `Enter the number of ${what} as a whole number` })
    .min(0, { error: `The number of ${what} cannot be negative` })
    .max(10_000, { error: `The number of ${what} must be 10000 or fewer` });

export const IncidentCountsSchema = z
  .object({
    missingEpisodes: count("missing episodes"),
    exclusions: count("exclusions"),
    policeContacts: count("police contacts"),
    physicalInterventions: count("physical interventions"),
    hospitalAdmissions: count("hospital admissions"),
  })
  .strict();

const scoreOf = (what: string) =>
  z.union(
    OUTCOME_SCORES.map((s) => z.literal(s)),
    { error: `Choose ${what} from 1 to 5` },
  );

const uniqueBy =
  <T>(key: (item: T) => unknown) =>
  (items: T[]) =>
    new Set(items.map(key)).size === items.length;

/**
 * What the council (or the provider, for its view) records. A draft may leave values empty
 * (null, or an empty list): incidents are null until given, so "none given" is not read as zero.
 * Submitting asks for them all (every current outcome scored, stability, attendance for an
 * education lot, incidents).
 */
const reviewFields = {
  scores: z
    .array(z.object({ outcomeId: z.uuid({ error: "Unknown outcome" }), score: scoreOf("progress") }).strict())
    .max(50)
    .refine(
      uniqueBy((s: { outcomeId: string }) => s.outcomeId),
      { error: "Score each outcome once" },
    ),
  attendancePercent: z
    .int({ error: "Enter attendance as a whole percentage" })
    .min(0, { error: "Attendance must be 0% or more" })
    .max(100, { error: "Attendance must be 100% or less" })
    .nullable(),
  incidents: IncidentCountsSchema.nullable(),
  risks: z
    .array(
      z
        .object({
          code: z.enum(PDS_RISK_CODES, { error: "Choose a risk from the Placements Data Standard list" }),
          trajectory: z.enum(REVIEW_RISK_TRAJECTORIES, { error: "Choose none, historic, current or escalating" }),
        })
        .strict(),
    )
    .max(PDS_RISK_CODES.length)
    .refine(
      uniqueBy((r: { code: string }) => r.code),
      { error: "List each risk once" },
    ),
  stability: z.enum(REVIEW_STABILITIES, { error: "Choose stable, at risk or notice given" }).nullable(),
  notes: plainText().trim().max(2000, { error: "Notes must be 2000 characters or fewer" }),
};

export const OutcomeReviewInputSchema = z
  .object({
    kind: z.enum(REVIEW_KINDS, { error: "Choose baseline or review" }),
    reviewDate: calendarDate({ error: "Enter the date of the review as a real date, for example 27 3 2027" }),
    ...reviewFields,
    childView: z
      .union(
        VIEW_SCORES.map((s) => z.literal(s)),
        { error: "Choose the child's view from 1 to 5" },
      )
      .nullable(),
    familyView: z
      .union(
        VIEW_SCORES.map((s) => z.literal(s)),
        { error: "Choose the family's view from 1 to 5" },
      )
      .nullable(),
  })
  .strict();
export type OutcomeReviewInput = z.infer<typeof OutcomeReviewInputSchema>;

/** The provider's own view of a review. */
export const ProviderViewInputSchema = z.object(reviewFields).strict();
export type ProviderViewInput = z.infer<typeof ProviderViewInputSchema>;

/** The council accepts the provider's view, or annotates it with its own note. */
export const ProviderViewDecisionSchema = z.discriminatedUnion(
  "decision",
  [
    z.object({ decision: z.literal("accepted") }).strict(),
    z
      .object({
        decision: z.literal("annotated"),
        annotation: plainText({ error: "Enter the council's note" })
          .trim()
          .min(1, { error: "Enter the council's note" })
          .max(2000, { error: "The note must be 2000 characters or fewer" }),
      })
      .strict(),
  ],
  { error: "Choose accept or annotate" },
);
export type ProviderViewDecisionInput = z.infer<typeof ProviderViewDecisionSchema>;

const IncidentsOutSchema = z.object(
  Object.fromEntries(INCIDENT_KINDS.map((k) => [k, z.number().int()])) as Record<(typeof INCIDENT_KINDS)[number], z.ZodNumber>,
);
const ScoreOutSchema = z.object({ outcomeId: z.uuid(), score: z.number().int() });
const RiskOutSchema = z.object({ code: z.enum(PDS_RISK_CODES), trajectory: z.enum(REVIEW_RISK_TRAJECTORIES) });

export const ProviderViewSchema = z.object({
  scores: z.array(ScoreOutSchema),
  attendancePercent: z.number().int().nullable(),
  incidents: IncidentsOutSchema.nullable(),
  risks: z.array(RiskOutSchema),
  stability: z.enum(REVIEW_STABILITIES).nullable(),
  notes: z.string(),
  submittedAt: z.iso.datetime(),
  decision: z.enum(PROVIDER_VIEW_DECISIONS).nullable(),
  annotation: z.string().nullable(),
  decidedAt: z.iso.datetime().nullable(),
});
export type ProviderView = z.infer<typeof ProviderViewSchema>;

export const OutcomeReviewSchema = z.object({
  id: z.uuid(),
  placementId: z.uuid(),
  kind: z.enum(REVIEW_KINDS),
  status: z.enum(REVIEW_STATUSES),
  reviewDate: z.iso.date(),
  scores: z.array(ScoreOutSchema),
  attendancePercent: z.number().int().nullable(),
  incidents: IncidentsOutSchema.nullable(),
  risks: z.array(RiskOutSchema),
  stability: z.enum(REVIEW_STABILITIES).nullable(),
  childView: z.number().int().nullable(),
  familyView: z.number().int().nullable(),
  notes: z.string(),
  submittedAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
  providerView: ProviderViewSchema.nullable(),
});
export type OutcomeReview = z.infer<typeof OutcomeReviewSchema>;
export const OutcomeReviewResponseSchema = z.object({ data: OutcomeReviewSchema });
export const OutcomeReviewListResponseSchema = z.object({ data: z.array(OutcomeReviewSchema) });

/**
 * Distance travelled: for each outcome the change from the baseline to each submitted review,
 * the incident rates per 4 weeks between reviews, and each risk's trajectory over time. The chart
 * and the table beside it are drawn from these same numbers.
 */
export const DistanceTravelledSchema = z.object({
  placementId: z.uuid(),
  baselineDate: z.iso.date().nullable(),
  reviewDates: z.array(z.iso.date()),
  outcomes: z.array(
    z.object({
      outcomeId: z.uuid(),
      statement: z.string(),
      baseline: z.number().int().nullable(),
      /** One per review date, in order: the score and its change from the baseline (null where either is missing). */
      points: z.array(z.object({ reviewDate: z.iso.date(), score: z.number().int().nullable(), change: z.number().int().nullable() })),
    }),
  ),
  /** Incidents since the previous review, per 4 weeks of the time between them. */
  incidentRates: z.array(
    z.object({
      reviewDate: z.iso.date(),
      weeks: z.number(),
      per4Weeks: IncidentsOutSchema.extend(
        Object.fromEntries(INCIDENT_KINDS.map((k) => [k, z.number()])) as Record<(typeof INCIDENT_KINDS)[number], z.ZodNumber>,
      ),
      total: z.number(),
    }),
  ),
  risks: z.array(
    z.object({ code: z.enum(PDS_RISK_CODES), points: z.array(z.object({ reviewDate: z.iso.date(), trajectory: z.enum(REVIEW_RISK_TRAJECTORIES) })) }),
  ),
  /** Mean change over the outcomes from the baseline to the latest review, or null. */
  meanChange: z.number().nullable(),
});
export type DistanceTravelled = z.infer<typeof DistanceTravelledSchema>;
export const DistanceTravelledResponseSchema = z.object({ data: DistanceTravelledSchema });

/** A placement's high-risk status: the rules of the region's definition that hold for it. */
export const PlacementHighRiskSchema = z.object({
  highRisk: z.boolean(),
  rules: z.array(z.object({ rule: z.enum(HIGH_RISK_RULES), description: z.string() })),
});
export type PlacementHighRisk = z.infer<typeof PlacementHighRiskSchema>;

/**
 * GET /api/v1/placements: the council's own placements (with the child's reference and when the
 * next review is due), or a provider's (never the child's reference; whether a submitted review
 * awaits the provider's view).
 */
export const CouncilPlacementListItemSchema = z.object({
  id: z.uuid(),
  childId: z.uuid(),
  childReference: z.string(),
  settingName: z.string(),
  organisationName: z.string(),
  startDate: z.iso.date(),
  reviewDates: z.array(z.iso.date()),
  endDate: z.iso.date().nullable(),
  /** The baseline's date (the start) until a baseline is submitted, then the first review date after the latest submitted review; null once ended or none is left. */
  nextReviewDue: z.iso.date().nullable(),
});
export const ProviderPlacementListItemSchema = z.object({
  id: z.uuid(),
  settingName: z.string(),
  startDate: z.iso.date(),
  endDate: z.iso.date().nullable(),
  /** A submitted review of this placement has no view from the provider yet. */
  reviewAwaitsView: z.boolean(),
});
export const PlacementListResponseSchema = z.discriminatedUnion("viewer", [
  z.object({ viewer: z.literal("council"), data: z.array(CouncilPlacementListItemSchema) }),
  z.object({ viewer: z.literal("provider"), data: z.array(ProviderPlacementListItemSchema) }),
]);
export type PlacementListResponse = z.infer<typeof PlacementListResponseSchema>;

/** Attendance is recorded for education lots: every lot but 5 (16+ residential, a home rather than a school). */
export const recordsAttendance = (lotNumber: number) => lotNumber !== 5;

/**
 * What a review still lacks before it can be submitted, as [field, message] pairs (the server
 * answers them as a 400, the form shows them beside the fields): every current outcome scored,
 * stability, attendance for an education lot, and incidents.
 */
export function missingForSubmit(
  review: Pick<OutcomeReviewInput, "stability" | "attendancePercent" | "incidents"> & { scores: readonly { outcomeId: string }[] },
  { currentOutcomeIds, lotNumber }: { currentOutcomeIds: readonly string[]; lotNumber: number },
): [field: string, message: string][] {
  const scored = new Set(review.scores.map((s) => s.outcomeId));
  const missing: [string, string][] = [];
  if (currentOutcomeIds.some((id) => !scored.has(id))) missing.push(["scores", "Score progress on every outcome of the plan"]);
  if (review.stability === null) missing.push(["stability", "Choose how stable the placement is"]);
  if (review.attendancePercent === null && recordsAttendance(lotNumber)) missing.push(["attendancePercent", "Enter attendance as a percentage of sessions"]);
  if (review.incidents === null) missing.push(["incidents", "Enter the number of each kind of incident since the last review (0 if none)"]);
  return missing;
}
