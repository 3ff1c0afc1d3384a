import { type SQL, sql } from "drizzle-orm";
import { EARTH_RADIUS_KM } from "@shared/geo/distance";
import type { SettingSearchHit, SettingSearchQuery } from "@shared/schemas/settings";
import type { Db } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { validationFailed } from "../../http/app-error";

interface HitRow {
  id: string;
  urn: string;
  name: string;
  organisation_name: string;
  lot_numbers: number[];
  age_low: number;
  age_high: number;
  sex_admitted: SettingSearchHit["sexAdmitted"];
  residential_types: SettingSearchHit["residentialTypes"];
  vacancies: number;
  vacancies_confirmed_at: Date | string | null;
  needs: SettingSearchHit["needs"];
  ofsted_grade: number | null;
  outcode: string | null;
  town: string;
  distance_km: number | null;
  band_price_pence: number | null;
  total: number | string;
}

/** Great-circle distance in SQL, the same formula as shared/src/geo/distance.ts. */
// Parameters are cast: PostgreSQL would otherwise infer "2 * $1" as integer arithmetic.
const distanceSql = (lat: number, lon: number) => {
  const [r, la, lo] = [sql`${EARTH_RADIUS_KM}::double precision`, sql`${lat}::double precision`, sql`${lon}::double precision`];
  return sql`(2 * ${r} * asin(sqrt(power(sin(radians(s.latitude - ${la}) / 2), 2) + cos(radians(${la})) * cos(radians(s.latitude)) * power(sin(radians(s.longitude - ${lo}) / 2), 2))))`;
};

// Postcode district centres are reference data, identical in every database: one lookup per
// district per process saves a round trip on most searches.
const centres = new Map<string, { latitude: number; longitude: number }>();
export async function districtCentre(db: Db, outcode: string) {
  const known = centres.get(outcode);
  if (known) return known;
  const [row] = await rowsOf<{ latitude: number; longitude: number }>(db, sql`SELECT latitude, longitude FROM outcodes WHERE outcode = ${outcode}`);
  if (row) centres.set(outcode, row);
  return row;
}

export interface SearchProps {
  db: Db;
  /** Only settings listed in this region (the searcher's). */
  regionId: string;
  query: SettingSearchQuery;
}

/**
 * The commissioners' search: listed settings of the region, filtered in SQL (GIN indexes on
 * needs, a bounding box before the exact distance), one round trip with the total.
 */
export async function searchSettings({ db, regionId, query }: SearchProps): Promise<{ hits: SettingSearchHit[]; total: number }> {
  let centre: { latitude: number; longitude: number } | undefined;
  if (query.near) {
    centre = await districtCentre(db, query.near);
    if (!centre) throw validationFailed([{ path: "query.near", message: `We do not know the postcode district ${query.near}; check it, like M14 or BB11` }]);
  }
  const rows = await rowsOf<HitRow>(db, searchSql({ regionId, query, centre }));
  const total = rows[0] ? Number(rows[0].total) : 0;
  return {
    total,
    hits: rows.map((r) => ({
      id: r.id,
      urn: r.urn,
      name: r.name,
      organisationName: r.organisation_name,
      lotNumbers: [...r.lot_numbers].sort((a, b) => a - b),
      ageLow: r.age_low,
      ageHigh: r.age_high,
      sexAdmitted: r.sex_admitted,
      residentialTypes: r.residential_types,
      vacancies: r.vacancies,
      vacanciesConfirmedAt: r.vacancies_confirmed_at ? new Date(r.vacancies_confirmed_at).toISOString() : null,
      needs: r.needs,
      ofstedGrade: r.ofsted_grade,
      outcode: r.outcode,
      town: r.town,
      distanceKm: r.distance_km === null ? null : Math.round(Number(r.distance_km) * 10) / 10,
      bandPricePence: r.band_price_pence === null ? null : Number(r.band_price_pence),
    })),
  };
}

/**
 * The search's one statement (exported so bench:directory can EXPLAIN exactly what it runs).
 * `centre` is query.near's district centre, looked up by the caller.
 */
