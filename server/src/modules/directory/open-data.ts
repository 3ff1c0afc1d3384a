import { sql } from "drizzle-orm";
import { NEEDS } from "@shared/codes/needs";
import type { HsdsDirectory } from "@shared/schemas/open-data";
import type { Db } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { LISTED_SQL } from "./queries";

interface Row {
  id: string;
  urn: string;
  name: string;
  description: string;
  age_low: number;
  age_high: number;
  need_codes: string[];
  address_line1: string;
  town: string;
  postcode: string;
  latitude: number | null;
  longitude: number | null;
  organisation_id: string;
  organisation_name: string;
}

const needName = new Map<string, string>(NEEDS.map((n) => [n.code, n.name]));

/** Every listed setting as Open Referral UK data, for anyone to reuse (no sign-in). */
export async function openReferralDirectory(db: Db): Promise<HsdsDirectory> {
  const rows = await rowsOf<Row>(
    db,
    sql`SELECT s.id, s.urn, s.name, s.description, s.age_low, s.age_high, s.need_codes, s.address_line1, s.town, s.postcode,
          s.latitude, s.longitude, o.id AS organisation_id, o.name AS organisation_name
        FROM settings s JOIN organisations o ON o.id = s.organisation_id
        WHERE ${LISTED_SQL("s")} ORDER BY s.name`,
  );
  const organizations = new Map<string, { id: string; name: string; description: string }>();
  for (const r of rows) organizations.set(r.organisation_id, { id: r.organisation_id, name: r.organisation_name, description: "" });
  return {
    total_items: rows.length,
    organizations: [...organizations.values()],
    services: rows.map((r) => ({
      id: r.id,
      organization_id: r.organisation_id,
      name: r.name,
      description: r.description,
      status: "active" as const,
      eligibility_description: `Children and young people aged ${r.age_low} to ${r.age_high} with special educational needs and disabilities`,
      minimum_age: r.age_low,
      maximum_age: r.age_high,
      identifiers: [{ identifier_scheme: "GB-URN", identifier: r.urn }],
      taxonomies: r.need_codes.map((code) => ({ id: code, term: needName.get(code) ?? code, vocabulary: "SEN2 primary need" })),
    })),
    locations: rows.map((r) => ({
      id: r.id,
      name: r.name,
      latitude: r.latitude,
      longitude: r.longitude,
      physical_addresses: [{ address_1: r.address_line1, city: r.town, postal_code: r.postcode, country: "GB" as const }],
    })),
    service_at_locations: rows.map((r) => ({ id: `${r.id}:${r.id}`, service_id: r.id, location_id: r.id })),
  };
}
