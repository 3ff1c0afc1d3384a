import { z } from "zod";
import {
  ADDITIONAL_SUPPORT,
  CHILD_SEXES,
  COMMUNICATION_NEEDS,
  COMMUNICATION_REQUIREMENTS,
  CULTURAL_NEEDS,
  EHC_PLAN_STATUSES,
  LIVING_COMPANIONS,
  PETS,
  RISK_TRAJECTORIES,
  SUITABILITY,
} from "../codes/children";
import { PDS_RISK_CODES, STAFFING_RATIOS, THERAPIES } from "../codes/directory";
import { PRICE_BAND_CODES } from "../codes/price-bands";
import { REQUEST_STATES } from "../codes/tenders";
import { listFilter, ListMetaSchema, listQuery } from "./list-query";
import { calendarDate, plainText } from "./primitives";
import { LotNumberSchema, NeedCodeSchema, OutcodeSchema } from "./settings";

const uniqueBy =
  <T>(key: (item: T) => unknown) =>
  (items: T[]) =>
    new Set(items.map(key)).size === items.length;
const summary = (what: string, max = 2000) =>
  plainText()
    .trim()
    .max(max, { error: `${what} must be ${max} characters or fewer` });

/**
 * The council's own reference for the child: letters, digits, "-" or "/", with at least one
 * digit, so a name can never be typed here (e.g. MCR-2026-0042).
 */
export const ChildReferenceSchema = plainText({ error: "Enter the council's reference for the child" })
  .trim()
  .toUpperCase()
  .min(1, { error: "Enter the council's reference for the child", abort: true })
  .regex(/^(?=.*\d)[A-Z0-9][A-Z0-9/-]{2,39}$/, {
    error: "Enter a reference of 3 to 40 letters, digits, - or /, with at least one digit (never the child's name), like MCR-2026-0042",
  });

/** Month and year of birth only: a full date of birth is not needed to match and is not kept. */
export const BirthMonthSchema = plainText({ error: "Enter the month and year of birth" }).regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/, {
  error: "Enter the month and year of birth as a real month and year, for example 9 2012",
});

/** PDS PlacementRequirements, field for field. */
export const ChildRequirementsSchema = z
  .object({
    communicationNeeds: z.enum(COMMUNICATION_NEEDS, { error: "Say whether the child has communication, language or learning needs" }),
    specificCommunicationRequirements: z
      .array(z.enum(COMMUNICATION_REQUIREMENTS, { error: "Choose from ESOL, BSL, Makaton, Other or None" }))
      .min(1, { error: "Choose at least one communication requirement, or None" })
      .refine(
        uniqueBy((v) => v),
        { error: "List each requirement once" },
      )
      .refine((v) => !v.includes("None") || v.length === 1, { error: "None cannot be chosen with other requirements" }),
    homeAdaptation: z.boolean({ error: "Say whether the home needs adapting" }),
    culturalNeeds: z.enum(CULTURAL_NEEDS, { error: "Choose the cultural needs" }),
    livingCompanions: z.enum(LIVING_COMPANIONS, { error: "Choose who the child can live alongside" }),
    pets: z.enum(PETS, { error: "Say whether the child can live with pets" }),
    additionalSupport: z.enum(ADDITIONAL_SUPPORT, { error: "Choose the additional support" }).nullable(),
    deprivationOfLiberty: z.boolean({ error: "Say whether there is a Deprivation of Liberty order" }).nullable(),
  })
  .strict();
export type ChildRequirements = z.infer<typeof ChildRequirementsSchema>;

/** PDS PlacementRecommendation. */
export const ChildRecommendationSchema = z
  .object({
    fosterCareSuitability: z.enum(SUITABILITY, { error: "Choose how suitable foster care is" }),
    residentialCareSuitability: z.enum(SUITABILITY, { error: "Choose how suitable residential care is" }),
    supportedAccommodationSuitability: z.enum(SUITABILITY, { error: "Choose how suitable supported accommodation is" }),
  })
  .strict();
export type ChildRecommendation = z.infer<typeof ChildRecommendationSchema>;

/** A risk present (PDS "Risk Present"); any risk not listed is "No known risk". */
export const ChildRiskSchema = z
  .object({
    code: z.enum(PDS_RISK_CODES, { error: "Choose a risk from the Placements Data Standard list" }),
    trajectory: z.enum(RISK_TRAJECTORIES, { error: "Choose historic, current or escalating" }),
  })
  .strict();
