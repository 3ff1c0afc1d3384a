import { z } from "zod";
import { plainText } from "./primitives";

/** GOV.UK's standard five-point satisfaction scale. */
export const SATISFACTION_RATINGS = ["very_satisfied", "satisfied", "neither", "dissatisfied", "very_dissatisfied"] as const;

export const SATISFACTION_LABELS: Record<(typeof SATISFACTION_RATINGS)[number], string> = {
  very_satisfied: "Very satisfied",
  satisfied: "Satisfied",
  neither: "Neither satisfied or dissatisfied",
  dissatisfied: "Dissatisfied",
  very_dissatisfied: "Very dissatisfied",
};

export const SERVICE_FEEDBACK_MAX_LENGTH = 1200;

/** Anonymous feedback about the service itself (the phase banner's "feedback" link). */
export const ServiceFeedbackCreateSchema = z
  .object({
    rating: z.enum(SATISFACTION_RATINGS, { error: "Select how satisfied you are with this service" }),
    comments: plainText()
      .trim()
      .max(SERVICE_FEEDBACK_MAX_LENGTH, { error: `Comments must be ${SERVICE_FEEDBACK_MAX_LENGTH} characters or fewer` })
      .optional(),
    /** The page the person came from, as a path only (never a query string). */
    page: plainText()
      .regex(/^\/[A-Za-z0-9\-/_]*$/, { error: "Page must be a path on this service, like /about" })
      .max(200)
      .optional(),
  })
  .strict();
export type ServiceFeedbackCreateInput = z.infer<typeof ServiceFeedbackCreateSchema>;

export const ServiceFeedbackReceiptSchema = z.object({
  data: z.object({
    id: z.uuid(),
    receivedAt: z.iso.datetime(),
  }),
});
export type ServiceFeedbackReceipt = z.infer<typeof ServiceFeedbackReceiptSchema>;
