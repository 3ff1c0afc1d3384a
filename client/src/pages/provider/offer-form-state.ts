import type { z } from "zod";
import { penceToPoundsInput, poundsToPence } from "@shared/money";
import { type Criterion, type Fee, OfferSubmitSchema, type OfferVersion, PriceRevisionSchema } from "@shared/schemas/placement-requests";
import { justificationIssues, needsJustification as needsJustificationFor, offerRuleIssues } from "@shared/tenders/offer-rules";
import { type DateParts, datePartsFrom, isoDateFrom } from "../../components/date-input";
import { collectErrors, type FieldIds, type FormErrors } from "../../components/form-errors";

/** The weekly fee's parts as typed, in pounds. */
export interface FeeForm {
  core: string;
  staffing: string;
  therapies: string;
  other: string;
}

export interface OfferFormState {
  fee: FeeForm;
  startDate: DateParts;
  /** By criterion id. */
  criteria: Record<string, string>;
  notes: string;
  justification: string;
}

export const FEE_PARTS = [
  { key: "core", pence: "corePence", label: "Core fee" },
  { key: "staffing", pence: "staffingPence", label: "Staffing" },
  { key: "therapies", pence: "therapiesPence", label: "Therapies" },
  { key: "other", pence: "otherPence", label: "Other costs" },
] as const;

export const feeFormFrom = (fee: Fee | undefined): FeeForm => ({
  core: fee ? penceToPoundsInput(fee.corePence) : "",
  staffing: fee ? penceToPoundsInput(fee.staffingPence) : "",
  therapies: fee ? penceToPoundsInput(fee.therapiesPence) : "",
  other: fee ? penceToPoundsInput(fee.otherPence) : "",
});

/** A new offer, or a revision starting from the current version. */
export const offerFormFrom = (version: OfferVersion | undefined): OfferFormState => ({
  fee: feeFormFrom(version?.fee),
  startDate: datePartsFrom(version?.startDate),
  criteria: { ...version?.criteria },
  notes: version?.notes ?? "",
  justification: version?.justification ?? "",
});

/** The weekly total of what is typed so far (a part not yet an amount counts nothing). */
export const feeTotalPence = (fee: FeeForm) => FEE_PARTS.reduce((sum, part) => sum + (poundsToPence(fee[part.key]) ?? 0), 0);

/** Above the band's ceiling an offer must say why (shared/src/tenders/offer-rules.ts). */
export const needsJustification = (fee: FeeForm, ceilingPence: number | null) => needsJustificationFor(feeTotalPence(fee), ceilingPence);

export const feeFieldIds = (prefix: string) =>
  Object.fromEntries(FEE_PARTS.map((p) => [`fee.${p.pence}`, `${prefix}-${p.key}`])) as Record<`fee.${(typeof FEE_PARTS)[number]["pence"]}`, string>;

export function offerFieldIds(prefix: string, criteria: readonly Criterion[]): FieldIds<string> {
  return {
    ...feeFieldIds(prefix),
    startDate: `${prefix}-start`,
    ...Object.fromEntries(criteria.map((c) => [`criteria.${c.id}`, `${prefix}-criterion-${c.id}`])),
    notes: `${prefix}-notes`,
    justification: `${prefix}-justification`,
  };
}

const isRealDate = (iso: string) => {
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso;
};

interface Issue {
  field: string;
  message: string;
}

/** The fee in pence, with a problem in pounds for each part that is not an amount. */
function checkFee(fee: FeeForm, ceilingPence: number | null, justification: string): { pence: Partial<Fee>; issues: Issue[] } {
  const issues: Issue[] = [];
  const pence: Partial<Fee> = {};
  for (const part of FEE_PARTS) {
    const value = poundsToPence(fee[part.key]);
    if (value === undefined)
      issues.push({ field: `fee.${part.pence}`, message: `Enter the ${part.label.toLowerCase()} in pounds a week, like 1250 or 1250.50 (0 if none)` });
    else pence[part.pence] = value;
  }
  return { pence, issues: [...issues, ...justificationIssues(feeTotalPence(fee), ceilingPence, justification)] };
}

function problemsOrData<T>(parsed: z.ZodSafeParseResult<T>, own: Issue[], fieldIds: FieldIds<string>): { data: T } | { problems: FormErrors<string> } {
  const issues = [...own, ...(parsed.success ? [] : parsed.error.issues.map((i) => ({ field: i.path.map(String).join("."), message: i.message })))];
  if (issues.length > 0 || !parsed.success) return { problems: collectErrors(fieldIds, issues) };
  return { data: parsed.data };
}

/** The offer to send, checked with the API's schema; or the problems in the form's own words. */
export function checkOfferForm(settingId: string, form: OfferFormState, criteria: readonly Criterion[], ceilingPence: number | null, prefix: string) {
  const { pence, issues } = checkFee(form.fee, ceilingPence, form.justification);
  const start = isoDateFrom(form.startDate);
  if (start === null) issues.push({ field: "startDate", message: "Enter the date the placement could start" });
  else if (!isRealDate(start)) issues.push({ field: "startDate", message: "Enter a real start date, like 27 3 2026" });
  const answers = Object.fromEntries(criteria.map((c) => [c.id, form.criteria[c.id] ?? ""]));
  // The fee and its justification are checked above, part by part.
  issues.push(
    ...offerRuleIssues({ criteria, answers, weeklyFeePence: feeTotalPence(form.fee), ceilingPence: null, justification: form.justification }).filter(
      (i) => i.field !== "fee",
    ),
  );
  const parsed = OfferSubmitSchema.safeParse({
    settingId,
    fee: pence,
    startDate: start ?? undefined,
    criteria: answers,
    notes: form.notes,
    ...(form.justification.trim() ? { justification: form.justification } : {}),
  });
  return problemsOrData(parsed, issues, offerFieldIds(prefix, criteria));
}

/** A lower fee in the price round. */
export function checkPriceRevision(fee: FeeForm, justification: string, ceilingPence: number | null, prefix: string) {
  const { pence, issues } = checkFee(fee, ceilingPence, justification);
  const parsed = PriceRevisionSchema.safeParse({ fee: pence, ...(justification.trim() ? { justification } : {}) });
  return problemsOrData(parsed, issues, { ...feeFieldIds(prefix), justification: `${prefix}-justification` });
}
