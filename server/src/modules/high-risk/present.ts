import { describeHighRiskRule, type HighRiskRule, type HighRiskRules } from "@shared/insights/high-risk";
import type { PlacementHighRisk } from "@shared/schemas/outcome-reviews";

export const presentHighRiskDefinition = (rules: HighRiskRules, updatedAt: Date | null) => ({
  rules,
  updatedAt: updatedAt ? updatedAt.toISOString() : null,
});

/** Which rules made the placement high risk, each in the definition's words. */
export const presentPlacementHighRisk = (met: HighRiskRule[], rules: HighRiskRules): PlacementHighRisk => ({
  highRisk: met.length > 0,
  rules: met.map((rule) => ({ rule, description: describeHighRiskRule(rule, rules) })),
});