export type ChildRisk = z.infer<typeof ChildRiskSchema>;

export const DEFAULT_REQUIREMENTS: ChildRequirements = {
  communicationNeeds: "Not Specified",
  specificCommunicationRequirements: ["None"],
  homeAdaptation: false,
  culturalNeeds: "Not Known",
  livingCompanions: "No preference",
  pets: "Not Known",
  additionalSupport: null,
  deprivationOfLiberty: null,
};
export const DEFAULT_RECOMMENDATION: ChildRecommendation = {
  fosterCareSuitability: "Not specified",
  residentialCareSuitability: "Not specified",
  supportedAccommodationSuitability: "Not specified",
};

/** Free-text fields, checked for names, dates of birth, postcodes, phone and NHS numbers. */
export const CHILD_FREE_TEXT_FIELDS = ["sectionB", "sectionE", "sectionF", "preferredLocation", "riskOther", "riskToOthersOther"] as const;

const profileFields = {
  reference: ChildReferenceSchema,
  birthMonth: BirthMonthSchema,
  sex: z.enum(CHILD_SEXES, { error: "Choose female or male" }),
  homeOutcode: OutcodeSchema,
  /** 0 is Reception; 12 and 13 are the sixth form years, 14 a further year (to 25 in a college). */
  schoolYear: z
    .number({ error: "Enter the school year" })
    .int({ error: "Enter the school year as a whole number" })
    .min(0, { error: "School years are from 0 (Reception) to 14" })
    .max(14, { error: "School years are from 0 (Reception) to 14" }),
  primaryNeed: NeedCodeSchema,
  secondaryNeeds: z
    .array(NeedCodeSchema)
    .max(12)
    .refine(
      uniqueBy((v) => v),
      { error: "List each need once" },
    ),
  ehcPlanStatus: z.enum(EHC_PLAN_STATUSES, { error: "Choose the EHC plan's status" }),
  sectionB: summary("The section B summary"),
  sectionE: summary("The section E summary"),
  sectionF: summary("The section F summary"),
  staffingRatio: z.enum(STAFFING_RATIOS, { error: "Choose a staffing ratio" }).nullable(),
  therapies: z.array(z.enum(THERAPIES, { error: "Choose therapies from the list" })).refine(
    uniqueBy((v) => v),
    { error: "List each therapy once" },
  ),
  /** The placement type sought. */
  lotNumber: LotNumberSchema,
  /** The need-intensity band the placement is expected to fall in; matching compares prices in it. */
  priceBand: z.enum(PRICE_BAND_CODES, { error: "Choose a band from A to E" }).nullable(),
  neededBy: calendarDate({ error: "Enter the date the placement is needed by as a real date, for example 27 3 2027" }),
  /** Parental preference: a named setting, by its id in the directory. */
  preferredSettingId: z.uuid({ error: "Choose a setting from the directory" }).nullable(),
  maxTravelKm: z
    .number({ error: "Enter the furthest distance in km" })
    .min(1, { error: "The distance must be at least 1 km" })
    .max(1000, { error: "The distance can be at most 1000 km" })
    .nullable(),
  siblingCount: z.number().int().min(0, { error: "Siblings cannot be negative" }).max(20).nullable(),
  preferredLocation: summary("The preferred location", 200).nullable(),
  requirements: ChildRequirementsSchema,
  recommendation: ChildRecommendationSchema,
  risks: z.array(ChildRiskSchema).refine(
    uniqueBy((r: ChildRisk) => r.code),
    { error: "List each risk once" },
  ),
  riskOther: summary("The other risk to the child", 500).nullable(),
  riskToOthersOther: summary("The other risk to others", 500).nullable(),
};

/**
 * The primary need is not a secondary need too. Checked whenever both fields are valid, even if
 * others are not, so one 400 lists every problem.
 */
const primaryNotSecondary: [
  (value: { primaryNeed?: string | undefined; secondaryNeeds?: string[] | undefined }) => boolean,
  { path: PropertyKey[]; message: string; when: (payload: z.core.ParsePayload) => boolean },
] = [
  (value: { primaryNeed?: string | undefined; secondaryNeeds?: string[] | undefined }) =>
    !(value.primaryNeed && value.secondaryNeeds?.includes(value.primaryNeed)),
  {
    path: ["secondaryNeeds"],
    message: "The primary need cannot also be a secondary need",
    when: (payload) => !payload.issues.some((i) => ["primaryNeed", "secondaryNeeds"].includes(String(i.path?.[0]))),
  },
];

