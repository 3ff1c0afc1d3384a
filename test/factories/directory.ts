import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "../../server/src/db/client";
import { rowsOf } from "../../server/src/db/rows";
import { settings } from "../../server/src/db/schema";
import { findOutcode } from "../../server/src/modules/directory/geo/outcodes";

/** The region's framework (made, with seven lots, if it has none). */
export async function frameworkOf(db: Db, regionId: string): Promise<{ id: string; lots: Map<number, string> }> {
  let [framework] = await rowsOf<{ id: string }>(db, sql`SELECT id FROM frameworks WHERE region_id = ${regionId} LIMIT 1`);
  if (!framework) {
    [framework] = await rowsOf<{ id: string }>(
      db,
      sql`INSERT INTO frameworks (region_id, name, term_start, term_end) VALUES (${regionId}, ${`Test framework ${randomBytes(3).toString("hex")}`}, '2026-01-01', '2035-12-31') RETURNING id`,
    );
    for (let n = 1; n <= 7; n++) await db.execute(sql`INSERT INTO lots (framework_id, number, name) VALUES (${framework?.id}, ${n}, ${`Lot ${n}`})`);
  }
  const lots = await rowsOf<{ id: string; number: number }>(db, sql`SELECT id, number FROM lots WHERE framework_id = ${framework?.id}`);
  return { id: framework?.id ?? "", lots: new Map(lots.map((l) => [l.number, l.id])) };
}

/** Admits a provider to lots of its region's framework (with an application behind it, as the rules require). */
export async function admitProvider(
  db: Db,
  options: {
    organisationId: string;
    regionId: string;
    lots: number[];
    prices?: { lot: number; band: string; pence: number }[];
    status?: "admitted" | "suspended";
  },
) {
  const framework = await frameworkOf(db, options.regionId);
  const [terms] =
    (await rowsOf<{ id: string }>(db, sql`SELECT id FROM terms_versions WHERE framework_id = ${framework.id} ORDER BY published_at DESC LIMIT 1`)).length > 0
      ? await rowsOf<{ id: string }>(db, sql`SELECT id FROM terms_versions WHERE framework_id = ${framework.id} ORDER BY published_at DESC LIMIT 1`)
      : await rowsOf<{ id: string }>(
          db,
          sql`INSERT INTO terms_versions (framework_id, version, title, summary) VALUES (${framework.id}, '1.0', 'Terms', 'Terms') RETURNING id`,
        );
  const [round] =
    (await rowsOf<{ id: string }>(db, sql`SELECT id FROM admission_rounds WHERE framework_id = ${framework.id} LIMIT 1`)).length > 0
      ? await rowsOf<{ id: string }>(db, sql`SELECT id FROM admission_rounds WHERE framework_id = ${framework.id} LIMIT 1`)
      : await rowsOf<{ id: string }>(
          db,
          sql`INSERT INTO admission_rounds (framework_id, name, opens_at, closes_at) VALUES (${framework.id}, 'Test round', now() - interval '1 day', now() + interval '30 days') RETURNING id`,
        );
  const [application] = await rowsOf<{ id: string }>(
    db,
    sql`INSERT INTO provider_applications (framework_id, round_id, organisation_id, companies_house_number, contact_name, contact_email, contact_phone, settings_offered, terms_version_id)
        VALUES (${framework.id}, ${round?.id}, ${options.organisationId}, '01234567', 'Contact', 'contact@test.example', '0161 496 0000', 'Test settings', ${terms?.id}) RETURNING id`,
  );
  for (const lot of options.lots) {
    await db.execute(sql`INSERT INTO lot_admissions (framework_id, lot_id, organisation_id, application_id, status, reason, decided_at)
      VALUES (${framework.id}, ${framework.lots.get(lot)}, ${options.organisationId}, ${application?.id}, ${options.status ?? "admitted"}, 'Meets the criteria', now())`);
  }
  for (const p of options.prices ?? []) {
    await db.execute(
      sql`INSERT INTO provider_band_prices (lot_id, organisation_id, band, weekly_price_pence) VALUES (${framework.lots.get(p.lot)}, ${options.organisationId}, ${p.band}, ${p.pence})`,
    );
  }
}

/*
 * URNs are unique in the database. Random six-digit URNs collided once in a CI run (the access
 * matrix builds hundreds of settings in one database), so each process walks the range from a
 * random start and skips any URN already taken.
 */
let urnCursor = Math.floor(Math.random() * 900000);
export async function freeUrn(db: Db): Promise<string> {
  for (let tries = 0; tries < 900000; tries++) {
    const urn = String(100000 + (urnCursor++ % 900000));
    const [taken] = await rowsOf<{ id: string }>(db, sql`SELECT id FROM settings WHERE urn = ${urn}`);
    if (!taken) return urn;
  }
  throw new Error("no free URN left");
}

/** A setting with sensible, complete defaults (published, lot 1, ASD specialist, ages 5-16, in M14). */
export async function buildSetting(db: Db, options: { organisationId: string } & Partial<typeof settings.$inferInsert>) {
  const postcode = options.postcode ?? "M14 5RG";
  const centre = await findOutcode(db, postcode);
  const needs = options.needs ?? [{ code: "ASD", level: "specialist" as const }];
  const [row] = await db
    .insert(settings)
    .values({
      urn: options.urn ?? (await freeUrn(db)),
      name: `Test setting ${randomBytes(3).toString("hex")}`,
      lotNumbers: [1],
      ageLow: 5,
      ageHigh: 16,
      sexAdmitted: "mixed",
      residentialTypes: ["day"],
      registeredCapacity: 10,
      vacancies: 2,
      vacanciesConfirmedAt: new Date(),
      addressLine1: "1 Test Street",
      town: "Manchester",
      postcode,
      outcode: centre?.outcode ?? null,
      latitude: centre?.latitude ?? null,
      longitude: centre?.longitude ?? null,
      description: "A test setting.",
      status: "published",
      ...options,
      needs,
      needCodes: needs.map((n) => n.code),
    })
    .returning();
  if (!row) throw new Error("no setting");
  return row;
}
