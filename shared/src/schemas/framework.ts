import { z } from "zod";
import { ADMISSION_STATUSES } from "../codes/directory";
import { PRICE_BAND_CODES } from "../codes/price-bands";
import { listFilter, ListMetaSchema, listQuery } from "./list-query";
import { dateTime, int32, plainText } from "./primitives";
import { LotNumberSchema } from "./settings";

export const PriceBandSchema = z.object({
  band: z.enum(PRICE_BAND_CODES),
  description: z.string(),
  weeklyCeilingPence: z.number().int(),
});

export const FrameworkLotSchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  name: z.string(),
  bands: z.array(PriceBandSchema),
});

export const TermsVersionSchema = z.object({
  id: z.uuid(),
  version: z.string(),
  title: z.string(),
  summary: z.string(),
  publishedAt: z.iso.datetime(),
});

export const ADMISSION_ROUND_STATES = ["upcoming", "open", "closed"] as const;
export const AdmissionRoundSchema = z.object({
  id: z.uuid(),
  frameworkId: z.uuid(),
  name: z.string(),
  opensAt: z.iso.datetime(),
  closesAt: z.iso.datetime(),
  /** From the database clock at the time of the request. */
  state: z.enum(ADMISSION_ROUND_STATES),
});
export type AdmissionRound = z.infer<typeof AdmissionRoundSchema>;

export const FrameworkSchema = z.object({
  id: z.uuid(),
  regionId: z.uuid(),
  name: z.string(),
  termStart: z.iso.date(),
  termEnd: z.iso.date(),
  lots: z.array(FrameworkLotSchema),
  termsVersions: z.array(TermsVersionSchema),
  rounds: z.array(AdmissionRoundSchema),
});
export type Framework = z.infer<typeof FrameworkSchema>;
export const FrameworkResponseSchema = z.object({ data: FrameworkSchema });
export const FrameworkListSchema = z.object({ data: z.array(FrameworkSchema) });

export const BandCeilingUpdateSchema = z
  .object({
    weeklyCeilingPence: int32(
      z
        .number({ error: "Enter the weekly ceiling" })
        .int({ error: "Enter the weekly ceiling in whole pence" })
        .min(1, { error: "The ceiling must be more than £0" }),
      "The ceiling",
    ),
    /**
     * Lowering a ceiling below providers' current prices is refused (409, reason
     * confirmation_required, with those prices) until it is sent again with `confirm: true`.
     */
    confirm: z.boolean({ error: "Confirm the new ceiling by choosing yes or no" }).optional(),
  })
  .strict();

export const TermsVersionCreateSchema = z
  .object({
    version: plainText()
      .trim()
      .regex(/^\d+(\.\d+){0,2}$/, { error: "Enter a version number, like 2 or 2.1" }),
    title: plainText().trim().min(1, { error: "Enter a title" }).max(200),
    summary: plainText().trim().min(1, { error: "Summarise what changed" }).max(5000),
  })
  .strict();

export const AdmissionRoundCreateSchema = z
  .object({
    name: plainText().trim().min(1, { error: "Enter a name for the round, like 'Spring 2027 reopening'" }).max(200),
    opensAt: dateTime({ error: "Enter when the round opens as a date and time" }),
    closesAt: dateTime({ error: "Enter when the round closes as a date and time" }),
  })
  .strict()
  .refine((r) => new Date(r.closesAt) > new Date(r.opensAt), { path: ["closesAt"], error: "The round must close after it opens" });

const mustBeTrue = (what: string) => z.literal(true, { error: `Confirm ${what}` });

