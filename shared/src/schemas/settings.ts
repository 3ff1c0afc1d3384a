import { z } from "zod";
import {
  NEED_SUPPORT_LEVELS,
  OFSTED_GRADES,
  PDS_RISK_CODES,
  RESIDENTIAL_TYPES,
  SETTING_STATUSES,
  SEX_ADMITTED,
  STAFFING_RATIOS,
  THERAPIES,
} from "../codes/directory";
import { LOT_NUMBERS } from "../codes/lots";
import { type NeedCode, NEEDS } from "../codes/needs";
import { PRICE_BAND_CODES } from "../codes/price-bands";
import { listFilter, ListMetaSchema, listQuery } from "./list-query";
import { calendarDate, int32, plainText } from "./primitives";

const NEED_CODES = NEEDS.map((n) => n.code) as [NeedCode, ...NeedCode[]];
const uniqueBy =
  <T>(key: (item: T) => unknown) =>
  (items: T[]) =>
    new Set(items.map(key)).size === items.length;

export const NeedCodeSchema = z.enum(NEED_CODES, { error: "Choose a need from the SEN2 list" });
export const LotNumberSchema = int32(
  z
    .number()
    .int()
    .refine((n) => (LOT_NUMBERS as number[]).includes(n), { error: "Choose a lot from 1 to 7" }),
);
export const OutcodeSchema = plainText()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{1,2}[0-9][A-Z0-9]?$/, { error: "Enter the first half of a postcode, like M14 or BB11" });
export const UrnSchema = plainText()
  .trim()
  .regex(/^\d{6}$/, { error: "Enter the URN as 6 digits, like 105678" });
/** A setting's address is a public business address, so a full postcode is fine here (never for a child). */
export const PostcodeSchema = plainText()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/, { error: "Enter a real postcode, like M14 5RG" });

export const SettingNeedSchema = z.object({ code: NeedCodeSchema, level: z.enum(NEED_SUPPORT_LEVELS, { error: "Choose specialist or supported" }) }).strict();

export const SettingAddressSchema = z
  .object({
    line1: plainText().trim().min(1, { error: "Enter the first line of the address" }).max(200),
    line2: plainText().trim().max(200).optional(),
    town: plainText().trim().min(1, { error: "Enter the town or city" }).max(100),
    postcode: PostcodeSchema,
  })
  .strict();

const settingFields = {
  name: plainText().trim().min(1, { error: "Enter the setting's name" }).max(200, { error: "Name must be 200 characters or fewer" }),
  establishmentTypeCode: plainText()
    .regex(/^\d{2}$/, { error: "Enter a 2-digit GIAS establishment type code" })
    .nullable(),
  lotNumbers: z
    .array(LotNumberSchema)
    .max(7)
    .refine(
      uniqueBy((n) => n),
      { error: "List each lot once" },
    ),
  ageLow: z.number({ error: "Enter the youngest age" }).int().min(0, { error: "Ages are from 0 to 25" }).max(25, { error: "Ages are from 0 to 25" }),
  ageHigh: z.number({ error: "Enter the oldest age" }).int().min(0, { error: "Ages are from 0 to 25" }).max(25, { error: "Ages are from 0 to 25" }),
  sexAdmitted: z.enum(SEX_ADMITTED, { error: "Choose mixed, boys or girls" }),
  residentialTypes: z.array(z.enum(RESIDENTIAL_TYPES)).refine(
    uniqueBy((n) => n),
    { error: "List each type once" },
  ),
  registeredCapacity: z.number({ error: "Enter the registered capacity" }).int().min(0).max(2000),
  vacancies: int32(z.number({ error: "Enter the number of vacancies" }).int().min(0, { error: "Vacancies cannot be negative" }), "Vacancies"),
  needs: z.array(SettingNeedSchema).refine(
    uniqueBy((n: { code: string }) => n.code),
    { error: "List each need once" },
  ),
  risksManaged: z.array(z.enum(PDS_RISK_CODES)).refine(
    uniqueBy((n) => n),
    { error: "List each risk once" },
  ),
  therapies: z.array(z.enum(THERAPIES)).refine(
    uniqueBy((n) => n),
    { error: "List each therapy once" },
  ),
  staffingRatios: z.array(z.enum(STAFFING_RATIOS)).refine(
    uniqueBy((n) => n),
    { error: "List each ratio once" },
  ),
  ofstedGrade: z
    .union(OFSTED_GRADES.map((g) => z.literal(g)) as [z.ZodLiteral<1>, z.ZodLiteral<2>, z.ZodLiteral<3>, z.ZodLiteral<4>], {
      error: "Choose an Ofsted grade from 1 to 4",
    })
    .nullable(),
  ofstedInspectionDate: calendarDate({ error: "Enter the inspection date as a real date, for example 27 3 2025" }).nullable(),
  address: SettingAddressSchema,
  description: plainText().trim().max(5000, { error: "Description must be 5000 characters or fewer" }),
};

