import { z } from "zod";

/**
 * The part of the Open Contracting Data Standard 1.1 we publish: a release package of tender,
 * award and contract releases for awarded placement requests. Loose where OCDS is open (ids are
 * strings), exact where our values are fixed, so the OpenAPI document says what to expect.
 */
const dateTime = z.iso.datetime({ offset: true });
const OrganizationReferenceSchema = z.object({ id: z.string(), name: z.string() });
const IdentifierSchema = z.object({ scheme: z.string(), id: z.string(), legalName: z.string().optional() });
const ValueSchema = z.object({ amount: z.number(), currency: z.literal("GBP") });
const PeriodSchema = z.object({ startDate: dateTime.optional(), endDate: dateTime.optional() });

export const OcdsPartySchema = z.object({
  id: z.string(),
  name: z.string(),
  identifier: IdentifierSchema.optional(),
  additionalIdentifiers: z.array(IdentifierSchema).optional(),
  roles: z.array(z.enum(["buyer", "procuringEntity", "supplier"])),
});

export const OcdsReleaseSchema = z.object({
  ocid: z.string(),
  id: z.string(),
  date: dateTime,
  tag: z.array(z.enum(["tender", "award", "contract"])),
  initiationType: z.literal("tender"),
  language: z.literal("en"),
  parties: z.array(OcdsPartySchema),
  buyer: OrganizationReferenceSchema,
  tender: z
    .object({
      id: z.string(),
      title: z.string(),
      status: z.literal("complete"),
      procuringEntity: OrganizationReferenceSchema,
      procurementMethod: z.literal("selective"),
      procurementMethodDetails: z.string(),
      mainProcurementCategory: z.literal("services"),
      numberOfTenderers: z.number().int(),
      tenderPeriod: PeriodSchema,
    })
    .optional(),
  awards: z
    .array(
      z.object({
        id: z.string(),
        title: z.string(),
        description: z.string(),
        status: z.literal("active"),
        date: dateTime,
        value: ValueSchema,
        suppliers: z.array(OrganizationReferenceSchema),
      }),
    )
    .optional(),
  contracts: z
    .array(
      z.object({
        id: z.string(),
        awardID: z.string(),
        title: z.string(),
        description: z.string(),
        status: z.enum(["active", "terminated"]),
        period: PeriodSchema,
        value: ValueSchema,
      }),
    )
    .optional(),
});
export type OcdsRelease = z.infer<typeof OcdsReleaseSchema>;

export const OcdsReleasePackageSchema = z.object({
  uri: z.url(),
  version: z.literal("1.1"),
  publishedDate: dateTime,
  publisher: z.object({ name: z.string(), uri: z.url().optional() }),
  releases: z.array(OcdsReleaseSchema),
});
export type OcdsReleasePackage = z.infer<typeof OcdsReleasePackageSchema>;
