import { sql, type SQL } from "drizzle-orm";
import { boundingBox } from "../../../../shared/src/geo/distance";
import { risksToManage, sexesAdmitting, type MatchChild, type MatchSetting } from "../../../../shared/src/matching";
import { FEEDBACK_MINIMUM_REVIEWS } from "../../../../shared/src/schemas/setting-feedback";
import type { Db } from "../../db/client";
import { rowsOf } from "../directory/queries";

interface CandidateRow {
  /** Null on the one row returned when no setting passes the prefilter. */
  id: string | null;
  name: string;
  organisation_name: string;
  town: string;
  outcode: string | null;
  lot_numbers: number[];
  admitted_lots: number[];
  age_low: number;
  age_high: number;
  sex_admitted: MatchSetting["sexAdmitted"];
  vacancies: number;
  needs: MatchSetting["needs"];
  risks_managed: string[];
  ofsted_grade: number | null;
  latitude: number | null;
  longitude: number | null;
  band_price_pence: number | null;
  band_ceiling_pence: number | null;
  feedback_average: number | null;
  feedback_reviews: number | null;
  listed_count: number;
}

const textArray = (values: readonly string[]) => sql`ARRAY[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;

/**
 * Conditions each implied by one of the engine's hard rules, so SQL can drop in an index scan
 * what the engine would drop anyway. The engine still applies every rule to what is left.
 */
function prefilter(child: MatchChild): SQL[] {
  const where = [
    sql`${child.lotNumber}::int = ANY(s.lot_numbers) AND ${child.lotNumber}::int = ANY(a.lots)`,
    sql`s.age_low <= ${child.ageYears}::int AND s.age_high >= ${child.ageYears}::int`,
    sql`s.sex_admitted = ANY(${textArray(sexesAdmitting(child.sex))})`,
    sql`s.vacancies > 0`,
    sql`s.need_codes @> ${textArray([child.primaryNeed])}`,
    sql`s.ofsted_grade IS DISTINCT FROM 4`,
  ];
  const risks = risksToManage(child);
  if (risks.length > 0) where.push(sql`s.risks_managed @> ${textArray(risks)}`);
  if (child.maxTravelKm !== null && child.home) {
    const box = boundingBox(child.home, child.maxTravelKm);
    where.push(sql`s.latitude BETWEEN ${box.minLatitude}::float8 AND ${box.maxLatitude}::float8 AND s.longitude BETWEEN ${box.minLongitude}::float8 AND ${box.maxLongitude}::float8`);
  }
  return where;
}

export interface LoadCandidatesProps {
  db: Db;
  /** The child's council's region: only its listed settings are candidates. */
  regionId: string;
  child: MatchChild;
  /** Drop in SQL what the hard rules would; false loads every listed setting, to explain exclusions. */
  prefiltered: boolean;
}

/**
 * Listed settings of the region (published, provider admitted to one of their lots on the
 * region's framework), each with the provider's price for the child's band on the child's lot,
 * the band's ceiling, and parent feedback once enough is approved. One round trip.
 */
export async function loadCandidates({ db, regionId, child, prefiltered }: LoadCandidatesProps): Promise<{ settings: MatchSetting[]; listed: number }> {
  const listed = sql`s.status = 'published' AND s.lot_numbers && a.lots`;
  const where = [listed, ...(prefiltered ? prefilter(child) : [])];
  const band = child.priceBand;
  // The count of listed settings comes back on every row, or on one row of nulls when nothing
  // passes the prefilter, so the answer can say how many settings were considered.
  const rows = await rowsOf<CandidateRow>(
    db,
    sql`WITH admitted AS MATERIALIZED (
          SELECT la.organisation_id, array_agg(l.number) AS lots FROM lot_admissions la
          JOIN lots l ON l.id = la.lot_id JOIN frameworks f ON f.id = l.framework_id
          WHERE la.status = 'admitted' AND f.region_id = ${regionId} GROUP BY la.organisation_id),
        lot AS (SELECT l.id FROM lots l JOIN frameworks f ON f.id = l.framework_id WHERE f.region_id = ${regionId} AND l.number = ${child.lotNumber}::int ORDER BY f.term_start DESC LIMIT 1),
        -- Feedback counts only from the minimum number of approved reviews; its average is the
        -- mean of the per-aspect averages, the figures commissioners see on the setting's page.
        reviewed AS (SELECT setting_id, count(*)::int AS reviews FROM setting_feedback WHERE status = 'approved' GROUP BY setting_id HAVING count(*) >= ${FEEDBACK_MINIMUM_REVIEWS}::int),
        aspects AS (
          SELECT f.setting_id, avg(r.value::numeric) AS average FROM setting_feedback f JOIN reviewed USING (setting_id)
          CROSS JOIN LATERAL jsonb_each_text(f.ratings) r WHERE f.status = 'approved' GROUP BY f.setting_id, r.key),
        feedback AS (SELECT a.setting_id, avg(a.average)::float8 AS average, r.reviews FROM aspects a JOIN reviewed r USING (setting_id) GROUP BY a.setting_id, r.reviews),
        candidates AS (
          SELECT s.id, s.name, o.name AS organisation_name, s.town, s.outcode, s.lot_numbers, a.lots AS admitted_lots, s.age_low, s.age_high,
            s.sex_admitted, s.vacancies, s.needs, s.risks_managed, s.ofsted_grade, s.latitude, s.longitude,
            p.weekly_price_pence AS band_price_pence,
            (SELECT b.weekly_ceiling_pence FROM price_bands b WHERE b.lot_id = (SELECT id FROM lot) AND b.band = ${band}) AS band_ceiling_pence,
            fb.average AS feedback_average, fb.reviews AS feedback_reviews
          FROM settings s JOIN admitted a ON a.organisation_id = s.organisation_id JOIN organisations o ON o.id = s.organisation_id
          LEFT JOIN provider_band_prices p ON p.organisation_id = s.organisation_id AND p.lot_id = (SELECT id FROM lot) AND p.band = ${band}
          LEFT JOIN feedback fb ON fb.setting_id = s.id
          WHERE ${sql.join(where, sql` AND `)})
        SELECT n.listed_count, c.* FROM (SELECT count(*)::int AS listed_count FROM settings s JOIN admitted a ON a.organisation_id = s.organisation_id WHERE ${listed}) n
        LEFT JOIN candidates c ON true`,
  );
  return { settings: rows.flatMap((r) => (r.id === null ? [] : [toMatchSetting({ ...r, id: r.id })])), listed: rows[0]?.listed_count ?? 0 };
}

function toMatchSetting(r: CandidateRow & { id: string }): MatchSetting {
  return {
    id: r.id,
    name: r.name,
    organisationName: r.organisation_name,
    town: r.town,
    outcode: r.outcode,
    // Listed on a lot = the setting offers it and its provider is admitted to it.
    lotNumbers: r.lot_numbers.filter((n) => r.admitted_lots.includes(n)),
    ageLow: r.age_low,
    ageHigh: r.age_high,
    sexAdmitted: r.sex_admitted,
    vacancies: r.vacancies,
    needs: r.needs,
    risksManaged: r.risks_managed,
    ofstedGrade: r.ofsted_grade,
    location: r.latitude === null || r.longitude === null ? null : { latitude: r.latitude, longitude: r.longitude },
    bandPricePence: r.band_price_pence,
    bandCeilingPence: r.band_ceiling_pence,
    feedback: r.feedback_average === null || r.feedback_reviews === null ? null : { average: r.feedback_average, reviews: r.feedback_reviews },
  };
}
