import { eq, sql } from "drizzle-orm";
import type { HighRiskRules } from "@shared/insights/high-risk";
import type { Db } from "../../../db/client";
import { highRiskDefinitions } from "../../../db/schema";
import type { Member } from "../../../http/require-actor";
import { recordAudit } from "../../audit/record-audit";
import { highRiskRulesByRegion } from "../queries";

export interface SetHighRiskDefinitionProps {
  db: Db;
  /** An administrator of the region's hub. */
  actor: Member;
  rules: HighRiskRules;
  ip?: string | undefined;
}

/**
 * Stores the region's definition, audited with the rules before and after. The definition's
 * trigger (migration 0021) marks every placement of the region dirty in the same transaction,
 * so the facts follow at the refresher's next pass.
 */
export async function setHighRiskDefinition({ db, actor, rules, ip }: SetHighRiskDefinitionProps) {
  return db.transaction(async (tx) => {
    // Two administrators saving at once: the second waits and audits the first's rules as "before".
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`high-risk:${actor.regionId}`}))`);
    const before = (await highRiskRulesByRegion(tx, [actor.regionId])).get(actor.regionId);
    const [row] = await tx
      .insert(highRiskDefinitions)
      .values({ regionId: actor.regionId, rules, updatedBy: actor.userId, updatedAt: sql`clock_timestamp()` })
      .onConflictDoUpdate({ target: highRiskDefinitions.regionId, set: { rules, updatedBy: actor.userId, updatedAt: sql`clock_timestamp()` } })
      .returning();
    if (!row) throw new Error("high-risk definition upsert returned nothing");
    await recordAudit(tx, {
      action: "high_risk_definition.change",
      recordType: "region",
      recordId: actor.regionId,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
      details: { before: before ?? null, after: rules },
    });
    const [stored] = await tx.select().from(highRiskDefinitions).where(eq(highRiskDefinitions.regionId, actor.regionId));
    return stored ?? row;
  });
}
