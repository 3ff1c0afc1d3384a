import type { z } from "zod";
import { PDS_RISK_CODES } from "@shared/codes/directory";
import { personalDataIn } from "@shared/personal-data";
import type { ChildSectionId } from "@shared/schemas/child-questions";
import { CHILD_FREE_TEXT_FIELDS, type ChildProfile } from "@shared/schemas/children";
import { type DateParts, datePartsFrom, EMPTY_DATE, isoDateFrom } from "../../components/date-input";
import { collectErrors, type FormErrors } from "../../components/form-errors";
import { EMPTY_MONTH_YEAR, type MonthYear, monthYearFrom, yearMonthFrom } from "../../components/month-year-input";
import { numberFromInput } from "../../lib/parse-number";
import { NONE, UNKNOWN } from "./child-options";

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
  riskAnswers: "child-risks-riskSelfHarm",
  riskOther: "child-risk-other",
  riskToOthersOther: "child-risk-others-other",
} as const;
export type ChildField = keyof typeof CHILD_FIELD_IDS;

/** "" until answered; "unknown" where the standard allows not knowing. */
type YesNo = "yes" | "no" | typeof UNKNOWN | "";

/** The form's answers; "" (or undefined, or an empty list) is a question not answered yet. */
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
  /** "none" when no particular ratio is needed. */
  staffingRatio: string;
  therapies: string[];
  lotNumber: string | undefined;
  /** "unknown" when not known yet. */
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
  /** "none" when not given. */
  additionalSupport: string;
  deprivationOfLiberty: YesNo;
  recommendation: Partial<Record<string, string>>;
  /** An answer per PDS risk code: "none" (No known risk) or a trajectory; absent until answered. */
  risks: Partial<Record<string, string>>;
  riskOther: string;
  riskToOthersOther: string;
}

/** Nothing chosen: every question waits for an answer. */
export const EMPTY_CHILD_FORM: ChildFormState = {
  reference: "",
  birthMonth: EMPTY_MONTH_YEAR,
  sex: undefined,
  homeOutcode: "",
  schoolYear: "",
  primaryNeed: "",
  secondaryNeeds: [],
  ehcPlanStatus: "",
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
  communicationNeeds: "",
  specificCommunicationRequirements: [],
  homeAdaptation: "",
  culturalNeeds: "",
  livingCompanions: "",
  pets: "",
  additionalSupport: "",
  deprivationOfLiberty: "",
  recommendation: {},
  risks: {},
  riskOther: "",
  riskToOthersOther: "",
};

const yesNo = (value: boolean | null): YesNo => (value === null ? UNKNOWN : value ? "yes" : "no");
const orNull = (text: string) => (text.trim() === "" ? null : text);
const numberOrNull = (text: string) => (text.trim() === "" ? null : Number(text.trim()));
/** "" is unanswered (not sent); `empty` is the answer stored as null; anything else as it is. */
const answer = (value: string, empty: string) => (value === "" ? undefined : value === empty ? null : value);
const answerOf = <T>(value: T, answered: boolean, empty: T) => (answered ? value : empty);

/** A stored profile in the form's terms, to change it: a draft's unanswered questions stay empty. */
export function formFromChild(child: ChildProfile): ChildFormState {
  const { requirements: r } = child;
  const has = (path: string) => !child.unanswered.includes(path);
  const req = (part: keyof typeof r) => has(`requirements.${part}`);
  const present = new Map(child.risks.map((risk) => [risk.code, risk.trajectory]));
  return {
    ...EMPTY_CHILD_FORM,
    reference: child.reference,
    birthMonth: monthYearFrom(child.birthMonth),
    sex: child.sex ?? undefined,
    homeOutcode: child.homeOutcode ?? "",
    schoolYear: child.schoolYear === null ? "" : String(child.schoolYear),
    primaryNeed: child.primaryNeed ?? "",
    secondaryNeeds: [...child.secondaryNeeds],
    ehcPlanStatus: child.ehcPlanStatus ?? "",
    sectionB: child.sectionB,
    sectionE: child.sectionE,
    sectionF: child.sectionF,
    staffingRatio: answerOf(child.staffingRatio ?? NONE, has("staffingRatio"), ""),
    therapies: [...child.therapies],
    lotNumber: child.lotNumber === null ? undefined : String(child.lotNumber),
    priceBand: answerOf(child.priceBand ?? UNKNOWN, has("priceBand"), ""),
    neededBy: datePartsFrom(child.neededBy),
    preferredSettingId: child.preferredSettingId ?? "",
    maxTravelKm: child.maxTravelKm === null ? "" : String(child.maxTravelKm),
    siblingCount: child.siblingCount === null ? "" : String(child.siblingCount),
    preferredLocation: child.preferredLocation ?? "",
    communicationNeeds: answerOf(r.communicationNeeds, req("communicationNeeds"), ""),
    specificCommunicationRequirements: answerOf([...r.specificCommunicationRequirements], req("specificCommunicationRequirements"), []),
    homeAdaptation: answerOf(yesNo(r.homeAdaptation), req("homeAdaptation"), ""),
    culturalNeeds: answerOf(r.culturalNeeds, req("culturalNeeds"), ""),
    livingCompanions: answerOf(r.livingCompanions, req("livingCompanions"), ""),
    pets: answerOf(r.pets, req("pets"), ""),
    additionalSupport: answerOf(r.additionalSupport ?? NONE, req("additionalSupport"), ""),
    deprivationOfLiberty: answerOf(yesNo(r.deprivationOfLiberty), req("deprivationOfLiberty"), ""),
    recommendation: Object.fromEntries(Object.entries(child.recommendation).filter(([key]) => has(`recommendation.${key}`))),
    risks: Object.fromEntries(PDS_RISK_CODES.filter((code) => has(`risks.${code}`)).map((code) => [code, present.get(code) ?? NONE])),
    riskOther: child.riskOther ?? "",
    riskToOthersOther: child.riskToOthersOther ?? "",
  };
}

