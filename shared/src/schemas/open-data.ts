import { z } from "zod";

/**
 * The directory as Open Referral UK (HSDS) data: organizations, services, locations and the
 * links between them. Listed settings only; no vacancies or prices.
 */
export const HsdsDirectorySchema = z.object({
  total_items: z.number().int(),
  organizations: z.array(z.object({ id: z.uuid(), name: z.string(), description: z.string() })),
  services: z.array(
    z.object({
      id: z.uuid(),
      organization_id: z.uuid(),
      name: z.string(),
      description: z.string(),
      status: z.literal("active"),
      eligibility_description: z.string(),
      minimum_age: z.number().int(),
      maximum_age: z.number().int(),
      identifiers: z.array(z.object({ identifier_scheme: z.string(), identifier: z.string() })),
      taxonomies: z.array(z.object({ id: z.string(), term: z.string(), vocabulary: z.string() })),
    }),
  ),
  locations: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      latitude: z.number().nullable(),
      longitude: z.number().nullable(),
      physical_addresses: z.array(z.object({ address_1: z.string(), city: z.string(), postal_code: z.string(), country: z.literal("GB") })),
    }),
  ),
  service_at_locations: z.array(z.object({ id: z.string(), service_id: z.uuid(), location_id: z.uuid() })),
});
export type HsdsDirectory = z.infer<typeof HsdsDirectorySchema>;
