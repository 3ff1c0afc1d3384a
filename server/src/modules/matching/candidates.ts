import { type SQL, sql } from "drizzle-orm";
import { boundingBox } from "@shared/geo/distance";
import { type MatchChild, type MatchSetting, risksToManage, sexesAdmitting } from "@shared/matching";
import { FEEDBACK_MINIMUM_REVIEWS } from "@shared/schemas/setting-feedback";
import type { Db } from "../../db/client";
import { rowsOf, uuidArray } from "../../db/rows";

interface ProviderRow {
  id: string;
  name: string;
  /** The lots it is admitted to on the region's framework. */
  lots: number[];
  band_price_pence: number | null;
  band_ceiling_pence: number | null;
}

/** A provider's columns on each of its settings' rows, when both are read in one statement. */
interface ProviderColumns {
  provider_name: string;
  provider_lots: number[];
  band_price_pence: number | null;
  band_ceiling_pence: number | null;
}

interface SettingRow {
  id: string;
  organisation_id: string;
  name: string;
  town: string;
  outcode: string | null;
  lot_numbers: number[];
  age_low: number;
  age_high: number;
  sex_admitted: MatchSetting["sexAdmitted"];
  vacancies: number;
  needs: MatchSetting["needs"];
  risks_managed: string[];
  ofsted_grade: number | null;
  latitude: number | null;
  longitude: number | null;
  feedback_average: number | null;
  feedback_reviews: number | null;
}

