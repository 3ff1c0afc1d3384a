import { z } from "zod";
import type { PdsRisk } from "../codes/directory";
import type { RequestMode, RequestState } from "../codes/tenders";
import { plainText } from "../schemas/primitives";
import { LotNumberSchema } from "../schemas/settings";
import type { Cell } from "./disclosure";
import type { HighRiskRule } from "./high-risk";

/**
 * The regional insights' contract (issue 13): the filters, the facts the figures are drawn from,
 * and the tables as published (JSON and CSV carry "[c]" in the same places).
 */

// plainText first, as every text input: control characters are refused (and documented) before the month's own pattern.
const month = plainText({ error: "Enter a real month and year, like 2026-04 for April 2026" }).regex(/^(19|20|21)\d{2}-(0[1-9]|1[0-2])$/, {
  error: "Enter a real month and year, like 2026-04 for April 2026",
});

/** Period of award (whole months, inclusive), lot, council, high-risk only. */
export const InsightsFilterSchema = z
  .object({
    from: month.optional(),
    to: month.optional(),
    lot: z.coerce.number({ error: "Choose a lot from 1 to 7" }).pipe(LotNumberSchema).optional(),
    council: z.uuid({ error: "Choose a council of the region" }).optional(),
    highRisk: z.enum(["only"], { error: "highRisk can only be 'only'" }).optional(),
  })
  .strict()
  .refine((f) => !f.from || !f.to || f.from <= f.to, { error: "The period must start on or before its end", path: ["to"] });
export type InsightsFilter = z.infer<typeof InsightsFilterSchema>;

/** Two filter sets side by side: each field of a filter prefixed with a or b (aLot, bHighRisk, ...). */
export const CohortQuerySchema = z
  .object({
    aFrom: month.optional(),
    aTo: month.optional(),
    aLot: z.coerce.number({ error: "Choose a lot from 1 to 7" }).pipe(LotNumberSchema).optional(),
    aCouncil: z.uuid({ error: "Choose a council of the region" }).optional(),
    aHighRisk: z.enum(["only"]).optional(),
    bFrom: month.optional(),
    bTo: month.optional(),
    bLot: z.coerce.number({ error: "Choose a lot from 1 to 7" }).pipe(LotNumberSchema).optional(),
    bCouncil: z.uuid({ error: "Choose a council of the region" }).optional(),
    bHighRisk: z.enum(["only"]).optional(),
  })
  .strict();
export type CohortQuery = z.infer<typeof CohortQuerySchema>;

/** One placement as the insights see it (a row of placement_facts). Dates are YYYY-MM-DD. */
export interface PlacementFact {
  placementId: string;
  councilId: string;
  lot: number;
  mode: RequestMode | null;
  awardDate: string;
  startDate: string;
  endDate: string | null;
  breakdown: boolean;
  weeklyFeePence: number;
  /** Current or escalating PDS risks at the start (the baseline review's, else the profile's). */
  presentRisks: PdsRisk[];
  highRiskRules: HighRiskRule[];
  ofstedGrade: number | null;
  /** Home district to setting, km. */
  distanceKm: number | null;
  /** The setting stands in the council's own local authority; null when not known. */
  inArea: boolean | null;
  /** The setting said it manages every present risk of the child; null when the child has none. */
  risksManaged: boolean | null;
  /** Request opened to award. */
  daysToAward: number | null;
  /** Child's needed-by date to the placement's start (negative: started before it was needed). */
  daysNeededToStart: number | null;
  offersCount: number | null;
  /** Mean change of outcome scores, baseline to latest submitted review; null without both. */
  outcomeChange: number | null;
  /** All incidents since the baseline per 4 weeks; null without a submitted review. */
  incidentsPer4Weeks: number | null;
}

