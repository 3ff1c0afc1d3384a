import { inArray } from "drizzle-orm";
import { DEFAULT_HIGH_RISK_RULES, type HighRiskRules, HighRiskRulesSchema } from "@shared/insights/high-risk";
import type { DbOrTx } from "../../db/client";
import { highRiskDefinitions } from "../../db/schema";

/** Each region's definition of a high-risk placement: the stored one, else the default. */
export async function highRiskRulesByRegion(db: DbOrTx, regionIds: readonly string[]): Promise<Map<string, HighRiskRules>> {
  const unique = [...new Set(regionIds)];
  const stored = unique.length === 0 ? [] : await db.select().from(highRiskDefinitions).where(inArray(highRiskDefinitions.regionId, unique));
  const byRegion = new Map(stored.map((row) => [row.regionId, row.rules]));
  // A stored definition that no longer parses (the rules grew a field) falls back to the default, never to nothing.
  return new Map(unique.map((id) => [id, HighRiskRulesSchema.safeParse(byRegion.get(id)).data ?? DEFAULT_HIGH_RISK_RULES]));
}

/** The region's definition and when and by whom it was last changed (null: the default, never changed). */
export async function highRiskDefinitionOf(db: DbOrTx, regionId: string) {
  const [row] = await db
    .select()
    .from(highRiskDefinitions)
    .where(inArray(highRiskDefinitions.regionId, [regionId]));
  const rules = (await highRiskRulesByRegion(db, [regionId])).get(regionId) ?? DEFAULT_HIGH_RISK_RULES;
  return { rules, stored: row ?? null };
}
