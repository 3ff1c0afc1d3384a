/** How a setting accommodates children (DOMAIN.md: day / 38-week / 52-week residential). */
export const RESIDENTIAL_TYPES = ["day", "38_week", "52_week"] as const;
export type ResidentialType = (typeof RESIDENTIAL_TYPES)[number];
export const RESIDENTIAL_TYPE_LABELS: Record<ResidentialType, string> = {
  day: "Day",
  "38_week": "38-week residential",
  "52_week": "52-week residential",
};

export const SEX_ADMITTED = ["mixed", "boys", "girls"] as const;
export type SexAdmitted = (typeof SEX_ADMITTED)[number];
export const SEX_ADMITTED_LABELS: Record<SexAdmitted, string> = { mixed: "Mixed", boys: "Boys", girls: "Girls" };

export const THERAPIES = ["speech_and_language", "occupational", "physiotherapy", "psychology", "camhs"] as const;
export type Therapy = (typeof THERAPIES)[number];
export const THERAPY_LABELS: Record<Therapy, string> = {
  speech_and_language: "Speech and language therapy",
  occupational: "Occupational therapy",
  physiotherapy: "Physiotherapy",
  psychology: "Psychology",
  camhs: "CAMHS (child and adolescent mental health services)",
};

/** Adult:child staffing ratios a setting can provide. */
export const STAFFING_RATIOS = ["1:3", "1:2", "1:1", "2:1", "3:1"] as const;
export type StaffingRatio = (typeof STAFFING_RATIOS)[number];

/** "specialist": the setting is designed around this need; "supported": it can meet it. */
export const NEED_SUPPORT_LEVELS = ["specialist", "supported"] as const;
export type NeedSupportLevel = (typeof NEED_SUPPORT_LEVELS)[number];

export const SETTING_STATUSES = ["draft", "published", "suspended"] as const;
export type SettingStatus = (typeof SETTING_STATUSES)[number];

/** Ofsted grades (children's homes and legacy school inspections). */
export const OFSTED_GRADES = [1, 2, 3, 4] as const;
export type OfstedGrade = (typeof OFSTED_GRADES)[number];
export const OFSTED_GRADE_LABELS: Record<OfstedGrade, string> = {
  1: "Outstanding",
  2: "Good",
  3: "Requires improvement",
  4: "Inadequate",
};

/**
 * Risks in the Placements Data Standard v2 (entity Risks), by its field names: risks to the
 * child, then to others or property. A setting lists those it can manage.
 */
export const PDS_RISKS = [
  { code: "riskSelfHarm", label: "Self-harm", towards: "child" },
  { code: "riskSexualExploitation", label: "Sexual exploitation", towards: "child" },
  { code: "riskCriminalExploitation", label: "Criminal exploitation", towards: "child" },
  { code: "riskDrugAlcohol", label: "Drug and alcohol use", towards: "child" },
  { code: "riskEatingDisorder", label: "Eating disorder", towards: "child" },
  { code: "riskMissing", label: "Going missing", towards: "child" },
  { code: "riskToOthersPhysical", label: "Physical harm to others", towards: "others" },
  { code: "riskToOthersSexual", label: "Sexual harm to others", towards: "others" },
  { code: "riskToOthersFire", label: "Fire-setting", towards: "others" },
  { code: "riskToOthersAnimals", label: "Harm to animals", towards: "others" },
  { code: "riskToOthersCriminal", label: "Criminal exploitation of others", towards: "others" },
] as const;
export type PdsRisk = (typeof PDS_RISKS)[number]["code"];
export const PDS_RISK_CODES = PDS_RISKS.map((r) => r.code) as [PdsRisk, ...PdsRisk[]];

/**
 * Get Information About Schools establishment types relevant to SEND, imported by default:
 * special schools, pupil referral units and alternative provision.
 */
export const SEND_ESTABLISHMENT_TYPES: Record<string, string> = {
  "07": "Community special school",
  "08": "Non-maintained special school",
  "10": "Other independent special school",
  "12": "Foundation special school",
  "14": "Pupil referral unit",
  "33": "Academy special sponsor led",
  "36": "Free schools special",
  "38": "Free schools alternative provision",
  "42": "Academy alternative provision converter",
  "43": "Academy alternative provision sponsor led",
  "44": "Academy special converter",
};

export const ADMISSION_STATUSES = ["applied", "admitted", "rejected", "suspended"] as const;
export type AdmissionStatus = (typeof ADMISSION_STATUSES)[number];