function checkSetting(
  value: Partial<{ ageLow: number; ageHigh: number; vacancies: number; registeredCapacity: number; ofstedInspectionDate: string | null }>,
  ctx: z.RefinementCtx,
) {
  if (value.ageLow !== undefined && value.ageHigh !== undefined && value.ageHigh < value.ageLow) {
    ctx.addIssue({ code: "custom", path: ["ageHigh"], message: "The oldest age must be the same as or more than the youngest" });
  }
  if (value.vacancies !== undefined && value.registeredCapacity !== undefined && value.vacancies > value.registeredCapacity) {
    ctx.addIssue({ code: "custom", path: ["vacancies"], message: "Vacancies cannot be more than the registered capacity" });
  }
  if (value.ofstedInspectionDate && value.ofstedInspectionDate > new Date().toISOString().slice(0, 10)) {
    ctx.addIssue({ code: "custom", path: ["ofstedInspectionDate"], message: "The inspection date must be today or in the past" });
  }
}

/** A provider adds a setting. Drafts may be incomplete; publishing checks completeness. */
export const SettingCreateSchema = z
  .object({
    urn: UrnSchema,
    ...settingFields,
    establishmentTypeCode: settingFields.establishmentTypeCode.default(null),
    lotNumbers: settingFields.lotNumbers.default([]),
    residentialTypes: settingFields.residentialTypes.default([]),
    vacancies: settingFields.vacancies.default(0),
    needs: settingFields.needs.default([]),
    risksManaged: settingFields.risksManaged.default([]),
    therapies: settingFields.therapies.default([]),
    staffingRatios: settingFields.staffingRatios.default([]),
    ofstedGrade: settingFields.ofstedGrade.default(null),
    ofstedInspectionDate: settingFields.ofstedInspectionDate.default(null),
    description: settingFields.description.default(""),
  })
  .strict()
  .superRefine(checkSetting);
export type SettingCreateInput = z.infer<typeof SettingCreateSchema>;

/** Any subset of the fields; the URN never changes (it is the setting's identity in GIAS and Ofsted). */
export const SettingUpdateSchema = z.object(settingFields).partial().strict().superRefine(checkSetting);
export type SettingUpdateInput = z.infer<typeof SettingUpdateSchema>;

export const VacanciesUpdateSchema = z
  .object({
    vacancies: int32(
      z.number({ error: "Enter the number of vacancies" }).int({ error: "Enter a whole number" }).min(0, { error: "Vacancies cannot be negative" }),
      "Vacancies",
    ),
  })
  .strict();

export const SettingStatusUpdateSchema = z
  .object({
    status: z.enum(SETTING_STATUSES, { error: "Choose draft, published or suspended" }),
    /** Required when the regional hub suspends a setting: the provider sees it. */
    reason: plainText().trim().max(1000).optional(),
  })
  .strict();
export type SettingStatusUpdateInput = z.infer<typeof SettingStatusUpdateSchema>;

export const SettingSchema = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  /** True while the setting sits with the "unclaimed" provider after a GIAS import. */
  unclaimed: z.boolean(),
  urn: z.string(),
  name: z.string(),
  establishmentType: z.object({ code: z.string(), name: z.string() }).nullable(),
  lotNumbers: z.array(z.number().int()),
  ageLow: z.number().int(),
  ageHigh: z.number().int(),
  sexAdmitted: z.enum(SEX_ADMITTED),
  residentialTypes: z.array(z.enum(RESIDENTIAL_TYPES)),
  registeredCapacity: z.number().int(),
  vacancies: z.number().int(),
  vacanciesConfirmedAt: z.iso.datetime().nullable(),
  needs: z.array(SettingNeedSchema),
  risksManaged: z.array(z.enum(PDS_RISK_CODES)),
  therapies: z.array(z.enum(THERAPIES)),
  staffingRatios: z.array(z.enum(STAFFING_RATIOS)),
  ofstedGrade: z.number().int().nullable(),
  ofstedInspectionDate: z.iso.date().nullable(),
  address: z.object({ line1: z.string(), line2: z.string().nullable(), town: z.string(), postcode: z.string() }),
  outcode: z.string().nullable(),
  location: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
  description: z.string(),
  status: z.enum(SETTING_STATUSES),
  statusReason: z.string().nullable(),
  updatedAt: z.iso.datetime(),
});
export type Setting = z.infer<typeof SettingSchema>;
export const SettingResponseSchema = z.object({ data: SettingSchema });
export const SettingListSchema = z.object({ data: z.array(SettingSchema) });

