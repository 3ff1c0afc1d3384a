import type { z } from "zod";
import { DEFAULT_QUALITY_CRITERIA, type RequestMode, STANDSTILL_DAYS } from "@shared/codes/tenders";
import type { ShortlistEntry } from "@shared/schemas/children";
import { type Criterion, RequestCreateSchema } from "@shared/schemas/placement-requests";
import { type DateTimeParts, EMPTY_DATE_TIME, momentFromLondon } from "../../components/date-time-input";
import { collectErrors, type FieldIds, type FormErrors } from "../../components/form-errors";
import { numberFromInput } from "../../lib/parse-number";

export interface RequestFormState {
  settingIds: string[];
  inviteAll: boolean;
  deadline: DateTimeParts;
  /** Empty for the default (24 hours before the deadline). */
  questionsCloseAt: DateTimeParts;
  mode: RequestMode;
  quality: string;
  price: string;
  criteria: Criterion[];
  /** Calendar days of standstill, as typed ("8" by default). */
  standstillDays: string;
  /** Why there is none (only with 0 days). */
  standstillReason: string;
}

/** The shortlist chosen, or the whole lot when nothing is shortlisted; 70/30 and the default criteria. */
export const newRequestForm = (shortlist: readonly ShortlistEntry[]): RequestFormState => ({
  settingIds: shortlist.map((s) => s.settingId),
  inviteAll: shortlist.length === 0,
  deadline: EMPTY_DATE_TIME,
  questionsCloseAt: EMPTY_DATE_TIME,
  mode: "sealed",
  quality: "70",
  price: "30",
  criteria: DEFAULT_QUALITY_CRITERIA.map((c) => ({ ...c })),
  standstillDays: String(STANDSTILL_DAYS.default),
  standstillReason: "",
});

export const criterionFieldId = (index: number) => `request-criterion-${index + 1}`;

/** Where each of the API's paths is corrected on the form ("criteria.2.label" on the third criterion). */
export function requestFieldIds(form: RequestFormState): FieldIds<string> {
  return {
    settingIds: "request-settings",
    inviteAll: "request-invite-all",
    deadline: "request-deadline",
    questionsCloseAt: "request-questions-close",
    mode: "request-mode",
    weights: "request-weights-quality",
    "weights.price": "request-weights-price",
    criteria: criterionFieldId(0),
    ...Object.fromEntries(form.criteria.map((_, i) => [`criteria.${i}`, criterionFieldId(i)])),
    standstillDays: "request-standstill-days",
    standstillReason: "request-standstill-reason",
  };
}

const DEADLINE_PROBLEM = "Enter the deadline as a real date and a time on the 24-hour clock, like 27 3 2026 and 14 30";

/** The body to send, checked with the API's own schema; or the problems to show. */
export function checkRequestForm(childId: string, form: RequestFormState): { data: z.input<typeof RequestCreateSchema> } | { problems: FormErrors<string> } {
  const deadline = momentFromLondon(form.deadline);
  const cutOffTyped = Object.values(form.questionsCloseAt).some((v) => v.trim() !== "");
  const questionsCloseAt = cutOffTyped ? momentFromLondon(form.questionsCloseAt) : undefined;
  const body = {
    childId,
    ...(form.inviteAll ? { inviteAll: true } : { settingIds: form.settingIds }),
    deadline: deadline ?? "",
    ...(questionsCloseAt ? { questionsCloseAt } : {}),
    mode: form.mode,
    weights: { quality: numberFromInput(form.quality), price: numberFromInput(form.price) },
    criteria: form.criteria,
    open: true,
    standstillDays: numberFromInput(form.standstillDays),
    ...(form.standstillReason.trim() !== "" ? { standstillReason: form.standstillReason } : {}),
  };
  const parsed = RequestCreateSchema.safeParse(body);
  const issues = [
    ...(deadline ? [] : [{ field: "deadline", message: DEADLINE_PROBLEM }]),
    ...(cutOffTyped && !questionsCloseAt ? [{ field: "questionsCloseAt", message: DEADLINE_PROBLEM.replace("the deadline", "when questions close") }] : []),
    ...(parsed.success
      ? []
      : parsed.error.issues.map((issue) => ({ field: issue.path.map(String).join("."), message: weightsMessage(issue.path, issue.message) }))),
  ];
  if (issues.length > 0) return { problems: collectErrors(requestFieldIds(form), issues) };
  return { data: body as z.input<typeof RequestCreateSchema> };
}

/** zod's own words for a missing or fractional weight are not for people. */
const weightsMessage = (path: readonly PropertyKey[], message: string) => {
  if (path[0] === "weights" && path.length > 1) return `Enter the ${String(path[1])} weight as a whole number from 0 to 100`;
  if (path[0] === "standstillDays") return `Enter the standstill period as a whole number of days, from 0 to ${STANDSTILL_DAYS.max}`;
  return message;
};
