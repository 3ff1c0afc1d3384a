import { personalDataIn } from "@shared/personal-data";
import type { SettingFeedbackCreateInput } from "@shared/schemas/setting-feedback";
import type { Db } from "../../../db/client";
import { settingFeedback } from "../../../db/schema";
import { validationFailed } from "../../../http/app-error";
import { recordAudit } from "../../audit/record-audit";
import type { Actor } from "../../identity/actor";

export interface GiveFeedbackProps {
  db: Db;
  /** A panel member; the feedback is theirs and their forum's. */
  actor: Actor & { organisationId: string };
  settingId: string;
  input: SettingFeedbackCreateInput;
  ip?: string | undefined;
}

/** Stores feedback as pending: nothing counts until the regional hub has read it. */
export async function giveFeedback({ db, actor, settingId, input, ip }: GiveFeedbackProps) {
  const found = personalDataIn(input.comment);
  if (found.length > 0) {
    throw validationFailed([{ path: "body.comment", message: `Remove ${found.join(" and ")} before sending: feedback must not identify anyone` }]);
  }
  const ratings = Object.fromEntries(Object.entries(input.ratings).filter(([, v]) => v !== undefined)) as Record<string, number>;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(settingFeedback)
      .values({ settingId, authorUserId: actor.userId, authorOrganisationId: actor.organisationId, ratings, comment: input.comment })
      .returning();
    if (!row) throw new Error("feedback insert returned nothing");
    await recordAudit(tx, {
      action: "setting_feedback.submit",
      recordType: "setting_feedback",
      recordId: row.id,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
      details: { settingId },
    });
    return row;
  });
}
