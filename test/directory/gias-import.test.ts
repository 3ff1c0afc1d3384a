import { readFileSync } from "node:fs";
import { seedDemo } from "../../server/src/db/seed/demo";
import { seedNorthWest } from "../../server/src/db/seed/north-west";
import { loadOutcodes } from "../../server/src/modules/directory/geo/outcodes";
import { NORTH_WEST_EXTRACT } from "../../server/src/modules/directory/gias/import-demo-settings";
import { GiasFileError, importGias } from "../../server/src/modules/directory/gias/import-gias";
import { UNCLAIMED_HOLDER_NAME } from "../../server/src/modules/directory/gias/unclaimed-holders";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";
import { giasCsv, giasRow, utf8 } from "./gias-csv";

let t: TestDatabase;
let regionId: string;
beforeAll(async () => {
  t = await createTestDatabase();
  await loadOutcodes(t.handle.db);
  ({ regionId } = await seedNorthWest(t.handle.db));
});
afterAll(() => t.drop());

const query = <Row>(text: string, params?: unknown[]) => t.handle.sql.query<Row>(text, params);
const importText = (text: string, types?: string[]) => importGias({ db: t.handle.db, bytes: utf8(text), ...(types ? { types } : {}) });

interface SettingRow {
  urn: string;
  name: string;
  organisation_id: string;
  status: string;
  source: string;
  age_low: number;
  age_high: number;
  sex_admitted: string;
  residential_types: string[];
  needs: { code: string; level: string }[];
  need_codes: string[];
  ofsted_grade: number | null;
  ofsted_inspection_date: string | null;
  address_line1: string;
  address_line2: string | null;
  town: string;
  postcode: string;
  outcode: string | null;
  latitude: number | null;
  longitude: number | null;
  updated_at: Date;
}
const setting = async (urn: string) =>
  (await query<SettingRow>("SELECT *, ofsted_inspection_date::text AS ofsted_inspection_date FROM settings WHERE urn = $1", [urn]))[0];

