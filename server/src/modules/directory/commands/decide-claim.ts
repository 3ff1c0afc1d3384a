import { and, eq } from "drizzle-orm";
import { DomainErrorCode } from "@shared/errors";
import type { Db } from "../../../db/client";
import { settingClaims, settings } from "../../../db/schema";
import { conflict } from "../../../http/app-error";
import { recordAudit } from "../../audit/record-audit";
import type { Actor } from "../../identity/actor";
import { claimDecided } from "../../notifications/messages/others";
import { notify, recipientsOf } from "../../notifications/notify";

export interface DecideClaimProps {
  db: Db;
  actor: Actor;
  claim: typeof settingClaims.$inferSelect;
  decision: "approved" | "rejected";
  reason: string;
  ip?: string | undefined;
}

/** Approving moves the setting to the claimant (still a draft for them to complete); other pending claims on it are rejected. */
export async function decideClaim({ db, actor, claim, decision, reason, ip }: DecideClaimProps) {
  if (claim.status !== "pending") throw conflict(`That claim was already ${claim.status}.`, DomainErrorCode.AlreadyDecided);
  return db.transaction(async (tx) => {
    const now = new Date();
    const [row] = await tx
      .update(settingClaims)
      .set({ status: decision, reason, decidedBy: actor.userId, decidedAt: now })
      .where(eq(settingClaims.id, claim.id))
      .returning();
    if (decision === "approved") {
      await tx.update(settings).set({ organisationId: claim.organisationId, updatedAt: now }).where(eq(settings.id, claim.settingId));
      await tx
        .update(settingClaims)
        .set({ status: "rejected", reason: "Another provider's claim to this setting was approved.", decidedBy: actor.userId, decidedAt: now })
        .where(and(eq(settingClaims.settingId, claim.settingId), eq(settingClaims.status, "pending")));
    }
    await recordAudit(tx, {
      action: "setting.claim_decision",
      recordType: "setting_claim",
      recordId: claim.id,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
      reason,
      details: { decision, settingId: claim.settingId },
    });
    if (!row) throw new Error("claim update returned nothing");
    // Only the claimant's administrators: they act on it. Claims this approval rejected are not announced here.
    const [setting] = await tx.select({ name: settings.name }).from(settings).where(eq(settings.id, claim.settingId));
    await notify(tx, {
      kind: "claim_decided",
      userIds: await recipientsOf(tx, { organisationId: claim.organisationId, adminsOnly: true }),
      about: `claim-decided:${claim.id}`,
      ...claimDecided(setting?.name ?? "The setting", decision),
    });
    return row;
  });
}