const textArray = (values: readonly string[]) =>
  sql`ARRAY[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

/**
 * Conditions each implied by one of the engine's hard rules, so SQL drops, with an index, what
 * the engine would drop anyway (settings_matching, migration 0010). The engine still applies
 * every rule to what is left.
 */
function prefilter(child: MatchChild): SQL[] {
  const where = [
    // @> rather than = ANY(): the form a GIN index on lot_numbers can answer.
    sql`s.lot_numbers @> ARRAY[${child.lotNumber}::int]`,
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
    where.push(
      sql`s.latitude BETWEEN ${box.minLatitude}::float8 AND ${box.maxLatitude}::float8 AND s.longitude BETWEEN ${box.minLongitude}::float8 AND ${box.maxLongitude}::float8`,
    );
  }
  return where;
}

/** Parent feedback once enough is approved, for each setting `s` of the statement it is joined into. */
const FEEDBACK_OF_SETTING = sql`LEFT JOIN LATERAL (
    -- Feedback counts only from the minimum number of approved reviews; its average is the
    -- mean of the per-aspect averages, the figures commissioners see on the setting's page.
    SELECT avg(aspect.average)::float8 AS average, n.reviews
    FROM (SELECT count(*)::int AS reviews FROM setting_feedback WHERE setting_id = s.id AND status = 'approved') n,
      LATERAL (SELECT avg(r.value::numeric) AS average FROM setting_feedback f CROSS JOIN LATERAL jsonb_each_text(f.ratings) r
               WHERE f.setting_id = s.id AND f.status = 'approved' GROUP BY r.key) aspect
    WHERE n.reviews >= ${FEEDBACK_MINIMUM_REVIEWS}::int
    GROUP BY n.reviews) fb ON true`;

const SETTING_COLUMNS = sql`s.id, s.organisation_id, s.name, s.town, s.outcode, s.lot_numbers, s.age_low, s.age_high, s.sex_admitted, s.vacancies,
  s.needs, s.risks_managed, s.ofsted_grade, s.latitude, s.longitude`;

/** The child's lot on the region's current framework: its price bands are the ones that apply. */
const lotOfChild = (regionId: string, child: MatchChild) =>
  sql`SELECT l.id FROM lots l JOIN frameworks f ON f.id = l.framework_id WHERE f.region_id = ${regionId} AND l.number = ${child.lotNumber}::int
      ORDER BY f.term_start DESC LIMIT 1`;

/** The child's band's ceiling on its lot (the statement's `lot`), as a column. */
const bandCeiling = (child: MatchChild) =>
  sql`(SELECT b.weekly_ceiling_pence FROM price_bands b WHERE b.lot_id = (SELECT id FROM lot) AND b.band = ${child.priceBand}) AS band_ceiling_pence`;

/** A provider's framework price for the child's band on its lot (`bp`), joined to `providerId`. */
const bandPriceOf = (providerId: SQL, child: MatchChild) =>
  sql`LEFT JOIN provider_band_prices bp ON bp.organisation_id = ${providerId} AND bp.lot_id = (SELECT id FROM lot) AND bp.band = ${child.priceBand}`;

/**
 * The providers admitted (not suspended) to the region's framework, each with the lots it is
 * admitted to: `organisation_id, lots`, for a WITH. Both candidate statements read a provider's
 * lots from here, so "admitted" means one thing to both; `which` narrows the providers read.
 */
const admittedLots = (regionId: string, which?: SQL) =>
  sql`SELECT la.organisation_id, array_agg(DISTINCT l.number) AS lots
      FROM lot_admissions la JOIN lots l ON l.id = la.lot_id JOIN frameworks f ON f.id = l.framework_id
      WHERE la.status = 'admitted' AND f.region_id = ${regionId} ${which ? sql`AND ${which}` : sql``}
      GROUP BY la.organisation_id`;

/**
 * Published settings meeting the prefilter whose provider is admitted to the child's lot, each
 * with its provider's name, lots, band price and the band's ceiling, and parent feedback, in one
 * statement. The settings are found first (the index answers the need and the lot) and only
 * their providers read after: a national framework admits thousands of providers, and reading
 * every one's lots and price on each search cost more than the search. One statement, not a
 * second one listing the few hundred providers found: a round trip and a large parameter fewer.
 */
async function prefilteredSettings(db: Db, regionId: string, child: MatchChild): Promise<(SettingRow & ProviderColumns)[]> {
  return rowsOf<SettingRow & ProviderColumns>(
    db,
    sql`WITH lot AS (${lotOfChild(regionId, child)}),
        found AS MATERIALIZED (SELECT ${SETTING_COLUMNS} FROM settings s WHERE s.status = 'published' AND ${sql.join(prefilter(child), sql` AND `)}),
        admitted AS (${admittedLots(regionId, sql`la.organisation_id IN (SELECT organisation_id FROM found)`)})
        SELECT s.*, o.name AS provider_name, a.lots AS provider_lots, bp.weekly_price_pence AS band_price_pence,
          ${bandCeiling(child)},
          fb.average AS feedback_average, fb.reviews AS feedback_reviews
        FROM found s JOIN admitted a ON a.organisation_id = s.organisation_id JOIN organisations o ON o.id = s.organisation_id
          ${bandPriceOf(sql`s.organisation_id`, child)}
          ${FEEDBACK_OF_SETTING}
        WHERE ${child.lotNumber}::int = ANY(a.lots)`,
  );
}

/**
 * The providers admitted to the region's framework, each with the lots it is admitted to, its
 * framework price for the child's band on the child's lot and that band's ceiling.
 */
async function admittedProviders(db: Db, regionId: string, child: MatchChild): Promise<ProviderRow[]> {
  return rowsOf<ProviderRow>(
    db,
    sql`WITH lot AS (${lotOfChild(regionId, child)}), admitted AS (${admittedLots(regionId)})
        SELECT o.id, o.name, a.lots, bp.weekly_price_pence AS band_price_pence, ${bandCeiling(child)}
        FROM admitted a JOIN organisations o ON o.id = a.organisation_id
          ${bandPriceOf(sql`o.id`, child)}`,
  );
}

/** Every published setting of `providerIds`, with parent feedback: the unfiltered candidates. */
async function settingsOf(db: Db, providerIds: string[]): Promise<SettingRow[]> {
  return rowsOf<SettingRow>(
    db,
    sql`SELECT ${SETTING_COLUMNS}, fb.average AS feedback_average, fb.reviews AS feedback_reviews
        FROM settings s ${FEEDBACK_OF_SETTING}
        WHERE s.status = 'published' AND s.organisation_id = ANY(${uuidArray(providerIds)})`,
  );
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
 * Listed settings of the region, as the engine takes them. Listed: published, and its provider
 * admitted (not suspended) to one of its lots on the region's framework. Prefiltered, the
 * settings come first (their provider admitted to the child's lot) and then only their providers:
 * a national framework admits thousands of providers, and reading each one's lots and price on
 * every search cost more than the search. Unfiltered (every exclusion explained), the admitted
 * providers come first, so the settings query gets a constant list the planner estimates well.
 */
export async function loadCandidates({ db, regionId, child, prefiltered }: LoadCandidatesProps): Promise<MatchSetting[]> {
  const listed = (row: SettingRow, provider: ProviderRow) => {
    // Listed on a lot = the setting offers it and its provider is admitted to it.
    const lotNumbers = row.lot_numbers.filter((n) => provider.lots.includes(n));
    return lotNumbers.length > 0 ? [toMatchSetting(row, provider, lotNumbers)] : [];
  };
  if (prefiltered) {
    const rows = await prefilteredSettings(db, regionId, child);
    return rows.flatMap((row) => listed(row, providerOf(row)));
  }
  const providers = new Map((await admittedProviders(db, regionId, child)).map((p) => [p.id, p]));
  const rows = providers.size === 0 ? [] : await settingsOf(db, [...providers.keys()]);
  return rows.flatMap((row) => {
    const provider = providers.get(row.organisation_id);
    return provider ? listed(row, provider) : [];
  });
}

const providerOf = (row: SettingRow & ProviderColumns): ProviderRow => ({
  id: row.organisation_id,
  name: row.provider_name,
  lots: row.provider_lots,
  band_price_pence: row.band_price_pence,
  band_ceiling_pence: row.band_ceiling_pence,
});

function toMatchSetting(r: SettingRow, provider: ProviderRow, lotNumbers: number[]): MatchSetting {
  return {
    id: r.id,
    name: r.name,
    organisationName: provider.name,
    town: r.town,
    outcode: r.outcode,
    lotNumbers,
    ageLow: r.age_low,
    ageHigh: r.age_high,
    sexAdmitted: r.sex_admitted,
    vacancies: r.vacancies,
    needs: r.needs,
    risksManaged: r.risks_managed,
    ofstedGrade: r.ofsted_grade,
    location: r.latitude === null || r.longitude === null ? null : { latitude: r.latitude, longitude: r.longitude },
    bandPricePence: provider.band_price_pence,
    bandCeilingPence: provider.band_ceiling_pence,
    feedback: r.feedback_average === null || r.feedback_reviews === null ? null : { average: r.feedback_average, reviews: r.feedback_reviews },
  };
}