const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) =>
      typeof v === "string"
        ? v
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
    z.array(item),
  );
const queryInt = (min: number, max: number, message: string) =>
  z.coerce.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message });

/** Commissioners' search. Query strings: need=ASD,SEMH (or repeated), near=M14&radiusKm=25. */
export const SettingSearchQuerySchema = z
  .object({
    lot: queryInt(1, 7, "Choose a lot from 1 to 7").optional(),
    need: csv(NeedCodeSchema).optional(),
    age: queryInt(0, 25, "Enter an age from 0 to 25").optional(),
    sex: z.enum(["boys", "girls"], { error: "Choose boys or girls" }).optional(),
    residential: z.enum(RESIDENTIAL_TYPES, { error: "Choose day, 38_week or 52_week" }).optional(),
    hasVacancy: z
      .enum(["true", "false"], { error: "Use true or false" })
      .transform((v) => v === "true")
      .optional(),
    near: OutcodeSchema.optional(),
    radiusKm: z.coerce
      .number({ error: "Enter a distance in km" })
      .min(1, { error: "The distance must be at least 1 km" })
      .max(1000, { error: "The distance can be at most 1000 km" })
      .optional(),
    band: z.enum(PRICE_BAND_CODES, { error: "Choose a band from A to E" }).optional(),
    maxBandPrice: queryInt(1, 100_000_000, "Enter the most you would pay a week, in pence").optional(),
    /** The worst acceptable Ofsted grade: 2 means Good or Outstanding. */
    ofsted: queryInt(1, 4, "Choose an Ofsted grade from 1 to 4").optional(),
    sort: z.enum(["distance", "name"], { error: "Sort by distance or name" }).default("name"),
    page: queryInt(1, 10_000, "Enter a page number").default(1),
    pageSize: queryInt(1, 100, "Page size is from 1 to 100").default(20),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.sort === "distance" && !q.near) ctx.addIssue({ code: "custom", path: ["near"], message: "Enter a postcode district to sort by distance" });
    if (q.radiusKm !== undefined && !q.near) ctx.addIssue({ code: "custom", path: ["near"], message: "Enter a postcode district to search within a distance" });
    if (q.maxBandPrice !== undefined && (!q.band || !q.lot)) {
      ctx.addIssue({ code: "custom", path: ["band"], message: "Choose a lot and a band to compare framework prices" });
    }
  });
export type SettingSearchQuery = z.infer<typeof SettingSearchQuerySchema>;

export const SettingSearchHitSchema = SettingSchema.pick({
  id: true,
  urn: true,
  name: true,
  organisationName: true,
  lotNumbers: true,
  ageLow: true,
  ageHigh: true,
  sexAdmitted: true,
  residentialTypes: true,
  vacancies: true,
  vacanciesConfirmedAt: true,
  needs: true,
  ofstedGrade: true,
  outcode: true,
}).extend({
  town: z.string(),
  /** Straight-line distance from `near`'s centre, when given. */
  distanceKm: z.number().nullable(),
  /** The provider's framework price for `band` on `lot`, when both are given. */
  bandPricePence: z.number().int().nullable(),
});
export type SettingSearchHit = z.infer<typeof SettingSearchHitSchema>;

export const SettingSearchResultSchema = z.object({
  data: z.array(SettingSearchHitSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type SettingSearchResult = z.infer<typeof SettingSearchResultSchema>;

export const SETTING_CLAIM_STATUSES = ["pending", "approved", "rejected"] as const;
export const SettingClaimCreateSchema = z.object({ urn: UrnSchema }).strict();
export const SettingClaimDecisionSchema = z
  .object({
    decision: z.enum(["approved", "rejected"], { error: "Choose approve or reject" }),
    reason: plainText().trim().min(1, { error: "Give a reason the provider will see" }).max(1000),
  })
  .strict();
export const SettingClaimSchema = z.object({
  id: z.uuid(),
  settingId: z.uuid(),
  urn: z.string(),
  settingName: z.string(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  status: z.enum(SETTING_CLAIM_STATUSES),
  reason: z.string().nullable(),
  createdAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
});
export type SettingClaim = z.infer<typeof SettingClaimSchema>;
export const SettingClaimResponseSchema = z.object({ data: SettingClaimSchema });
export const SettingClaimListSchema = z.object({ data: z.array(SettingClaimSchema), meta: ListMetaSchema });
/** `status=pending` is "waiting for a decision"; `q` searches the setting's name or URN and the provider's name. */
export const SettingClaimListQuerySchema = listQuery({ status: listFilter(SETTING_CLAIM_STATUSES, "Choose pending, approved or rejected").optional() });
export type SettingClaimListQuery = z.infer<typeof SettingClaimListQuerySchema>;