export function searchSql({
  regionId,
  query,
  centre,
}: {
  regionId: string;
  query: SettingSearchQuery;
  centre?: { latitude: number; longitude: number } | undefined;
}): SQL {
  // Listed = published + provider admitted to one of the setting's lots on this region's
  // framework: a semi-join (EXISTS) on the provider, with the setting's lots only compared in
  // the join filter. Not `s.lot_numbers && <the provider's admitted lots>`: that is a join
  // clause a GIN index on lot_numbers (settings_matching, migration 0010) can take, and as the
  // array is unknown when planning, PostgreSQL guesses the scan almost free and ran it once per
  // admitted provider in a nested loop (200 times: 200 ms on a server at 20,000 settings; see
  // docs/benchmarks.md).
  const admittedLot = query.lot !== undefined ? sql` AND l.number = ${query.lot}::int` : sql``;
  const where: SQL[] = [
    sql`s.status = 'published'`,
    sql`EXISTS (SELECT 1 FROM lot_admissions la JOIN lots l ON l.id = la.lot_id JOIN frameworks f ON f.id = l.framework_id
          WHERE la.organisation_id = s.organisation_id AND la.status = 'admitted' AND f.region_id = ${regionId}
            AND l.number = ANY(s.lot_numbers)${admittedLot})`,
  ];
  let distance: SQL = sql`NULL::double precision`;
  if (query.near && centre) {
    distance = distanceSql(centre.latitude, centre.longitude);
    if (query.radiusKm !== undefined) {
      const dLat = query.radiusKm / 111.2;
      const dLon = query.radiusKm / (111.2 * Math.max(Math.cos((centre.latitude * Math.PI) / 180), 0.01));
      where.push(sql`s.latitude BETWEEN ${centre.latitude - dLat} AND ${centre.latitude + dLat}`);
      where.push(sql`s.longitude BETWEEN ${centre.longitude - dLon} AND ${centre.longitude + dLon}`);
      where.push(sql`${distance} <= ${query.radiusKm}`);
    }
  }
  if (query.lot !== undefined) where.push(sql`${query.lot}::int = ANY(s.lot_numbers)`);
  // The codes come from the SEN2 enum (NeedCodeSchema), so writing them into the SQL is safe.
  if (query.need?.length) where.push(sql`s.need_codes @> ${sql.raw(`ARRAY[${query.need.map((n) => `'${n}'`).join(",")}]::text[]`)}`);
  if (query.age !== undefined) where.push(sql`s.age_low <= ${query.age} AND s.age_high >= ${query.age}`);
  if (query.sex) where.push(sql`s.sex_admitted IN ('mixed', ${query.sex})`);
  if (query.residential) where.push(sql`${query.residential}::text = ANY(s.residential_types)`);
  if (query.hasVacancy === true) where.push(sql`s.vacancies > 0`);
  if (query.hasVacancy === false) where.push(sql`s.vacancies = 0`);
  if (query.ofsted !== undefined) where.push(sql`s.ofsted_grade <= ${query.ofsted}`);

  let price: SQL = sql`NULL::integer`;
  if (query.band && query.lot !== undefined) {
    price = sql`(SELECT p.weekly_price_pence FROM provider_band_prices p JOIN lots l ON l.id = p.lot_id JOIN frameworks f ON f.id = l.framework_id
      WHERE p.organisation_id = s.organisation_id AND l.number = ${query.lot} AND p.band = ${query.band} AND f.region_id = o.region_id LIMIT 1)`;
    if (query.maxBandPrice !== undefined) where.push(sql`${price} <= ${query.maxBandPrice}`);
  }

  // Matches are gathered narrow (id and sort keys) in a MATERIALIZED CTE, which PostgreSQL plans
  // for all its rows: the total needs every match anyway. (With `count(*) OVER ()` under the
  // LIMIT, PostgreSQL 15 costs the window as if it could stop after a page, and once its
  // estimates were right it chose presorted nested loops that then ran for all 18,000 matches
  // of a broad search.) Only the page's rows are then read in full and priced.
  const order = (h: string) => (query.sort === "distance" ? sql.raw(`${h}.distance_km ASC NULLS LAST, ${h}.name ASC`) : sql.raw(`${h}.name ASC, ${h}.urn ASC`));
  const owner = query.maxBandPrice !== undefined ? sql`JOIN organisations o ON o.id = s.organisation_id` : sql``;
  return sql`WITH hits AS MATERIALIZED (
        SELECT s.id, s.name, s.urn, ${distance} AS distance_km FROM settings s ${owner}
        WHERE ${sql.join(where, sql` AND `)}),
      page AS (SELECT * FROM hits h ORDER BY ${order("h")} LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize})
    SELECT s.id, s.urn, s.name, o.name AS organisation_name, s.lot_numbers, s.age_low, s.age_high, s.sex_admitted,
      s.residential_types, s.vacancies, s.vacancies_confirmed_at, s.needs, s.ofsted_grade, s.outcode, s.town,
      h.distance_km, ${price} AS band_price_pence, (SELECT count(*) FROM hits) AS total
    FROM page h JOIN settings s ON s.id = h.id JOIN organisations o ON o.id = s.organisation_id
    ORDER BY ${order("h")}`;
}
