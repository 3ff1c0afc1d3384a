import { eq, inArray } from "drizzle-orm";
import { DEFAULT_HIGH_RISK_RULES, type HighRiskRules, HighRiskRulesSchema } from "@shared/insights/high-risk";
import type { DbOrTx } from "../../db/client";
import { highRiskDefinitions } from "../../db/schema";

// A stored definition that no longer parses (the rules grew a field) falls back to the default, never to nothing.
const rulesOf = (stored: unknown): HighRiskRules => HighRiskRulesSchema.safeParse(stored).data ?? DEFAULT_HIGH_RISK_RULES;

/** Each region's definition of a high-risk placement: the stored one, else the default. */
export async function highRiskRulesByRegion(db: DbOrTx, regionIds: readonly string[]): Promise<Map<string, HighRiskRules>> {
  const unique = [...new Set(regionIds)];
  const stored = unique.length === 0 ? [] : await db.select().from(highRiskDefinitions).where(inArray(highRiskDefinitions.regionId, unique));
  const byRegion = new Map(stored.map((row) => [row.regionId, row.rules]));
  return new Map(unique.map((id) => [id, rulesOf(byRegion.get(id))]));
}

/** The region's definition, and the stored row behind it (null: the default, never changed). */
export async function highRiskDefinitionOf(db: DbOrTx, regionId: string) {
  const [row] = await db.select().from(highRiskDefinitions).where(eq(highRiskDefinitions.regionId, regionId));
  return { rules: rulesOf(row?.rules), stored: row ?? null };
}