/** The form as the API's fields (ChildProfileUpdateSchema's), with undefined for what is not answered yet. */
export function childFieldsFrom(form: ChildFormState) {
  const dol = form.deprivationOfLiberty;
  return {
    reference: form.reference,
    birthMonth: yearMonthFrom(form.birthMonth),
    sex: form.sex,
    homeOutcode: form.homeOutcode.trim() === "" ? undefined : form.homeOutcode,
    schoolYear: form.schoolYear.trim() === "" ? undefined : numberFromInput(form.schoolYear),
    primaryNeed: form.primaryNeed === "" ? undefined : form.primaryNeed,
    secondaryNeeds: form.secondaryNeeds,
    ehcPlanStatus: form.ehcPlanStatus === "" ? undefined : form.ehcPlanStatus,
    sectionB: form.sectionB,
    sectionE: form.sectionE,
    sectionF: form.sectionF,
    staffingRatio: answer(form.staffingRatio, NONE),
    therapies: form.therapies,
    lotNumber: form.lotNumber === undefined ? undefined : Number(form.lotNumber),
    priceBand: answer(form.priceBand, UNKNOWN),
    neededBy: isoDateFrom(form.neededBy) ?? undefined,
    preferredSettingId: orNull(form.preferredSettingId),
    maxTravelKm: numberOrNull(form.maxTravelKm),
    siblingCount: numberOrNull(form.siblingCount),
    preferredLocation: orNull(form.preferredLocation),
    requirements: {
      communicationNeeds: answer(form.communicationNeeds, ""),
      specificCommunicationRequirements: form.specificCommunicationRequirements.length === 0 ? undefined : form.specificCommunicationRequirements,
      homeAdaptation: form.homeAdaptation === "" ? undefined : form.homeAdaptation === "yes",
      culturalNeeds: answer(form.culturalNeeds, ""),
      livingCompanions: answer(form.livingCompanions, ""),
      pets: answer(form.pets, ""),
      additionalSupport: answer(form.additionalSupport, NONE),
      deprivationOfLiberty: dol === "" ? undefined : dol === UNKNOWN ? null : dol === "yes",
    },
    recommendation: form.recommendation,
    riskAnswers: form.risks,
    riskOther: orNull(form.riskOther),
    riskToOthersOther: orNull(form.riskToOthersOther),
  };
}

/** Which of the API's fields each question page sends. */
export const SECTION_FIELDS = {
  about: ["reference", "birthMonth", "sex", "homeOutcode", "schoolYear"],
  needs: ["primaryNeed", "secondaryNeeds", "ehcPlanStatus", "sectionB", "sectionE", "sectionF", "staffingRatio", "therapies"],
  placement: ["lotNumber", "priceBand", "neededBy", "preferredSettingId", "maxTravelKm", "siblingCount", "preferredLocation"],
  requirements: ["requirements", "recommendation"],
  risks: ["riskAnswers", "riskOther", "riskToOthersOther"],
} as const satisfies Record<ChildSectionId, readonly (keyof ReturnType<typeof childFieldsFrom>)[]>;

/**
 * A question page's answers checked with the API's own schema, and its free text for anything
 * that could identify the child, in the same words as the server's check (which still has the
 * last say). What is not answered yet is left out: the draft keeps it to answer later.
 */
export function checkChildSection<T>(form: ChildFormState, section: ChildSectionId, schema: z.ZodType<T>): { data: T } | { problems: FormErrors<ChildField> } {
  const all = childFieldsFrom(form);
  const fields: Record<string, unknown> = Object.fromEntries(SECTION_FIELDS[section].map((key) => [key, all[key]]));
  const parsed = schema.safeParse(fields);
  const issues = (parsed.error?.issues ?? []).map((issue) => ({ field: issue.path.map(String).join("."), message: issue.message }));
  for (const field of CHILD_FREE_TEXT_FIELDS) {
    const text = fields[field];
    const found = typeof text === "string" ? personalDataIn(text) : [];
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
