import { seedNorthWest } from "../../server/src/db/seed/north-west";
import { loadOutcodes } from "../../server/src/modules/directory/geo/outcodes";
import { importGias } from "../../server/src/modules/directory/gias/import-gias";
import { giasCsv, giasRow, utf8 } from "../directory/gias-csv";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";

// "In or out of the council's area" compares the setting's authority with the council's: GIAS gives it.
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await loadOutcodes(t.handle.db);
  await seedNorthWest(t.handle.db);
});
afterAll(() => t.drop());

const laCodes = async () =>
  Object.fromEntries(
    (await t.handle.sql.query<{ urn: string; la_code: string | null }>("SELECT urn, la_code FROM settings WHERE urn IN ('910001', '910002')")).map((r) => [
      r.urn,
      r.la_code,
    ]),
  );

describe("GIAS import and the setting's local authority", () => {
  it("should keep each setting's 'LA (code)', none when the file's is not three digits, and follow a change", async () => {
    await importGias({
      db: t.handle.db,
      bytes: utf8(giasCsv([giasRow({ URN: "910001", "LA (code)": "352" }), giasRow({ URN: "910002", "LA (code)": "Manchester" })])),
    });
    expect(await laCodes()).toEqual({ "910001": "352", "910002": null });

    const again = await importGias({ db: t.handle.db, bytes: utf8(giasCsv([giasRow({ URN: "910001", "LA (code)": "353" })])) });
    expect(again.updated).toBe(1);
    expect((await laCodes())["910001"]).toBe("353");
  });
});
