import request from "supertest";
import { InsightsResponseSchema, type InsightsTable } from "@shared/insights/contract";
import { parseCsv } from "../../server/src/lib/csv";
import { buildOrganisation, buildRegion } from "../factories/organisations";
import { buildUser, type BuiltUser } from "../factories/users";
import { createTestApp, type TestApp } from "../setup/test-app";
import { insertFacts, placementFact, requestFact } from "./insert-facts";

let t: TestApp;
let hub: BuiltUser;
let councilA: BuiltUser;
let councilB: BuiltUser;
let provider: BuiltUser;
let panel: BuiltUser;
const P = "/api/v1/insights/placements";

const get = (who: BuiltUser | null, path: string) => (who ? request(t.app).get(path).set(who.auth) : request(t.app).get(path));
const report = (res: request.Response) => InsightsResponseSchema.parse(res.body).data;
const table = (tables: InsightsTable[], id: string) => tables.find((x) => x.id === id) as InsightsTable;
const rowOf = (tb: InsightsTable, key: string) => tb.rows.find((r) => r.key === key)?.cells;

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  const db = t.database.handle.db;
  const region = await buildRegion(db);
  hub = await buildUser(db, { role: "regional_admin", orgAdmin: true, regionId: region.id });
  councilA = await buildUser(db, { role: "commissioner", regionId: region.id });
  councilB = await buildUser(db, { role: "commissioner", regionId: region.id });
  provider = await buildUser(db, { role: "provider", regionId: region.id });
  panel = await buildUser(db, { role: "parent_panel", regionId: region.id });
  const a = councilA.user.organisationId as string;
  const b = councilB.user.organisationId as string;
  // Council A: ten lot 1 placements in March 2026 at £1,000 to £1,900 a week, four of them with
  // two risks; three lot 2 placements at £3,000. Council B: eight high-risk lot 1 placements in
  // April at £2,500, each with three risks.
  await insertFacts(db, region.id, {
    placements: [
      ...Array.from({ length: 10 }, (_, i) =>
        placementFact(a, {
          weeklyFeePence: 100_000 + i * 10_000,
          presentRisks: i < 4 ? ["riskSelfHarm", "riskMissing"] : [],
          outcomeChange: 0.5,
          incidentsPer4Weeks: 1,
        }),
      ),
      ...Array.from({ length: 3 }, () => placementFact(a, { lot: 2, weeklyFeePence: 300_000 })),
      ...Array.from({ length: 8 }, () =>
        placementFact(b, {
          awardDate: "2026-04-02",
          startDate: "2026-04-10",
          weeklyFeePence: 250_000,
          presentRisks: ["riskSelfHarm", "riskMissing", "riskDrugAlcohol"],
          highRiskRules: ["risk_count"],
        }),
      ),
    ],
    requests: [
      ...Array.from({ length: 12 }, () => requestFact(a)),
      ...Array.from({ length: 6 }, () => requestFact(b, { periodDate: "2026-04-02", offersCount: 0, state: "no_offers", daysToAward: null })),
    ],
  });
  // Another region's facts are never counted.
  const elsewhere = await buildRegion(db);
  const stranger = await buildOrganisation(db, { kind: "council", regionId: elsewhere.id });
  await insertFacts(db, elsewhere.id, { placements: Array.from({ length: 7 }, () => placementFact(stranger.id)) });
});
afterAll(() => t.close());