/** A commissioner records a child: what matching needs is required, the rest has defaults. */
export const ChildProfileCreateSchema = z
  .object({
    ...profileFields,
    secondaryNeeds: profileFields.secondaryNeeds.default([]),
    ehcPlanStatus: profileFields.ehcPlanStatus.default("final"),
    sectionB: profileFields.sectionB.default(""),
    sectionE: profileFields.sectionE.default(""),
    sectionF: profileFields.sectionF.default(""),
    staffingRatio: profileFields.staffingRatio.default(null),
    therapies: profileFields.therapies.default([]),
    priceBand: profileFields.priceBand.default(null),
    preferredSettingId: profileFields.preferredSettingId.default(null),
    maxTravelKm: profileFields.maxTravelKm.default(null),
    siblingCount: profileFields.siblingCount.default(null),
    preferredLocation: profileFields.preferredLocation.default(null),
    requirements: profileFields.requirements.default(DEFAULT_REQUIREMENTS),
    recommendation: profileFields.recommendation.default(DEFAULT_RECOMMENDATION),
    risks: profileFields.risks.default([]),
    riskOther: profileFields.riskOther.default(null),
    riskToOthersOther: profileFields.riskToOthersOther.default(null),
  })
  .strict()
  .refine(...primaryNotSecondary);
export type ChildProfileCreateInput = z.infer<typeof ChildProfileCreateSchema>;

export const CHILD_PROFILE_STATUSES = ["draft", "complete"] as const;
export type ChildProfileStatus = (typeof CHILD_PROFILE_STATUSES)[number];

/** One risk's answer on the risks page: "none" is "No known risk", chosen, never assumed. */
const RiskAnswerSchema = z.enum(["none", ...RISK_TRAJECTORIES], { error: "Choose no known risk, historic, current or escalating" });

/**
 * Any subset of the fields, as a question page or a draft saves them. Requirements and
 * recommendation may come in part (merged into what is stored); `riskAnswers` answers risks one
 * by one, where `risks` (the whole list of present risks) answers them all at once.
 */
const updateFields = {
  ...profileFields,
  requirements: ChildRequirementsSchema.partial(),
  recommendation: ChildRecommendationSchema.partial(),
  riskAnswers: z.partialRecord(z.enum(PDS_RISK_CODES, { error: "Choose a risk from the Placements Data Standard list" }), RiskAnswerSchema),
};
export const ChildProfileUpdateSchema = z
  .object(updateFields)
  .partial()
  .strict()
  .refine(...primaryNotSecondary);
export type ChildProfileUpdateInput = z.infer<typeof ChildProfileUpdateSchema>;

/** A draft: the reference, and whatever else has been answered so far (each answer checked as ever). */
export const ChildProfileDraftCreateSchema = z
  .object(updateFields)
  .partial()
  .extend({ reference: ChildReferenceSchema })
  .strict()
  .refine(...primaryNotSecondary);
export type ChildProfileDraftCreateInput = z.infer<typeof ChildProfileDraftCreateSchema>;

/**
 * What is stored. A profile imported from a Placements Data Standard referral may lack what the
 * standard does not carry (needs, age, sex, home district, lot); `missingForMatching` says what.
 */
export type ChildProfileValues = Omit<
  ChildProfileCreateInput,
  "birthMonth" | "sex" | "homeOutcode" | "schoolYear" | "primaryNeed" | "ehcPlanStatus" | "lotNumber" | "neededBy"
> & {
  birthMonth: string | null;
  sex: ChildProfileCreateInput["sex"] | null;
  homeOutcode: string | null;
  schoolYear: number | null;
  primaryNeed: ChildProfileCreateInput["primaryNeed"] | null;
  ehcPlanStatus: ChildProfileCreateInput["ehcPlanStatus"] | null;
  lotNumber: number | null;
  neededBy: string | null;
  /** PDS PlacementAvailability.childId, when the profile came from a referral. */
  pdsChildId: number | null;
  /** PDS QualityAssurance.referralDate, when the profile came from a referral. */
  referralDate: string | null;
};

/** Fields matching cannot run without. */
export const MATCHING_REQUIRED_FIELDS = ["birthMonth", "sex", "homeOutcode", "primaryNeed", "lotNumber"] as const;