export const ProviderApplicationCreateSchema = z
  .object({
    roundId: z.uuid({ error: "Choose an open admission round" }),
    lotNumbers: z
      .array(LotNumberSchema)
      .min(1, { error: "Choose at least one lot" })
      .refine((l) => new Set(l).size === l.length, { error: "List each lot once" }),
    companiesHouseNumber: plainText()
      .trim()
      .toUpperCase()
      .regex(/^([0-9]{8}|[A-Z]{2}[0-9]{6})$/, { error: "Enter a Companies House number, like 01234567 or SC123456" }),
    contactName: plainText().trim().min(1, { error: "Enter the contact's name" }).max(200),
    contactEmail: plainText()
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: "Enter an email address in the correct format, like name@example.org" })),
    contactPhone: plainText()
      .trim()
      .regex(/^\+?[0-9 ()-]{10,20}$/, { error: "Enter a telephone number, like 0161 496 0000" }),
    settingsOffered: plainText().trim().min(1, { error: "Describe the settings you would offer" }).max(2000),
    declarations: z
      .object({
        termsVersionId: z.uuid({ error: "Accept the current terms and conditions" }),
        acceptsTerms: mustBeTrue("that you accept the terms and conditions"),
        safeguarding: mustBeTrue("that you have a safeguarding policy and designated lead"),
        insurance: mustBeTrue("that you hold the required insurance"),
        accurateInformation: mustBeTrue("that the information is accurate"),
      })
      .strict(),
  })
  .strict();
export type ProviderApplicationCreateInput = z.infer<typeof ProviderApplicationCreateSchema>;

export const LotAdmissionSchema = z.object({
  lotNumber: z.number().int(),
  status: z.enum(ADMISSION_STATUSES),
  /** The regional hub's reason, shown to the provider. */
  reason: z.string().nullable(),
  decidedAt: z.iso.datetime().nullable(),
});

export const ProviderApplicationSchema = z.object({
  id: z.uuid(),
  frameworkId: z.uuid(),
  roundId: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  companiesHouseNumber: z.string(),
  contactName: z.string(),
  contactEmail: z.string(),
  contactPhone: z.string(),
  settingsOffered: z.string(),
  termsVersionId: z.uuid(),
  submittedAt: z.iso.datetime(),
  lots: z.array(LotAdmissionSchema),
});
export type ProviderApplication = z.infer<typeof ProviderApplicationSchema>;
export const ProviderApplicationResponseSchema = z.object({ data: ProviderApplicationSchema });
export const ProviderApplicationListSchema = z.object({ data: z.array(ProviderApplicationSchema), meta: ListMetaSchema });
/** `status=applied` is "waiting for a decision" (an application with a lot in that status); `q` searches the provider's name. */
export const ApplicationListQuerySchema = listQuery({
  status: listFilter(ADMISSION_STATUSES, "Choose a status: applied, admitted, rejected or suspended").optional(),
});
export type ApplicationListQuery = z.infer<typeof ApplicationListQuerySchema>;

export const AdmissionDecisionSchema = z
  .object({
    status: z.enum(["admitted", "rejected", "suspended"], { error: "Choose admit, reject or suspend" }),
    reason: plainText().trim().min(1, { error: "Give a reason the provider will see" }).max(1000),
  })
  .strict();

export const ProviderPriceSchema = z.object({
  lotNumber: z.number().int(),
  band: z.enum(PRICE_BAND_CODES),
  weeklyPricePence: z.number().int(),
  weeklyCeilingPence: z.number().int(),
  updatedAt: z.iso.datetime(),
});
export const ProviderPriceListSchema = z.object({ data: z.array(ProviderPriceSchema) });

export const ProviderPricesUpdateSchema = z
  .object({
    prices: z
      .array(
        z
          .object({
            lotNumber: LotNumberSchema,
            band: z.enum(PRICE_BAND_CODES, { error: "Choose a band from A to E" }),
            weeklyPricePence: int32(
              z.number({ error: "Enter the weekly price in pence" }).int({ error: "Enter whole pence" }).min(1, { error: "The price must be more than 0" }),
              "The price",
            ),
          })
          .strict(),
      )
      .min(1, { error: "Give at least one price" })
      .refine((p) => new Set(p.map((x) => `${x.lotNumber}${x.band}`)).size === p.length, { error: "Give each lot and band once" }),
  })
  .strict();
export type ProviderPricesUpdateInput = z.infer<typeof ProviderPricesUpdateSchema>;