describe("importGias with the North West extract", () => {
  it("should import the SEND settings as unclaimed drafts and skip the mainstream independent schools by reason", async () => {
    const report = await importGias({ db: t.handle.db, bytes: readFileSync(NORTH_WEST_EXTRACT) });
    expect(report).toEqual({ imported: 82, updated: 0, unchanged: 0, skipped: { type_not_selected: 54 }, failed: [] });

    const rows = await query<{
      status: string;
      source: string;
      type: string;
      lots: number[];
      capacity: number;
      vacancies: number;
      placed: boolean;
      holder: string;
      kind: string;
      region_id: string;
    }>(
      `SELECT s.status, s.source, s.establishment_type_code AS type, s.lot_numbers AS lots, s.registered_capacity AS capacity,
              s.vacancies, s.latitude IS NOT NULL AS placed, o.name AS holder, o.kind, o.region_id
         FROM settings s JOIN organisations o ON o.id = s.organisation_id`,
    );
    expect(rows).toHaveLength(82);
    expect(rows.filter((r) => r.type === "11")).toHaveLength(0);
    for (const row of rows) {
      expect(row).toMatchObject({
        status: "draft",
        source: "gias",
        lots: [],
        capacity: 0,
        vacancies: 0,
        placed: true,
        holder: UNCLAIMED_HOLDER_NAME,
        kind: "provider",
        region_id: regionId,
      });
    }
    const audit = await query<{ details: Record<string, unknown> }>("SELECT details FROM audit_log WHERE action = 'gias.import' AND record_type = 'import'");
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({ imported: 82, updated: 0, unchanged: 0, skipped: { type_not_selected: 54 }, failed: 0, encoding: "utf-8" });
  });

  it("should change nothing when the same file is imported again", async () => {
    const before = await query<{ urn: string; updated_at: Date }>("SELECT urn, updated_at FROM settings WHERE source = 'gias' ORDER BY urn");
    const report = await importGias({ db: t.handle.db, bytes: readFileSync(NORTH_WEST_EXTRACT) });
    expect(report).toEqual({ imported: 0, updated: 0, unchanged: 82, skipped: { type_not_selected: 54 }, failed: [] });
    expect(await query("SELECT urn, updated_at FROM settings WHERE source = 'gias' ORDER BY urn")).toEqual(before);
  });

  it("should not import the extract again when the demo seed runs on a region that has had an import", async () => {
    const audits = await query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'gias.import'");
    await seedDemo(t.handle.db);
    expect(await query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'gias.import'")).toEqual(audits);
    expect(await query("SELECT count(*)::int AS n FROM settings WHERE source = 'gias'")).toEqual([{ n: 82 }]);
  });

  it("should import only the types given", async () => {
    const report = await importGias({ db: t.handle.db, bytes: readFileSync(NORTH_WEST_EXTRACT), types: ["07"] });
    expect(report).toEqual({ imported: 0, updated: 0, unchanged: 37, skipped: { type_not_selected: 99 }, failed: [] });
  });

  it("should make boarding schools day and 38-week, and keep a school that is open but proposed to close", async () => {
    const residential = await query<{ types: string[]; n: number }>(
      "SELECT residential_types AS types, count(*)::int AS n FROM settings WHERE source = 'gias' GROUP BY 1 ORDER BY 2 DESC",
    );
    expect(residential).toEqual([
      { types: ["day"], n: 68 },
      { types: ["day", "38_week"], n: 14 },
    ]);
    expect(await setting("106022")).toMatchObject({ name: "The Pendlebury Centre", outcode: "SK3" });
  });
});

describe("importGias with bad rows", () => {
  const file = [
    giasRow({ URN: "900001", EstablishmentName: "Good School One" }), // line 2
    giasRow({ URN: "90A002" }), // line 3
    giasRow({ URN: "900003", EstablishmentName: "" }), // line 4
    giasRow({ URN: "900004", StatutoryLowAge: "16", StatutoryHighAge: "11" }), // line 5
    giasRow({ URN: "900005", "Gender (name)": "Unknown" }), // line 6
    giasRow({ URN: "900006", "EstablishmentStatus (name)": "Closed" }), // line 7
    giasRow({ URN: "900007", "TypeOfEstablishment (code)": "01", "TypeOfEstablishment (name)": "Community school" }), // line 8
    giasRow({ URN: "" }), // line 9
    giasRow({ URN: "900010", EstablishmentName: "Good School Two", Street: "Unit 2\nMill Lane" }), // lines 10-11
    giasRow({ URN: "900012", StatutoryLowAge: "eleven" }), // line 12
    giasRow({ URN: "900001", EstablishmentName: "Good School One again" }), // line 13
  ];

  it("should report each failed row by its line, count skips by reason, and import the good rows", async () => {
    const report = await importText(giasCsv(file));
    expect(report.imported).toBe(2);
    expect(report.skipped).toEqual({ closed: 1, type_not_selected: 1, no_urn: 1 });
    expect(report.failed).toEqual([
      { line: 3, reason: 'URN "90A002" is not 6 digits' },
      { line: 4, reason: "EstablishmentName is empty" },
      { line: 5, reason: "StatutoryLowAge 16 is above StatutoryHighAge 11" },
      { line: 6, reason: 'Gender (name) "Unknown" is not Mixed, Boys or Girls' },
      { line: 12, reason: 'StatutoryLowAge "eleven" is not a whole number of years' },
      { line: 13, reason: "URN 900001 is also on line 2" },
    ]);
    expect((await setting("900001"))?.name).toBe("Good School One");
    expect((await setting("900010"))?.address_line1).toBe("Unit 2\nMill Lane");
    expect(await query("SELECT urn FROM settings WHERE urn IN ('900003', '900004', '900005', '900006', '900007', '900012')")).toEqual([]);
  });

  it("should default blank ages to 0 and 25 and clamp ages above 25", async () => {
    await importText(
      giasCsv([
        giasRow({ URN: "900020", StatutoryLowAge: "", StatutoryHighAge: "" }),
        giasRow({ URN: "900021", StatutoryLowAge: "16", StatutoryHighAge: "99" }),
      ]),
    );
    expect(await setting("900020")).toMatchObject({ age_low: 0, age_high: 25 });
    expect(await setting("900021")).toMatchObject({ age_low: 16, age_high: 25 });
  });

  it("should refuse a file that is not a GIAS establishments file", async () => {
    await expect(importText("name,postcode\r\nSomewhere,M14 5RG\r\n")).rejects.toThrow(GiasFileError);
    await expect(importText("")).rejects.toThrow(GiasFileError);
  });
});

describe("importGias with the live file's columns", () => {
  it("should read a Windows-1252 file", async () => {
    const text = giasCsv([giasRow({ URN: "920001", EstablishmentName: "St. Mary\u2019s School", Town: "Bryn \u00c2" })]);
    // Windows-1252 bytes: ’ is 0x92 and Â is 0xC2; neither is valid UTF-8 here.
    const bytes = Uint8Array.from([...text].map((c) => (c === "\u2019" ? 0x92 : c.charCodeAt(0))));
    expect(bytes.includes(0xc2)).toBe(true);
    const report = await importGias({ db: t.handle.db, bytes });
    expect(report).toMatchObject({ imported: 1, failed: [] });
    expect(await setting("920001")).toMatchObject({ name: "St. Mary\u2019s School", town: "Bryn \u00c2" });
    const [audit] = await query<{ details: { encoding: string } }>("SELECT details FROM audit_log WHERE action = 'gias.import' ORDER BY seq DESC LIMIT 1");
    expect(audit?.details.encoding).toBe("windows-1252");
  });

  it("should map SEN1.. to needs and OfstedRating and OfstedLastInsp to the grade and date", async () => {
    const report = await importText(
      giasCsv(
        [
          giasRow({
            URN: "920010",
            "SEN1 (name)": "ASD - Autistic Spectrum Disorder",
            "SEN2 (name)": "SpLD - Specific Learning Difficulty",
            "SEN3 (name)": "Not Applicable",
            "OfstedRating (name)": "Good",
            OfstedLastInsp: "14-03-2016",
          }),
          giasRow({
            URN: "920011",
            "TypeOfEstablishment (code)": "14",
            "SEN1 (name)": "SEMH - Social, Emotional and Mental Health",
            "OfstedRating (name)": "Special Measures",
            OfstedLastInsp: "01/02/2017",
          }),
          giasRow({ URN: "920012", "SEN1 (name)": "hi - hearing impairment", "SEN2 (name)": "HI - Hearing Impairment", OfstedLastInsp: "31-02-2017" }),
        ],
        { live: true },
      ),
    );
    expect(report).toMatchObject({ imported: 2, failed: [{ line: 4, reason: 'OfstedLastInsp "31-02-2017" is not a date like 31-01-2017' }] });
    expect(await setting("920010")).toMatchObject({
      needs: [
        { code: "ASD", level: "specialist" },
        { code: "SPLD", level: "specialist" },
      ],
      need_codes: ["ASD", "SPLD"],
      ofsted_grade: 2,
      ofsted_inspection_date: "2016-03-14",
    });
    // A pupil referral unit is not a special school: it supports the needs it lists.
    expect(await setting("920011")).toMatchObject({ needs: [{ code: "SEMH", level: "supported" }], ofsted_grade: 4, ofsted_inspection_date: "2017-02-01" });
  });

  it("should leave needs and Ofsted alone when a later file has no such columns", async () => {
    const report = await importText(giasCsv([giasRow({ URN: "920010" })]));
    expect(report).toEqual({ imported: 0, updated: 0, unchanged: 1, skipped: {}, failed: [] });
    expect(await setting("920010")).toMatchObject({ need_codes: ["ASD", "SPLD"], ofsted_grade: 2 });
  });

  it("should place a setting at its postcode district's centroid", async () => {
    await importText(giasCsv([giasRow({ URN: "920020", Postcode: "m14 5rg", Locality: "Fallowfield", Address3: "Wilbraham Road" })]));
    const row = await setting("920020");
    expect(row).toMatchObject({ postcode: "M14 5RG", outcode: "M14", address_line2: "Fallowfield, Wilbraham Road" });
    expect(row?.latitude).toBeCloseTo(53.45, 1);
    expect(row?.longitude).toBeCloseTo(-2.22, 1);
  });

  it("should leave a setting unplaced when its postcode district is unknown", async () => {
    await importText(giasCsv([giasRow({ URN: "920021", Postcode: "not known" })]));
    expect(await setting("920021")).toMatchObject({ outcode: null, latitude: null, longitude: null });
  });
});

describe("importGias and settings a provider has completed", () => {
  const rows = (suffix: string) =>
    ["930001", "930002", "930003"].map((urn) => giasRow({ URN: urn, EstablishmentName: `School ${urn}${suffix}`, StatutoryHighAge: suffix ? "16" : "19" }));

  it("should update only settings still unclaimed from GIAS, never one a provider claimed or saved", async () => {
    expect(await importText(giasCsv(rows("")))).toMatchObject({ imported: 3 });
    const [provider] = await query<{ id: string }>("SELECT id FROM organisations WHERE name = 'Pennine Learning Trust (demo)'");
    // 930001 is claimed (moved to the provider); 930002 was saved by a provider before any claim.
    await query("UPDATE settings SET organisation_id = $1, lot_numbers = '{1}', description = 'Ours' WHERE urn = '930001'", [provider?.id]);
    await query("UPDATE settings SET source = 'provider', name = 'Renamed by provider' WHERE urn = '930002'");
    const claimedBefore = await setting("930001");

    const report = await importText(giasCsv(rows(" (renamed in GIAS)")));
    expect(report).toEqual({ imported: 0, updated: 1, unchanged: 0, skipped: { provider_owned: 2 }, failed: [] });
    expect(await setting("930001")).toEqual(claimedBefore);
    expect(await setting("930002")).toMatchObject({ name: "Renamed by provider", age_high: 19 });
    const refreshed = await setting("930003");
    expect(refreshed).toMatchObject({ name: "School 930003 (renamed in GIAS)", age_high: 16 });
    expect(refreshed?.updated_at.getTime()).toBeGreaterThan(claimedBefore?.updated_at.getTime() ?? Infinity);
  });
});
