import { z } from "zod";
import { LOT_NUMBERS } from "../codes/lots";

/**
 * The region's definition of a high-risk placement (issue 13). A placement is high risk when any
 * enabled rule holds; the hub edits the definition, and each placement shows which rules made it
 * high risk. Pure, so the facts refresher, the placement page and the tests use one rule set.
 */

export const HIGH_RISK_RULES = ["risk_count", "deprivation_of_liberty", "fee_above_ceiling", "lot"] as const;
export type HighRiskRule = (typeof HIGH_RISK_RULES)[number];

export const HighRiskRulesSchema = z
  .object({
    /** Placements with at least this many current or escalating PDS risks; null turns the rule off. */
    minPresentRisks: z.int({ error: "Enter a whole number of risks from 1 to 11" }).min(1).max(11).nullable(),
    /** A deprivation of liberty requirement on the child's profile. */
    deprivationOfLiberty: z.boolean({ error: "Say whether a deprivation of liberty makes a placement high risk" }),
    /** A weekly fee above the highest band ceiling of the placement's lot. */
    feeAboveHighestCeiling: z.boolean({ error: "Say whether a fee above the highest band ceiling makes a placement high risk" }),
    /** Every placement in these lots (default: 7, unregistered alternative provision). */
    lots: z
      .array(z.union(LOT_NUMBERS.map((n) => z.literal(n)) as [z.ZodLiteral<number>, ...z.ZodLiteral<number>[]], { error: "Choose lots from 1 to 7" }))
      .max(7)
      .refine((lots) => new Set(lots).size === lots.length, { error: "List each lot once" }),
  })
  .strict();
export type HighRiskRules = z.infer<typeof HighRiskRulesSchema>;

export const DEFAULT_HIGH_RISK_RULES: HighRiskRules = { minPresentRisks: 3, deprivationOfLiberty: true, feeAboveHighestCeiling: true, lots: [7] };

/** What a placement is judged on. */
export interface HighRiskSubject {
  /** Current or escalating PDS risks. */
  presentRiskCount: number;
  deprivationOfLiberty: boolean | null;
  weeklyFeePence: number;
  /** The highest band ceiling of the placement's lot in the region's framework, if one is set. */
  highestCeilingPence: number | null;
  lot: number;
}

/** The rules that make the placement high risk, in HIGH_RISK_RULES order; empty when it is not. */
export function highRiskRulesMet(rules: HighRiskRules, subject: HighRiskSubject): HighRiskRule[] {
  const met: HighRiskRule[] = [];
  if (rules.minPresentRisks !== null && subject.presentRiskCount >= rules.minPresentRisks) met.push("risk_count");
  if (rules.deprivationOfLiberty && subject.deprivationOfLiberty === true) met.push("deprivation_of_liberty");
  if (rules.feeAboveHighestCeiling && subject.highestCeilingPence !== null && subject.weeklyFeePence > subject.highestCeilingPence)
    met.push("fee_above_ceiling");
  if (rules.lots.includes(subject.lot)) met.push("lot");
  return met;
}

/** One line for each rule met, in the words of the definition. */
export function describeHighRiskRule(rule: HighRiskRule, rules: HighRiskRules): string {
  switch (rule) {
    case "risk_count":
      return `${rules.minPresentRisks ?? 0} or more current or escalating risks`;
    case "deprivation_of_liberty":
      return "A deprivation of liberty requirement";
    case "fee_above_ceiling":
      return "Weekly fee above the highest band ceiling of its lot";
    case "lot":
      return `Placed in lot ${rules.lots.join(" or ")}`;
  }
}

/** GET and PUT /api/v1/high-risk-definition: the region's rules (the default until the hub changes them). */
export const HighRiskDefinitionSchema = z.object({
  rules: HighRiskRulesSchema,
  /** Null while the default applies. */
  updatedAt: z.iso.datetime().nullable(),
});
export const HighRiskDefinitionResponseSchema = z.object({ data: HighRiskDefinitionSchema });
