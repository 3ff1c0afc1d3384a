import { sql } from "drizzle-orm";
import type { BillingSettingsInput } from "@shared/schemas/payments";
import type { Db } from "../../../db/client";
import { billingSettings, type BillingSettingsRow } from "../../../db/schema";
import type { Member } from "../../../http/require-actor";
import { recordAudit } from "../../audit/record-audit";
import { settingsInputOf } from "./present";
import { billingSettingsOf } from "./queries";

export interface SaveBillingSettingsProps {
  db: Db;
  /** An administrator of the region's hub. */
  actor: Member;
  /** Already checked: billing starts on the first day of a period. */
  input: BillingSettingsInput;
  ip?: string | undefined;
}

/**
 * Stores the region's billing settings (the first save turns billing on), audited with the
 * settings before and after: the levy and the fees are money, and who changed them matters.
 */
export async function saveBillingSettings({ db, actor, input, ip }: SaveBillingSettingsProps): Promise<BillingSettingsRow> {
  return db.transaction(async (tx) => {
    // Two administrators saving at once: the second waits and audits the first's settings as "before".
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`billing-settings:${actor.regionId}`}))`);
    const before = await billingSettingsOf(tx, actor.regionId);
    const values = { ...input, updatedBy: actor.userId, updatedAt: sql`clock_timestamp()` };
    const [row] = await tx
      .insert(billingSettings)
      .values({ regionId: actor.regionId, ...values })
      .onConflictDoUpdate({ target: billingSettings.regionId, set: values })
      .returning();
    if (!row) throw new Error("billing settings upsert returned nothing");
    await recordAudit(tx, {
      action: "payments.settings_change",
      recordType: "region",
      recordId: actor.regionId,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
      details: { before: before ? settingsInputOf(before) : null, after: input },
    });
    return row;
  });
}