describe("GET /api/v1/insights/placements", () => {
  it("should give the hub the region's figures, with counts from 1 to 4 and the cells that would give them away as [c]", async () => {
    const res = await get(hub, P);
    expect(res.status).toBe(200);
    const r = report(res);
    expect(r.scope).toBe("region");
    expect(r.placements).toBe(21);
    expect(r.filter).toMatchObject({ from: "2026-03", to: "2026-04", lot: null, council: null, highRiskOnly: false });

    const counts = table(r.tables, "risk-count");
    // Four children with two risks (all "other"): withheld, with cells around them so that no total
    // gives them away (the 0 beside them, and rows above and below, which the lots' and councils'
    // tables need withheld too).
    expect(rowOf(counts, "risks-2")).toEqual(["[c]", "[c]", "[c]"]);
    expect(rowOf(counts, "risks-3")).toEqual(["[c]", "[c]", "[c]"]);
    expect(rowOf(counts, "risks-0")).toEqual(["[c]", "[c]", "[c]"]);
    // The high-risk and other groups' sizes go too: with so few placements, the lots' and councils'
    // tables leave nothing else to pair the small counts with.
    expect(counts.totals?.cells).toEqual(["[c]", "[c]", 21]);

    // Three lot 2 placements: withheld, with lot 1 (else 21 − 18 = 3); their fees too.
    const fees = table(r.tables, "weekly-fee-by-lot");
    expect(rowOf(fees, "lot-2")).toEqual(["[c]", "[c]", "[c]", "[c]"]);
    expect(rowOf(fees, "lot-1")?.[0]).toBe("[c]");
    expect(fees.totals?.cells).toEqual([21, 1500, 2500, 2500]);

    const byRisks = table(r.tables, "weekly-fee-by-risk-count");
    // The fee table repeats the risk-count table's counts, [c] and all; its quartiles go with them.
    expect(rowOf(byRisks, "risks-0")).toEqual(["[c]", "[c]", "[c]", "[c]"]);
    expect(rowOf(byRisks, "risks-2")).toEqual(["[c]", "[c]", "[c]", "[c]"]);

    const prevalence = table(r.tables, "risk-prevalence");
    // A percentage of a group whose size is withheld is withheld too.
    expect(rowOf(prevalence, "riskDrugAlcohol")).toEqual([8, "[c]", 0, "[c]", 8, 38.1]);
    // Self-harm: 8 high-risk and 4 other children; the 4, its percentage and the row's total are withheld.
    expect(rowOf(prevalence, "riskSelfHarm")?.slice(2)).toEqual(["[c]", "[c]", "[c]", "[c]"]);
    expect(rowOf(prevalence, "placements")).toEqual(["[c]", null, "[c]", null, 21, null]);

    const time = table(r.tables, "time-to-place-by-mode");
    expect(time.totals?.cells.slice(0, 3)).toEqual([18, 6, 33.3]);
  });

  it("should count only the filter's lot, months and high-risk placements", async () => {
    const march = report(await get(hub, `${P}?from=2026-03&to=2026-03`));
    expect(march.placements).toBe(13);
    expect(table(march.tables, "weekly-fee-by-risk-count").totals?.cells).toEqual([13, 1300, 1600, 1900]);
    // Lot 1 alone has 18, but the region's table withholds lot 1 beside lot 2's 3 (else 21 − 18 = 3),
    // so lot 1's own total is withheld too: the two tables together must not give lot 2 away.
    const lot1 = report(await get(hub, `${P}?lot=1`));
    expect(lot1.placements).toBe("[c]");
    expect(table(lot1.tables, "risk-count").rows.map((x) => x.cells[2])).toEqual([6, 0, 4, 8, 0, 0].map(() => expect.anything()));
    const april = report(await get(hub, `${P}?from=2026-04&to=2026-04&highRisk=only`));
    expect(april.placements).toBe(8);
    expect(april.filter).toMatchObject({ from: "2026-04", to: "2026-04", highRiskOnly: true });
    // Requests are not high risk or not: their figures are left empty.
    expect(table(april.tables, "time-to-place-by-lot").totals?.cells.slice(0, 5)).toEqual([null, null, null, null, null]);
  });

  it("should give a commissioner the regional figures and their own council's detail, and refuse another council's", async () => {
    const a = councilA.user.organisationId as string;
    expect(report(await get(councilA, P)).placements).toBe(21);
    const own = await get(councilA, `${P}?council=${a}`);
    expect(own.status).toBe(200);
    expect(report(own)).toMatchObject({ scope: "council", placements: 13, filter: { council: { id: a } } });
    const other = await get(councilA, `${P}?council=${councilB.user.organisationId}`);
    expect(other.status).toBe(403);
    expect(other.body.message).toMatch(/your own council/);
    // The hub sees any council of the region; one outside it is a bad filter.
    expect(report(await get(hub, `${P}?council=${councilB.user.organisationId}`)).placements).toBe(8);
    const outside = await get(hub, `${P}?council=00000000-0000-4000-8000-000000000001`);
    expect(outside.status).toBe(400);
    expect(outside.body.issues).toEqual([{ path: "query.council", message: "Choose a council of the region" }]);
  });

  it("should refuse providers and parent panels (they read the published summary), and anyone not signed in", async () => {
    for (const who of [provider, panel]) {
      const res = await get(who, P);
      expect(res.status).toBe(403);
      expect(res.body.message).toMatch(/published regional summary/);
    }
    expect((await get(null, P)).status).toBe(401);
    expect((await get(provider, `${P}.csv`)).status).toBe(403);
  });

  it("should answer a bad filter with 400 naming every field", async () => {
    const paths = async (query: string) => ((await get(hub, `${P}?${query}`)).body.issues as { path: string }[]).map((i) => i.path).sort();
    expect(await paths("from=2026-05&to=2026-03")).toEqual(["query.to"]);
    expect(await paths("lot=9&from=2026-13&council=%00&highRisk=yes&colour=red")).toEqual([
      "query.colour",
      "query.council",
      "query.from",
      "query.highRisk",
      "query.lot",
    ]);
    expect(await paths(`from=${"2".repeat(5000)}`)).toEqual(["query.from"]);
  });
});

describe("GET /api/v1/insights/placements.csv", () => {
  it("should write every table in turn, [c] exactly where the JSON has it", async () => {
    const json = report(await get(hub, P));
    const res = await get(hub, `${P}.csv`);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/csv/);
    expect(res.headers["content-disposition"]).toBe('attachment; filename="placement-insights.csv"');
    const blocks = (res.text as string).split("\r\n\r\n");
    expect(blocks).toHaveLength(json.tables.length);
    json.tables.forEach((tb, k) => {
      const [title, ...rest] = (blocks[k] as string).split("\r\n");
      expect(parseCsv(`${title}\r\n`)).toEqual([]);
      const records = parseCsv(rest.join("\r\n"));
      const shown = (c: unknown) => (c === null ? "" : String(c));
      expect(records.map((x) => Object.values(x.values))).toEqual([
        ...tb.rows.map((row) => [row.label, ...row.cells.map(shown)]),
        ...(tb.totals ? [[tb.totals.label, ...tb.totals.cells.map(shown)]] : []),
      ]);
    });
    expect(res.text).toContain("[c]");
  });
});
