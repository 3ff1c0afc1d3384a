import { HsdsDirectorySchema } from "@shared/schemas/open-data";
import { apiRequest } from "./http";
import { useApiQuery } from "./use-api-query";

/** A listed setting as the public directory names it, with its town to tell similar names apart. */
export interface DirectorySetting {
  id: string;
  name: string;
  town: string | undefined;
}

async function fetchDirectorySettings(signal: AbortSignal): Promise<DirectorySetting[]> {
  const directory = await apiRequest("/api/v1/open-data/services", HsdsDirectorySchema, { signal });
  const towns = new Map(directory.locations.map((location) => [location.id, location.physical_addresses[0]?.city]));
  const townOf = new Map(directory.service_at_locations.map((link) => [link.service_id, towns.get(link.location_id)]));
  return directory.services
    .map((service) => ({ id: service.id, name: service.name, town: townOf.get(service.id) }))
    .sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
}

/** Every listed setting (the open data directory, no sign-in needed). */
export function useDirectorySettings() {
  return useApiQuery(fetchDirectorySettings);
}
