import type { SettingFeedback } from "@shared/schemas/setting-feedback";
import type { settingFeedback } from "../../db/schema";

export function presentFeedback(row: typeof settingFeedback.$inferSelect, context: { settingName: string; forumName: string }): SettingFeedback {
  return {
    id: row.id,
    settingId: row.settingId,
    settingName: context.settingName,
    forumName: context.forumName,
    ratings: row.ratings,
    comment: row.comment,
    status: row.status,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
    moderatedAt: row.moderatedAt?.toISOString() ?? null,
  };
}

/** Feedback as listed: with its setting's and forum's names. */
export const presentFeedbackRow = (r: { feedback: typeof settingFeedback.$inferSelect; settingName: string; forumName: string }): SettingFeedback =>
  presentFeedback(r.feedback, { settingName: r.settingName, forumName: r.forumName });
