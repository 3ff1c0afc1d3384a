import { z } from "zod";
import { LotNumberSchema } from "./settings";

/** The weighted criteria, in the order a result lists them (weights: shared/src/matching/weights.ts). */
export const MATCH_CRITERIA = ["need_fit", "distance", "price", "ofsted", "parental_preference", "parent_feedback"] as const;
export type MatchCriterion = (typeof MATCH_CRITERIA)[number];

/** The hard rules; a setting that breaks any is left out, and says why when asked. */
export const MATCH_RULES = ["lot", "age", "sex", "vacancy", "primary_need", "risk", "ofsted_inadequate", "distance"] as const;
export type MatchRule = (typeof MATCH_RULES)[number];

export const MatchesQuerySchema = z
  .object({
    /** Another lot than the profile's placement type, to compare. */
    lot: z.coerce.number({ error: "Choose a lot from 1 to 7" }).pipe(LotNumberSchema).optional(),
    limit: z.coerce
      .number({ error: "Enter how many results, from 1 to 100" })
      .int({ error: "Enter how many results, from 1 to 100" })
      .min(1, { error: "Enter how many results, from 1 to 100" })
      .max(100, { error: "Enter how many results, from 1 to 100" })
      .default(20),
    explain: z.enum(["excluded"], { error: "explain can only be excluded" }).optional(),
  })
  .strict();
export type MatchesQuery = z.infer<typeof MatchesQuerySchema>;

export const MatchCriterionScoreSchema = z.object({
  criterion: z.enum(MATCH_CRITERIA),
  points: z.number(),
  maxPoints: z.number(),
  /** One line a commissioner can read, e.g. "Specialist in autism (primary need)". */
  reason: z.string(),
});

export const MatchSchema = z.object({
  rank: z.number().int(),
  settingId: z.uuid(),
  settingName: z.string(),
  organisationName: z.string(),
  town: z.string(),
  outcode: z.string().nullable(),
  distanceKm: z.number().nullable(),
  vacancies: z.number().int(),
  ofstedGrade: z.number().int().nullable(),
  /** The provider's framework price for the child's band on the lot, when both are known. */
  bandPricePence: z.number().int().nullable(),
  /** Out of 100. */
  score: z.number(),
  criteria: z.array(MatchCriterionScoreSchema),
});
export type Match = z.infer<typeof MatchSchema>;

export const ExclusionSchema = z.object({
  settingId: z.uuid(),
  settingName: z.string(),
  reasons: z.array(z.object({ rule: z.enum(MATCH_RULES), reason: z.string() })).min(1),
});
export type Exclusion = z.infer<typeof ExclusionSchema>;

export const MatchesResponseSchema = z.object({
  data: z.object({
    childId: z.uuid(),
    lotNumber: z.number().int(),
    /** How many of the region's settings listed on the lot matched were considered (not those of other lots). */
    considered: z.number().int(),
    matches: z.array(MatchSchema),
    /** Only with explain=excluded. */
    excluded: z.array(ExclusionSchema).optional(),
  }),
});
export type MatchesResponse = z.infer<typeof MatchesResponseSchema>;
