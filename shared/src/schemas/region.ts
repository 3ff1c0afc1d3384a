import { z } from "zod";
import { ORGANISATION_KINDS } from "../codes/organisation-kinds";

export const RegionCouncilSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  laCode: z.string(),
});

export const RegionLotSchema = z.object({
  number: z.number().int(),
  name: z.string(),
});

export const RegionFrameworkSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  termStart: z.iso.date(),
  termEnd: z.iso.date(),
  lots: z.array(RegionLotSchema),
});

/** What anyone may know about a region without signing in: who takes part and what is bought. */
export const RegionSummarySchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  councils: z.array(RegionCouncilSchema),
  frameworks: z.array(RegionFrameworkSchema),
  organisationCounts: z.record(z.enum(ORGANISATION_KINDS), z.number().int()),
});
export type RegionSummary = z.infer<typeof RegionSummarySchema>;

export const RegionListSchema = z.object({ data: z.array(RegionSummarySchema) });