/** One request that left the draft state (a row of request_facts). */
export interface RequestFact {
  requestId: string;
  councilId: string;
  lot: number;
  mode: RequestMode;
  /** Awarded, else closed, else opened: the request's month for the period filter. */
  periodDate: string;
  state: RequestState;
  offersCount: number;
  daysToAward: number | null;
}

/** A published table: rows by columns of cells (a number, "[c]", or null where nothing applies). */
export const InsightsCellSchema = z.union([z.number(), z.literal("[c]"), z.null()]);
export type InsightsCell = Cell | null;

export const INSIGHTS_CHARTS = ["bar", "grouped-bar", "heatmap", "box", "dot"] as const;

export const InsightsTableSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** What the figure means, in a sentence or two. */
  description: z.string(),
  chart: z.enum(INSIGHTS_CHARTS),
  /** Header of the first column (what the rows are). */
  rowHeader: z.string(),
  columns: z.array(z.object({ key: z.string(), label: z.string(), unit: z.enum(["count", "percent", "pounds", "days", "score", "rate"]) })),
  rows: z.array(z.object({ key: z.string(), label: z.string(), cells: z.array(InsightsCellSchema) })),
  /** The totals row, when the counts add up. */
  totals: z.object({ label: z.string(), cells: z.array(InsightsCellSchema) }).nullable(),
});
export type InsightsTable = z.infer<typeof InsightsTableSchema>;

export const InsightsScopeSchema = z.enum(["region", "council"]);

export const InsightsReportSchema = z.object({
  filter: z.object({
    from: z.string().nullable(),
    to: z.string().nullable(),
    lot: z.number().int().nullable(),
    council: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    highRiskOnly: z.boolean(),
  }),
  scope: InsightsScopeSchema,
  placements: InsightsCellSchema,
  /** When the facts behind these figures were last brought up to date. */
  factsAsOf: z.iso.datetime().nullable(),
  tables: z.array(InsightsTableSchema),
});
export type InsightsReport = z.infer<typeof InsightsReportSchema>;
export const InsightsResponseSchema = z.object({ data: InsightsReportSchema });

export const CohortComparisonSchema = z.object({
  a: InsightsReportSchema.shape.filter.extend({ placements: InsightsCellSchema }),
  b: InsightsReportSchema.shape.filter.extend({ placements: InsightsCellSchema }),
  rows: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      unit: z.enum(["count", "percent", "pounds", "days", "score", "rate"]),
      a: InsightsCellSchema,
      b: InsightsCellSchema,
      difference: InsightsCellSchema,
      /** 95% interval of the difference, only where each group has at least 10 placements. */
      interval: z.tuple([z.number(), z.number()]).nullable(),
    }),
  ),
});
export type CohortComparison = z.infer<typeof CohortComparisonSchema>;
export const CohortComparisonResponseSchema = z.object({ data: CohortComparisonSchema });

/** The period of the published regional summary. */
export const InsightsPublicationInputSchema = z
  .object({ from: month, to: month })
  .strict()
  .refine((p) => p.from <= p.to, { error: "The period must start on or before its end", path: ["to"] });
export const InsightsPublicationSchema = z.object({ from: z.string(), to: z.string(), publishedAt: z.iso.datetime() });

/** GET /api/v1/insights/publication: the period published now, or null before the first. */
export const InsightsPublicationResponseSchema = z.object({ data: InsightsPublicationSchema.nullable() });

/**
 * GET /api/v1/public/insights/:regionId (no sign-in): the region, the published period, and the
 * whole region's tables for it, suppressed; 404 when nothing is published.
 */
export const PublicInsightsSchema = z.object({
  region: z.object({ id: z.uuid(), name: z.string() }),
  publication: InsightsPublicationSchema,
  report: InsightsReportSchema,
});
export const PublicInsightsResponseSchema = z.object({ data: PublicInsightsSchema });

/** The region of the published summary, in its path. */
export const PublicInsightsParamsSchema = z.object({ regionId: z.uuid({ error: "Not a valid id" }) }).strict();
