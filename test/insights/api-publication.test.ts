import request from "supertest";
import { CohortComparisonResponseSchema, InsightsPublicationResponseSchema, PublicInsightsResponseSchema } from "@shared/insights/contract";
import { buildRegion } from "../factories/organisations";
import { buildUser, type BuiltUser } from "../factories/users";
import { createTestApp, type TestApp } from "../setup/test-app";
import { insertFacts, placementFact } from "./insert-facts";

let t: TestApp;
let regionId: string;
let admin: BuiltUser;
let staff: BuiltUser;
let council: BuiltUser;
let other: BuiltUser;
let provider: BuiltUser;
const PUB = "/api/v1/insights/publication";

const as = (who: BuiltUser) => ({
  get: (path: string) => request(t.app).get(path).set(who.auth),
  put: (path: string, body: object) => request(t.app).put(path).set(who.auth).send(body),
});

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  const db = t.database.handle.db;
  regionId = (await buildRegion(db)).id;
  admin = await buildUser(db, { role: "regional_admin", orgAdmin: true, regionId });
  staff = await buildUser(db, { role: "regional_admin", regionId });
  council = await buildUser(db, { role: "commissioner", regionId });
  other = await buildUser(db, { role: "commissioner", regionId });
  provider = await buildUser(db, { role: "provider", regionId });
  const mine = council.user.organisationId as string;
  const theirs = other.user.organisationId as string;
  // Each council: twelve placements in January (lot 1, £2,000 a week), twelve in February (lot 3,
  // £3,000, six of them high risk) and seven in March (lot 1). No count of a council, lot or
  // month is from 1 to 4, and no month differs from the next by 1 to 4.
  const both = (make: (council: string, i: number) => ReturnType<typeof placementFact>, n: number) =>
    [mine, theirs].flatMap((council) => Array.from({ length: n }, (_, i) => make(council, i)));
  await insertFacts(db, regionId, {
    placements: [
      ...both((c, i) => placementFact(c, { awardDate: "2026-01-12", weeklyFeePence: 200_000, outcomeChange: i % 2 ? 1 : 0 }), 12),
      ...both(
        (c, i) =>
          placementFact(c, {
            awardDate: "2026-02-12",
            lot: 3,
            weeklyFeePence: 300_000,
            highRiskRules: i < 6 ? ["lot"] : [],
            presentRisks: i < 6 ? ["riskMissing"] : [],
            outcomeChange: 0.5,
          }),
        12,
      ),
      ...both((c) => placementFact(c, { awardDate: "2026-03-12" }), 7),
    ],
  });
});
afterAll(() => t.close());

describe("/api/v1/insights/publication and the public summary", () => {
  it("should publish nothing until the hub's administrator chooses a period, then show the whole region's tables for it to anyone", async () => {
    expect(InsightsPublicationResponseSchema.parse((await as(staff).get(PUB)).body).data).toBeNull();
    expect((await request(t.app).get(`/api/v1/public/insights/${regionId}`)).status).toBe(404);

    expect((await as(staff).put(PUB, { from: "2026-01", to: "2026-02" })).status).toBe(403);
    expect((await as(council).put(PUB, { from: "2026-01", to: "2026-02" })).status).toBe(403);
    const put = await as(admin).put(PUB, { from: "2026-01", to: "2026-02" });
    expect(put.status).toBe(200);
    expect(InsightsPublicationResponseSchema.parse(put.body).data).toMatchObject({ from: "2026-01", to: "2026-02" });
    expect(InsightsPublicationResponseSchema.parse((await as(staff).get(PUB)).body).data).toMatchObject({ from: "2026-01", to: "2026-02" });

    const audit = await t.database.handle.sql.query<{ action: string; details: Record<string, unknown> }>(
      "SELECT action, details FROM audit_log WHERE record_id = $1 AND action = 'insights.publish'",
      [regionId],
    );
    expect(audit.map((a) => a.details)).toEqual([{ from: "2026-01", to: "2026-02" }]);

    const res = await request(t.app).get(`/api/v1/public/insights/${regionId}`);
    expect(res.status).toBe(200);
    const summary = PublicInsightsResponseSchema.parse(res.body).data;
    expect(summary.publication).toMatchObject({ from: "2026-01", to: "2026-02" });
    // The whole region for the period: January and February, not March's fourteen.
    expect(summary.report).toMatchObject({ scope: "region", placements: 48, filter: { from: "2026-01", to: "2026-02", council: null } });
    const providerView = await as(provider).get(`/api/v1/public/insights/${regionId}`);
    expect(providerView.body).toEqual(res.body);
  });

  it("should refuse a bad period listing each field, and answer 404 for an unknown region", async () => {
    const bad = await as(admin).put(PUB, { from: "2026-13", to: "x\u0000", extra: 1 });
    expect(bad.status).toBe(400);
    expect((bad.body.issues as { path: string }[]).map((i) => i.path).sort()).toEqual(["body.extra", "body.from", "body.to"]);
    const backwards = await as(admin).put(PUB, { from: "2026-04", to: "2026-01" });
    expect(backwards.body.issues).toEqual([{ path: "body.to", message: "The period must start on or before its end" }]);
    expect(InsightsPublicationResponseSchema.parse((await as(staff).get(PUB)).body).data).toMatchObject({ from: "2026-01", to: "2026-02" });
    expect((await request(t.app).get("/api/v1/public/insights/00000000-0000-4000-8000-000000000009")).status).toBe(404);
    expect((await request(t.app).get("/api/v1/public/insights/not-a-region")).status).toBe(400);
  });
});

