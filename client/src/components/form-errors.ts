import type { z } from "zod";
import { ErrorCode } from "@shared/errors";
import { ApiRequestError } from "../api/http";
import type { ErrorSummaryItem } from "./error-summary";

/** What a form shows after a failed submit: one message per field, and the summary above it. */
export interface FormErrors<F extends string> {
  fields: Partial<Record<F, string>>;
  summary: ErrorSummaryItem[];
}

/** Maps each field a person can correct to the id the error summary links to. */
export type FieldIds<F extends string> = Record<F, string>;

interface Issue {
  field: string;
  message: string;
}

export function collectErrors<F extends string>(fieldIds: FieldIds<F>, issues: Issue[]): FormErrors<F> {
  const errors: FormErrors<F> = { fields: {}, summary: [] };
  for (const { field: path, message } of issues) {
    const field = fieldFor(fieldIds, path);
    if (field !== undefined) {
      const name = field as F;
      if (errors.fields[name]) continue; // one message per field, as GOV.UK asks
      errors.fields[name] = message;
      errors.summary.push({ text: message, fieldId: fieldIds[name] });
    } else {
      errors.summary.push({ text: message });
    }
  }
  // The summary lists problems in the order the fields appear on the page.
  const order = Object.values<string>(fieldIds);
  errors.summary.sort((a, b) => rank(order, a.fieldId) - rank(order, b.fieldId));
  return errors;
}

/** "declarations.insurance" or "prices.2.weeklyPricePence": the longest prefix that is a field of the form. */
function fieldFor(fieldIds: Record<string, string>, path: string): string | undefined {
  const parts = path.split(".");
  for (let n = parts.length; n > 0; n--) {
    const candidate = parts.slice(0, n).join(".");
    if (Object.hasOwn(fieldIds, candidate)) return candidate;
  }
  return undefined;
}

const rank = (order: string[], id: string | undefined) => (id === undefined ? -1 : order.indexOf(id));

/** Errors from validating in the browser with the same schema the server uses. */
export function errorsFromZod<F extends string>(fieldIds: FieldIds<F>, error: z.ZodError): FormErrors<F> {
  return collectErrors(
    fieldIds,
    error.issues.map((issue) => ({ field: issue.path.map(String).join("."), message: issue.message })),
  );
}

export const SERVICE_PROBLEM = "Sorry, there is a problem with the service. Try again later.";

/**
 * Errors from the server. Validation issues name fields as "body.<field>"; a conflict's message
 * is written for people (AppError's contract), so it is shown on `conflictField` or on its own.
 */
export function errorsFromApi<F extends string>(fieldIds: FieldIds<F>, error: unknown, conflictField?: NoInfer<F>): FormErrors<F> {
  return collectErrors(fieldIds, [issueFromApi(error, conflictField)].flat());
}

/** Sends with `send`; a failure comes back as the errors to show (see `errorsFromApi`), success as none. */
export async function sendOrErrors<F extends string>(
  fieldIds: FieldIds<F>,
  send: () => Promise<unknown>,
  conflictField?: NoInfer<F>,
): Promise<FormErrors<F> | undefined> {
  try {
    await send();
    return undefined;
  } catch (error) {
    return errorsFromApi(fieldIds, error, conflictField);
  }
}

function issueFromApi(error: unknown, conflictField: string | undefined): Issue | Issue[] {
  if (!(error instanceof ApiRequestError)) return { field: "", message: SERVICE_PROBLEM };
  const { code, issues, message } = error.error;
  switch (code) {
    case ErrorCode.ValidationError:
      if (issues && issues.length > 0) {
        return issues.map((issue) => ({ field: issue.path.replace(/^body\./, ""), message: issue.message }));
      }
      return { field: "", message: SERVICE_PROBLEM };
    case ErrorCode.Conflict:
    case ErrorCode.Forbidden:
      return { field: code === ErrorCode.Conflict ? (conflictField ?? "") : "", message };
    case ErrorCode.Unauthorized:
      return { field: "", message: "You have been signed out. Sign in again to continue." };
    case ErrorCode.RateLimited:
      return { field: "", message: "You have done that too many times. Wait a few minutes and try again." };
    default:
      return { field: "", message: SERVICE_PROBLEM };
  }
}
