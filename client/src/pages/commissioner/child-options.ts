import {
  ADDITIONAL_SUPPORT,
  CHILD_SEX_LABELS,
  CHILD_SEXES,
  COMMUNICATION_NEEDS,
  COMMUNICATION_REQUIREMENTS,
  CULTURAL_NEEDS,
  EHC_PLAN_STATUS_LABELS,
  EHC_PLAN_STATUSES,
  LIVING_COMPANIONS,
  PETS,
  RISK_TRAJECTORIES,
  RISK_TRAJECTORY_LABELS,
  SUITABILITY,
} from "@shared/codes/children";
import { PDS_RISKS, STAFFING_RATIOS, THERAPIES, THERAPY_LABELS } from "@shared/codes/directory";
import { LOTS } from "@shared/codes/lots";
import { NEEDS } from "@shared/codes/needs";
import { PRICE_BANDS } from "@shared/codes/price-bands";

/** Options and labels of a child's profile, shared by the form and the profile's summary. */
const same = (values: readonly string[]) => values.map((value) => ({ value, label: value }));
const labelled = <T extends string>(values: readonly T[], labels: Record<T, string>) => values.map((value) => ({ value, label: labels[value] }));

export const SEX_OPTIONS = labelled(CHILD_SEXES, CHILD_SEX_LABELS);
export const NEED_OPTIONS = NEEDS.map((need) => ({ value: need.code, label: `${need.name} (${need.code})` }));
export const EHC_OPTIONS = labelled(EHC_PLAN_STATUSES, EHC_PLAN_STATUS_LABELS);
/** Answers that store as null carry a value of their own here, so "not answered yet" (nothing chosen) differs from them. */
export const NONE = "none";
export const UNKNOWN = "unknown";
export const RATIO_OPTIONS = [{ value: NONE, label: "No particular ratio" }, ...same(STAFFING_RATIOS)];
export const THERAPY_OPTIONS = labelled(THERAPIES, THERAPY_LABELS);
export const LOT_OPTIONS = LOTS.map((lot) => ({ value: String(lot.number), label: `Lot ${lot.number}: ${lot.name}` }));
export const BAND_OPTIONS = [
  { value: UNKNOWN, label: "Not known yet" },
  ...PRICE_BANDS.map((b) => ({ value: b.band, label: `Band ${b.band}: ${b.description}` })),
];

export const COMMUNICATION_NEED_LABELS: Record<(typeof COMMUNICATION_NEEDS)[number], string> = { Y: "Yes", N: "No", "Not Specified": "Not specified" };
export const COMMUNICATION_NEED_OPTIONS = labelled(COMMUNICATION_NEEDS, COMMUNICATION_NEED_LABELS);
export const COMMUNICATION_REQUIREMENT_LABELS: Record<(typeof COMMUNICATION_REQUIREMENTS)[number], string> = {
  ESOL: "ESOL (English for speakers of other languages)",
  BSL: "BSL (British Sign Language)",
  Makaton: "Makaton",
  Other: "Other",
  None: "None",
};
export const COMMUNICATION_REQUIREMENT_OPTIONS = labelled(COMMUNICATION_REQUIREMENTS, COMMUNICATION_REQUIREMENT_LABELS);
export const CULTURAL_OPTIONS = same(CULTURAL_NEEDS);
export const COMPANION_OPTIONS = same(LIVING_COMPANIONS);
export const PET_LABELS: Record<(typeof PETS)[number], string> = {
  "Yes - must": "Yes – must live with pets",
  "Yes - can": "Yes – can live with pets",
  No: "No",
  "Not Known": "Not known",
};
export const PET_OPTIONS = labelled(PETS, PET_LABELS);
export const SUPPORT_OPTIONS = [
  { value: NONE, label: "Not given" },
  ...ADDITIONAL_SUPPORT.map((value) => ({ value, label: value.charAt(0).toUpperCase() + value.slice(1) })),
];
export const YES_NO_OPTIONS = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];
export const YES_NO_UNKNOWN_OPTIONS = [...YES_NO_OPTIONS, { value: UNKNOWN, label: "Not known" }];

export const SUITABILITY_ROWS = [
  { key: "fosterCareSuitability", label: "Foster care" },
  { key: "residentialCareSuitability", label: "Residential care" },
  { key: "supportedAccommodationSuitability", label: "Supported accommodation" },
] as const;
export const SUITABILITY_OPTIONS = same(SUITABILITY);

export const RISK_OPTIONS = [{ value: "none", label: "No known risk" }, ...labelled(RISK_TRAJECTORIES, RISK_TRAJECTORY_LABELS)];
export const RISKS_TO_CHILD = PDS_RISKS.filter((r) => r.towards === "child").map((r) => ({ key: r.code, label: r.label }));
export const RISKS_TO_OTHERS = PDS_RISKS.filter((r) => r.towards === "others").map((r) => ({ key: r.code, label: r.label }));
