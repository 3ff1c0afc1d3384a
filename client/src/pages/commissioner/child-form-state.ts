import type { z } from "zod";
import { personalDataIn } from "@shared/personal-data";
import { CHILD_FREE_TEXT_FIELDS, type ChildProfile, DEFAULT_RECOMMENDATION, DEFAULT_REQUIREMENTS } from "@shared/schemas/children";
import { type DateParts, datePartsFrom, EMPTY_DATE, isoDateFrom } from "../../components/date-input";
import { collectErrors, type FormErrors } from "../../components/form-errors";
import { EMPTY_MONTH_YEAR, type MonthYear, monthYearFrom, yearMonthFrom } from "../../components/month-year-input";
import { numberFromInput } from "../../lib/parse-number";

/** The form's ids, in page order; the error summary links to them. Keys are the API's field paths. */
export const CHILD_FIELD_IDS = {
  reference: "child-reference",
  birthMonth: "child-birth-month",
  sex: "child-sex",
  homeOutcode: "child-home-outcode",
  schoolYear: "child-school-year",
  primaryNeed: "child-primary-need",
  secondaryNeeds: "child-secondary-needs",
  ehcPlanStatus: "child-ehc-plan",
  sectionB: "child-section-b",
  sectionE: "child-section-e",
  sectionF: "child-section-f",
  staffingRatio: "child-staffing-ratio",
  therapies: "child-therapies",
  lotNumber: "child-lot",
  priceBand: "child-price-band",
  neededBy: "child-needed-by",
  preferredSettingId: "child-preferred-setting",
  maxTravelKm: "child-max-travel",
  siblingCount: "child-siblings",
  preferredLocation: "child-preferred-location",
  "requirements.communicationNeeds": "child-communication-needs",
  "requirements.specificCommunicationRequirements": "child-communication-requirements",
  "requirements.homeAdaptation": "child-home-adaptation",
  "requirements.culturalNeeds": "child-cultural-needs",
  "requirements.livingCompanions": "child-living-companions",
  "requirements.pets": "child-pets",
  "requirements.additionalSupport": "child-additional-support",
  "requirements.deprivationOfLiberty": "child-deprivation-of-liberty",
  recommendation: "child-suitability-fosterCareSuitability",
  risks: "child-risks-riskSelfHarm",
  riskOther: "child-risk-other",
  riskToOthersOther: "child-risk-others-other",
} as const;
export type ChildField = keyof typeof CHILD_FIELD_IDS;

/** "yes", "no", or "" for not known, where the standard allows it. */
type YesNo = "yes" | "no" | "";

export interface ChildFormState {
  reference: string;
  birthMonth: MonthYear;
  sex: string | undefined;
  homeOutcode: string;
  schoolYear: string;
  primaryNeed: string;
  secondaryNeeds: string[];
  ehcPlanStatus: string;
  sectionB: string;
  sectionE: string;
  sectionF: string;
  /** "" when no particular ratio is needed. */
  staffingRatio: string;
  therapies: string[];
  lotNumber: string | undefined;
  /** "" when not known yet. */
  priceBand: string;
  neededBy: DateParts;
  /** "" for no preference. */
  preferredSettingId: string;
  maxTravelKm: string;
  siblingCount: string;
  preferredLocation: string;
  communicationNeeds: string;
  specificCommunicationRequirements: string[];
  homeAdaptation: YesNo;
  culturalNeeds: string;
  livingCompanions: string;
  pets: string;
  /** "" when not given. */
  additionalSupport: string;
  deprivationOfLiberty: YesNo;
  recommendation: Record<string, string>;
  /** A trajectory per PDS risk code; absent or "none" is "No known risk". */
  risks: Partial<Record<string, string>>;
  riskOther: string;
  riskToOthersOther: string;
}

export const EMPTY_CHILD_FORM: ChildFormState = {
  reference: "",
  birthMonth: EMPTY_MONTH_YEAR,
  sex: undefined,
  homeOutcode: "",
  schoolYear: "",
  primaryNeed: "",
  secondaryNeeds: [],
  ehcPlanStatus: "final",
  sectionB: "",
  sectionE: "",
  sectionF: "",
  staffingRatio: "",
  therapies: [],
  lotNumber: undefined,
  priceBand: "",
  neededBy: EMPTY_DATE,
  preferredSettingId: "",
  maxTravelKm: "",
  siblingCount: "",
  preferredLocation: "",
  ...DEFAULT_REQUIREMENTS,
  specificCommunicationRequirements: [...DEFAULT_REQUIREMENTS.specificCommunicationRequirements],
  homeAdaptation: "no",
  additionalSupport: "",
  deprivationOfLiberty: "",
  recommendation: { ...DEFAULT_RECOMMENDATION },
  risks: {},
  riskOther: "",
  riskToOthersOther: "",
};

const yesNo = (value: boolean | null): YesNo => (value === null ? "" : value ? "yes" : "no");
const fromYesNo = (value: YesNo) => (value === "" ? null : value === "yes");
const orNull = (text: string) => (text.trim() === "" ? null : text);
const numberOrNull = (text: string) => (text.trim() === "" ? null : Number(text.trim()));

