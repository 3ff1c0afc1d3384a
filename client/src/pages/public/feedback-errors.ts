import type { z } from "zod";
import { ErrorCode } from "../../../../shared/src/errors";
import { ApiRequestError } from "../../api/http";
import type { ErrorSummaryItem } from "../../components/error-summary";

/** The fields a person can correct, and the id each error summary link jumps to. */
export const FEEDBACK_FIELD_IDS = { rating: "rating", comments: "comments" } as const;
export type FeedbackField = keyof typeof FEEDBACK_FIELD_IDS;

export interface FeedbackErrors {
  fields: Partial<Record<FeedbackField, string>>;
  summary: ErrorSummaryItem[];
}

function isFeedbackField(name: string): name is FeedbackField {
  return Object.hasOwn(FEEDBACK_FIELD_IDS, name);
}

function collect(issues: { field: string; message: string }[]): FeedbackErrors {
  const errors: FeedbackErrors = { fields: {}, summary: [] };
  for (const { field, message } of issues) {
    if (isFeedbackField(field)) {
      if (errors.fields[field]) continue; // one message per field, as GOV.UK asks
      errors.fields[field] = message;
      errors.summary.push({ text: message, fieldId: FEEDBACK_FIELD_IDS[field] });
    } else {
      errors.summary.push({ text: message });
    }
  }
  return errors;
}

/** Errors from validating in the browser with the same schema the server uses. */
export function errorsFromZod(error: z.ZodError): FeedbackErrors {
  return collect(error.issues.map((issue) => ({ field: String(issue.path[0] ?? ""), message: issue.message })));
}

/** Errors from the server: its validation issues name fields as "body.<field>". */
export function errorsFromApi(error: unknown): FeedbackErrors {
  if (error instanceof ApiRequestError) {
    const { code, issues } = error.error;
    if (code === ErrorCode.ValidationError && issues && issues.length > 0) {
      return collect(issues.map((issue) => ({ field: issue.path.replace(/^body\./, ""), message: issue.message })));
    }
    if (code === ErrorCode.RateLimited) {
      return collect([{ field: "", message: "You have sent feedback too many times. Wait a few minutes and try again." }]);
    }
  }
  return collect([{ field: "", message: "Sorry, there is a problem with the service. Try again later." }]);
}
