import { eq, inArray } from "drizzle-orm";
import { DEFAULT_HIGH_RISK_RULES, type HighRiskRules, HighRiskRulesSchema } from "@shared/insights/high-risk";
import type { DbOrTx } from "../../db/client";
import { highRiskDefinitions } from "../../db/schema";
import type { Member } from "../../http/require-actor";
import { recordAudit } from "../audit/record-audit";
import { readsAsProvider } from "./policy";

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

/**
 * Which rules a placement meets tells of the child's risks and any deprivation of liberty: each
 * read is audited like a read of the profile, the provider's as a disclosure with its basis.
 */
export async function recordHighRiskRead(db: DbOrTx, props: { actor: Member; placement: { id: string; providerId: string }; ip?: string | undefined }) {
  const { actor, placement, ip } = props;
  await recordAudit(db, {
    action: "placement_high_risk.read",
    recordType: "placement",
    recordId: placement.id,
    actorUserId: actor.userId,
    actorOrganisationId: actor.organisationId,
    ip,
    reason: readsAsProvider(actor, placement)
      ? "Shared with the provider delivering the placement, to manage the child's risks under the placement agreement"
      : "Reviewing a placement the council made for a child in its care (SEND Code of Practice; Children and Families Act 2014)",
  });
}
