import request from "supertest";
import { SettingSearchResultSchema } from "@shared/schemas/settings";
import { admitProvider, buildSetting } from "../factories/directory";
import { buildOrganisation, buildRegion } from "../factories/organisations";
import { buildUser } from "../factories/users";
import { createTestApp, type TestApp } from "../setup/test-app";

let t: TestApp;
let regionId: string;
let commissioner: Awaited<ReturnType<typeof buildUser>>;
let providerId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  const db = t.database.handle.db;
  regionId = (await buildRegion(db)).id;
  commissioner = await buildUser(db, { role: "commissioner", regionId });
  providerId = (await buildOrganisation(db, { kind: "provider", regionId, name: "Admitted Provider" })).id;
  await admitProvider(db, { organisationId: providerId, regionId, lots: [1, 2], prices: [{ lot: 1, band: "C", pence: 250_000 }] });
  const unadmitted = (await buildOrganisation(db, { kind: "provider", regionId })).id;
  const suspended = (await buildOrganisation(db, { kind: "provider", regionId })).id;
  await admitProvider(db, { organisationId: suspended, regionId, lots: [1], status: "suspended" });
  const elsewhere = await buildRegion(db);
  const foreign = (await buildOrganisation(db, { kind: "provider", regionId: elsewhere.id })).id;
  await admitProvider(db, { organisationId: foreign, regionId: elsewhere.id, lots: [1] });

  ids.near = (await buildSetting(db, { organisationId: providerId, name: "Fallowfield School", postcode: "M14 5RG" })).id;
  ids.far = (await buildSetting(db, { organisationId: providerId, name: "Preston School", postcode: "PR1 2HE" })).id;
  ids.full = (await buildSetting(db, { organisationId: providerId, name: "Didsbury School", postcode: "M20 2RN", vacancies: 0 })).id;
  ids.semh = (
    await buildSetting(db, {
      organisationId: providerId,
      name: "Salford SEMH",
      postcode: "M6 5FX",
      needs: [{ code: "SEMH", level: "specialist" }],
      lotNumbers: [2],
    })
  ).id;
  ids.draft = (await buildSetting(db, { organisationId: providerId, name: "Draft School", status: "draft" })).id;
  ids.unadmitted = (await buildSetting(db, { organisationId: unadmitted, name: "Unadmitted School" })).id;
  ids.suspended = (await buildSetting(db, { organisationId: suspended, name: "Suspended Provider School" })).id;
  ids.foreign = (await buildSetting(db, { organisationId: foreign, name: "Other Region School" })).id;
});
afterAll(() => t.close());

const search = (query: string, who = commissioner) => request(t.app).get(`/api/v1/settings?${query}`).set(who.auth);

describe("GET /api/v1/settings", () => {
  it("should answer 401 without credentials", async () => {
    expect((await request(t.app).get("/api/v1/settings")).status).toBe(401);
  });

  it("should list every bad filter", async () => {
    const res = await search("need=XYZ&age=99&sort=distance&colour=red");
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(["query.age", "query.need.0", "query.colour"]));
  });

  it("should refuse providers and parent panels (403)", async () => {
    const provider = await buildUser(t.database.handle.db, { role: "provider", organisationId: providerId });
    const panel = await buildUser(t.database.handle.db, { role: "parent_panel", regionId });
    expect((await search("", provider)).status).toBe(403);
    expect((await search("", panel)).status).toBe(403);
  });

  it("should show only published settings of providers admitted in the searcher's region", async () => {
    const { data, total } = SettingSearchResultSchema.parse((await search("pageSize=100")).body);
    expect(data.map((s) => s.name).sort()).toEqual(["Didsbury School", "Fallowfield School", "Preston School", "Salford SEMH"]);
    expect(total).toBe(4);
  });

  it("should find settings by need, age and vacancy near a postcode district, nearest first, with distances", async () => {
    const res = await search("need=ASD&age=10&hasVacancy=true&near=M14&radiusKm=10&sort=distance");
    if (res.status !== 200) throw new Error(JSON.stringify(res.body));
    const { data } = SettingSearchResultSchema.parse(res.body);
    expect(data.map((s) => s.name)).toEqual(["Fallowfield School"]);
    expect(data[0]?.distanceKm).toBeLessThan(2);
    const wide = SettingSearchResultSchema.parse((await search("need=ASD&near=m14&radiusKm=60&sort=distance")).body).data;
    expect(wide.map((s) => s.name)).toEqual(["Fallowfield School", "Didsbury School", "Preston School"]);
    const distances = wide.map((s) => s.distanceKm ?? 0);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    expect(distances[2]).toBeGreaterThan(40);
  });

  it("should filter by lot and compare framework prices for a band", async () => {
    const lot2 = SettingSearchResultSchema.parse((await search("lot=2")).body).data;
    expect(lot2.map((s) => s.name)).toEqual(["Salford SEMH"]);
    const priced = SettingSearchResultSchema.parse((await search("lot=1&band=C&maxBandPrice=300000&near=M14&sort=distance")).body).data;
    expect(priced[0]).toMatchObject({ name: "Fallowfield School", bandPricePence: 250_000 });
    expect(SettingSearchResultSchema.parse((await search("lot=1&band=C&maxBandPrice=200000")).body).total).toBe(0);
  });

  it("should page through results and report the total", async () => {
    const first = SettingSearchResultSchema.parse((await search("pageSize=3&page=1")).body);
    const second = SettingSearchResultSchema.parse((await search("pageSize=3&page=2")).body);
    expect(first.total).toBe(4);
    expect(first.data).toHaveLength(3);
    expect(second.data).toHaveLength(1);
  });

  it("should say when a postcode district is unknown", async () => {
    const res = await search("near=ZZ99");
    expect(res.status).toBe(400);
    expect(res.body.issues[0].path).toBe("query.near");
  });
});

describe("GET /api/v1/settings/export", () => {
  it("should give the same results as CSV, with formula-looking cells neutralised", async () => {
    await buildSetting(t.database.handle.db, { organisationId: providerId, name: '=HYPERLINK("x")', postcode: "M14 5RG" });
    const res = await request(t.app).get("/api/v1/settings/export?need=ASD&near=M14&radiusKm=5&sort=distance").set(commissioner.auth);
    expect(res.status).toBe(200);
    expect(res.type).toBe("text/csv");
    const lines = res.text.trim().split("\r\n");
    expect(lines[0]).toMatch(/^URN,Name,Provider,Town,Postcode district,Distance \(km\)/);
    expect(lines).toHaveLength(4);
    expect(res.text).toContain('"\'=HYPERLINK(""x"")"');
  });
});