/** A stored profile in the form's terms, to change it. */
export function formFromChild(child: ChildProfile): ChildFormState {
  const { requirements: r } = child;
  return {
    ...EMPTY_CHILD_FORM,
    reference: child.reference,
    birthMonth: monthYearFrom(child.birthMonth),
    sex: child.sex ?? undefined,
    homeOutcode: child.homeOutcode ?? "",
    schoolYear: child.schoolYear === null ? "" : String(child.schoolYear),
    primaryNeed: child.primaryNeed ?? "",
    secondaryNeeds: [...child.secondaryNeeds],
    ehcPlanStatus: child.ehcPlanStatus ?? "final",
    sectionB: child.sectionB,
    sectionE: child.sectionE,
    sectionF: child.sectionF,
    staffingRatio: child.staffingRatio ?? "",
    therapies: [...child.therapies],
    lotNumber: child.lotNumber === null ? undefined : String(child.lotNumber),
    priceBand: child.priceBand ?? "",
    neededBy: datePartsFrom(child.neededBy),
    preferredSettingId: child.preferredSettingId ?? "",
    maxTravelKm: child.maxTravelKm === null ? "" : String(child.maxTravelKm),
    siblingCount: child.siblingCount === null ? "" : String(child.siblingCount),
    preferredLocation: child.preferredLocation ?? "",
    ...r,
    specificCommunicationRequirements: [...r.specificCommunicationRequirements],
    homeAdaptation: yesNo(r.homeAdaptation),
    additionalSupport: r.additionalSupport ?? "",
    deprivationOfLiberty: yesNo(r.deprivationOfLiberty),
    recommendation: { ...child.recommendation },
    risks: Object.fromEntries(child.risks.map((risk) => [risk.code, risk.trajectory])),
    riskOther: child.riskOther ?? "",
    riskToOthersOther: child.riskToOthersOther ?? "",
  };
}

/** The form as the API's fields, for ChildProfileCreateSchema or ChildProfileUpdateSchema to check. */
export function childFieldsFrom(form: ChildFormState) {
  return {
    reference: form.reference,
    birthMonth: yearMonthFrom(form.birthMonth),
    sex: form.sex,
    homeOutcode: form.homeOutcode,
    schoolYear: numberFromInput(form.schoolYear),
    primaryNeed: form.primaryNeed === "" ? undefined : form.primaryNeed,
    secondaryNeeds: form.secondaryNeeds,
    ehcPlanStatus: form.ehcPlanStatus,
    sectionB: form.sectionB,
    sectionE: form.sectionE,
    sectionF: form.sectionF,
    staffingRatio: orNull(form.staffingRatio),
    therapies: form.therapies,
    lotNumber: form.lotNumber === undefined ? undefined : Number(form.lotNumber),
    priceBand: orNull(form.priceBand),
    neededBy: isoDateFrom(form.neededBy) ?? undefined,
    preferredSettingId: orNull(form.preferredSettingId),
    maxTravelKm: numberOrNull(form.maxTravelKm),
    siblingCount: numberOrNull(form.siblingCount),
    preferredLocation: orNull(form.preferredLocation),
    requirements: {
      communicationNeeds: form.communicationNeeds,
      specificCommunicationRequirements: form.specificCommunicationRequirements,
      homeAdaptation: form.homeAdaptation === "yes",
      culturalNeeds: form.culturalNeeds,
      livingCompanions: form.livingCompanions,
      pets: form.pets,
      additionalSupport: orNull(form.additionalSupport),
      deprivationOfLiberty: fromYesNo(form.deprivationOfLiberty),
    },
    recommendation: form.recommendation,
    risks: Object.entries(form.risks).flatMap(([code, trajectory]) => (trajectory && trajectory !== "none" ? [{ code, trajectory }] : [])),
    riskOther: orNull(form.riskOther),
    riskToOthersOther: orNull(form.riskToOthersOther),
  };
}

/**
 * The form checked with the API's own schema, and its free text for anything that could
 * identify the child, in the same words as the server's check (which still has the last say).
 */
export function checkChildForm<T>(form: ChildFormState, schema: z.ZodType<T>): { data: T } | { problems: FormErrors<ChildField> } {
  const fields = childFieldsFrom(form);
  const parsed = schema.safeParse(fields);
  const issues = (parsed.error?.issues ?? []).map((issue) => ({ field: issue.path.map(String).join("."), message: issue.message }));
  for (const field of CHILD_FREE_TEXT_FIELDS) {
    const found = personalDataIn(fields[field] ?? "");
    if (found.length > 0) issues.push({ field, message: `Remove ${found.join(" and ")}: a child's profile must not identify them` });
  }
  return parsed.success && issues.length === 0 ? { data: parsed.data } : { problems: collectErrors(CHILD_FIELD_IDS, issues) };
}

/** What each section of the form gets: the state, a way to change it, and each field's error. */
export interface ChildSectionProps {
  form: ChildFormState;
  update(change: Partial<ChildFormState>): void;
  error(field: ChildField): string | undefined;
}