describe("GET /api/v1/insights/compare", () => {
  it("should set two filters side by side, with the difference and a 95% interval where each has 10 or more", async () => {
    const res = await as(staff).get("/api/v1/insights/compare?aFrom=2026-01&aTo=2026-01&bFrom=2026-02&bTo=2026-02");
    expect(res.status).toBe(200);
    const c = CohortComparisonResponseSchema.parse(res.body).data;
    expect([c.a.placements, c.b.placements]).toEqual([24, 24]);
    const row = (key: string) => c.rows.find((r) => r.key === key);
    expect(row("high-risk-percent")).toMatchObject({ a: 0, b: 50, difference: -50 });
    // Wald: −50 ± 1.96 × √(0 + 0.5 × 0.5 / 24) × 100 = −50 ± 20.0.
    expect(row("high-risk-percent")?.interval).toEqual([-70, -30]);
    expect(row("median-fee")).toMatchObject({ a: 2000, b: 3000, difference: -1000, interval: null });
    // Welch: 0.5 − 0.5 = 0, ± 1.96 × √(0.2609 / 24 + 0) = ± 0.20.
    expect(row("mean-outcome-change")).toMatchObject({ a: 0.5, b: 0.5, difference: 0, interval: [-0.2, 0.2] });
  });

  it("should withhold a group under 5 and give no interval under 10, and hold a commissioner to their own council", async () => {
    const res = await as(admin).get("/api/v1/insights/compare?aFrom=2026-03&aTo=2026-03&aHighRisk=only&bFrom=2026-01&bTo=2026-01");
    const c = CohortComparisonResponseSchema.parse(res.body).data;
    expect(c.a.placements).toBe(0);
    expect(c.rows.find((r) => r.key === "median-fee")).toMatchObject({ a: "[c]", b: 2000, difference: "[c]", interval: null });

    const mine = council.user.organisationId as string;
    expect((await as(council).get(`/api/v1/insights/compare?aCouncil=${mine}`)).status).toBe(200);
    const refused = await as(council).get(`/api/v1/insights/compare?aCouncil=${mine}&bCouncil=${other.user.organisationId}`);
    expect(refused.status).toBe(403);
    expect((await as(provider).get("/api/v1/insights/compare")).status).toBe(403);
    const bad = await as(admin).get("/api/v1/insights/compare?aLot=9&bFrom=2026-05&bTo=2026-01&cLot=1");
    expect(bad.status).toBe(400);
    expect((bad.body.issues as { path: string }[]).map((i) => i.path).sort()).toEqual(["query.aLot", "query.cLot"]);
    const backwards = await as(admin).get("/api/v1/insights/compare?aFrom=2026-05&aTo=2026-01&bFrom=2026-05&bTo=2026-01");
    expect((backwards.body.issues as { path: string }[]).map((i) => i.path)).toEqual(["query.aTo", "query.bTo"]);
  });
});
