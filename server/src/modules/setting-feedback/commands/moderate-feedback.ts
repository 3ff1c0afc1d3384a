import { eq } from "drizzle-orm";
import { DomainErrorCode } from "@shared/errors";
import type { Db } from "../../../db/client";
import { settingFeedback, settings } from "../../../db/schema";
import { conflict } from "../../../http/app-error";
import { recordAudit } from "../../audit/record-audit";
import type { Actor } from "../../identity/actor";
import { feedbackModerated } from "../../notifications/messages/others";
import { notify } from "../../notifications/notify";

export interface ModerateFeedbackProps {
  db: Db;
  actor: Actor;
  feedback: typeof settingFeedback.$inferSelect;
  decision: "approved" | "rejected";
  reason?: string | undefined;
  ip?: string | undefined;
}

export async function moderateFeedback({ db, actor, feedback, decision, reason, ip }: ModerateFeedbackProps) {
  if (feedback.status !== "pending") throw conflict(`That feedback was already ${feedback.status}.`, DomainErrorCode.AlreadyDecided);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(settingFeedback)
      .set({ status: decision, reason: reason ?? null, moderatedBy: actor.userId, moderatedAt: new Date() })
      .where(eq(settingFeedback.id, feedback.id))
      .returning();
    await recordAudit(tx, {
      action: "setting_feedback.moderate",
      recordType: "setting_feedback",
      recordId: feedback.id,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
      reason: reason ?? null,
      details: { decision },
    });
    if (!row) throw new Error("feedback update returned nothing");
    // To its author only: others learn of approved feedback by seeing it.
    const [setting] = await tx.select({ name: settings.name }).from(settings).where(eq(settings.id, row.settingId));
    await notify(tx, {
      kind: "moderation_decided",
      userIds: [row.authorUserId],
      about: `feedback-moderated:${row.id}`,
      ...feedbackModerated(setting?.name ?? "the setting", decision),
    });
    return row;
  });
}
