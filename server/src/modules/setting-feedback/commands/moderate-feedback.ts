import { eq } from "drizzle-orm";
import { DomainErrorCode } from "@shared/errors";
import type { Db } from "../../../db/client";
import { settingFeedback } from "../../../db/schema";
import { conflict } from "../../../http/app-error";
import { recordAudit } from "../../audit/record-audit";
import type { Actor } from "../../identity/actor";

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
    return row;
  });
}