export const ChildProfileSchema = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  reference: z.string(),
  birthMonth: z.string().nullable(),
  /** Whole years on the date needed by (or today), from the month of birth. */
  ageOnNeededBy: z.number().int().nullable(),
  sex: z.enum(CHILD_SEXES).nullable(),
  homeOutcode: z.string().nullable(),
  schoolYear: z.number().int().nullable(),
  primaryNeed: NeedCodeSchema.nullable(),
  secondaryNeeds: z.array(NeedCodeSchema),
  ehcPlanStatus: z.enum(EHC_PLAN_STATUSES).nullable(),
  sectionB: z.string(),
  sectionE: z.string(),
  sectionF: z.string(),
  staffingRatio: z.enum(STAFFING_RATIOS).nullable(),
  therapies: z.array(z.enum(THERAPIES)),
  lotNumber: z.number().int().nullable(),
  priceBand: z.enum(PRICE_BAND_CODES).nullable(),
  neededBy: z.iso.date().nullable(),
  preferredSettingId: z.uuid().nullable(),
  preferredSettingName: z.string().nullable(),
  maxTravelKm: z.number().nullable(),
  siblingCount: z.number().int().nullable(),
  preferredLocation: z.string().nullable(),
  requirements: ChildRequirementsSchema,
  recommendation: ChildRecommendationSchema,
  risks: z.array(ChildRiskSchema),
  riskOther: z.string().nullable(),
  riskToOthersOther: z.string().nullable(),
  pdsChildId: z.number().int().nullable(),
  referralDate: z.iso.date().nullable(),
  missingForMatching: z.array(z.enum(MATCHING_REQUIRED_FIELDS)),
  /** A draft holds partial answers: it cannot be matched or go to a placement request until complete. */
  status: z.enum(CHILD_PROFILE_STATUSES),
  /** The questions still to answer (paths in CHILD_SECTIONS); empty once complete. */
  unanswered: z.array(z.string()),
  /** The child's placement requests, newest first. */
  requests: z.array(z.object({ id: z.uuid(), state: z.enum(REQUEST_STATES), deadline: z.iso.datetime(), createdAt: z.iso.datetime() })),
  /** The placement the child is in now, if any. */
  currentPlacement: z
    .object({ id: z.uuid(), settingName: z.string(), providerName: z.string(), startDate: z.iso.date(), weeklyFeePence: z.number().int() })
    .nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ChildProfile = z.infer<typeof ChildProfileSchema>;
export const ChildProfileResponseSchema = z.object({ data: ChildProfileSchema });

/** The list: enough to find a child, nothing more (each full read is audited). */
export const ChildProfileListItemSchema = ChildProfileSchema.pick({
  id: true,
  reference: true,
  primaryNeed: true,
  lotNumber: true,
  neededBy: true,
  status: true,
  updatedAt: true,
}).extend({ hasOpenRequest: z.boolean(), placed: z.boolean() });
export const ChildProfileListSchema = z.object({ data: z.array(ChildProfileListItemSchema), meta: ListMetaSchema });

/** A request still going (not awarded, cancelled or ended without offers): a second one for the same child needs a warning. */
const FINISHED_REQUEST_STATES: readonly string[] = ["awarded", "cancelled", "no_offers"];
export const OPEN_REQUEST_STATES = REQUEST_STATES.filter((state) => !FINISHED_REQUEST_STATES.includes(state));

/** The list's filters: a profile's status, a request in progress, a current placement (any of those ticked). */
export const CHILD_LIST_FILTERS = ["draft", "complete", "open_request", "placed"] as const;
export const ChildListQuerySchema = listQuery({
  status: listFilter(CHILD_LIST_FILTERS, "Choose draft, complete, has an open request or placed").optional(),
});
export type ChildListQuery = z.infer<typeof ChildListQuerySchema>;
export type ChildProfileListItem = z.infer<typeof ChildProfileListItemSchema>;

/** The shortlist of settings a commissioner means to invite to a placement request. */
export const ShortlistParamsSchema = z.object({ id: z.uuid({ error: "Not a valid id" }), settingId: z.uuid({ error: "Not a valid id" }) }).strict();
export const ShortlistEntrySchema = z.object({ settingId: z.uuid(), settingName: z.string(), organisationName: z.string(), addedAt: z.iso.datetime() });
export type ShortlistEntry = z.infer<typeof ShortlistEntrySchema>;
export const ShortlistSchema = z.object({ data: z.array(ShortlistEntrySchema) });
