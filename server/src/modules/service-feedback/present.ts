import type { ServiceFeedbackReceipt } from "@shared/schemas/service-feedback";
import type { serviceFeedback } from "../../db/schema";

/** The receipt: that the feedback arrived, and when; nothing of what it said. */
export const presentReceipt = (row: typeof serviceFeedback.$inferSelect): ServiceFeedbackReceipt["data"] => ({
  id: row.id,
  receivedAt: row.createdAt.toISOString(),
});
