import { sql } from "drizzle-orm";
import request from "supertest";
import { ApiErrorSchema } from "@shared/errors";
import { DEFAULT_HIGH_RISK_RULES, HighRiskDefinitionResponseSchema } from "@shared/insights/high-risk";
import { PlacementHighRiskSchema } from "@shared/schemas/outcome-reviews";
import { rowsOf } from "../../server/src/db/rows";
import { refreshAllInsightsFacts } from "../../server/src/modules/insights/facts/refresh";
import { buildOrganisation } from "../factories/organisations";
import { buildUser } from "../factories/users";
import { buildFactsPlacement, buildFactsRegion, factOf, type FactsRegion } from "../insights/facts-world";
import { createTestApp, type TestApp } from "../setup/test-app";

let t: TestApp;
let world: FactsRegion;
let hubAdmin: Awaited<ReturnType<typeof buildUser>>;
const db = () => t.database.handle.db;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
  world = await buildFactsRegion(db());
  const hub = await buildOrganisation(db(), { kind: "regional_hub", regionId: world.regionId });
  hubAdmin = await buildUser(db(), { role: "regional_admin", orgAdmin: true, organisationId: hub.id });
});
afterAll(() => t.close());

const put = (who: { auth: Record<string, string> }, body: unknown) =>
  request(t.app)
    .put("/api/v1/high-risk-definition")
    .set(who.auth)
    .send(body as object);
const auditOf = async () =>
  rowsOf<{ details: { before: unknown; after: unknown } }>(
    db(),
    sql`SELECT details FROM audit_log WHERE action = 'high_risk_definition.change' AND record_id = ${world.regionId} ORDER BY seq`,
  );

describe("GET /api/v1/high-risk-definition", () => {
  it("should answer 401 without credentials", async () => {
    expect((await request(t.app).get("/api/v1/high-risk-definition")).status).toBe(401);
  });

  it("should give a commissioner of the region the default until the hub changes it", async () => {
    const commissioner = await buildUser(db(), { role: "commissioner", organisationId: world.councilId });
    const res = await request(t.app).get("/api/v1/high-risk-definition").set(commissioner.auth);
    expect(res.status).toBe(200);
    expect(HighRiskDefinitionResponseSchema.parse(res.body).data).toEqual({ rules: DEFAULT_HIGH_RISK_RULES, updatedAt: null });
  });

  it("should refuse providers and parent panels (403)", async () => {
    for (const role of ["provider", "parent_panel"] as const) {
      const person = await buildUser(db(), { role, regionId: world.regionId });
      expect((await request(t.app).get("/api/v1/high-risk-definition").set(person.auth)).status).toBe(403);
    }
  });
});

describe("PUT /api/v1/high-risk-definition", () => {
  const rules = { minPresentRisks: 2, deprivationOfLiberty: false, feeAboveHighestCeiling: true, lots: [6, 7] };

  it("should store the hub's definition, audit it with before and after, and re-judge the region's placements", async () => {
    const { placementId } = await buildFactsPlacement(db(), world, {
      lot: 1,
      deprivationOfLiberty: true,
      risks: [
        { code: "riskMissing", trajectory: "current" },
        { code: "riskSelfHarm", trajectory: "escalating" },
      ],
    });
    await refreshAllInsightsFacts(db());
    expect((await factOf(db(), placementId))?.highRiskRules).toEqual(["deprivation_of_liberty"]);

    const res = await put(hubAdmin, rules);
    expect(res.status).toBe(200);
    const { data } = HighRiskDefinitionResponseSchema.parse(res.body);
    expect(data.rules).toEqual(rules);
    expect(data.updatedAt).not.toBeNull();
    const commissioner = await buildUser(db(), { role: "commissioner", organisationId: world.councilId });
    expect((await request(t.app).get("/api/v1/high-risk-definition").set(commissioner.auth)).body.data.rules).toEqual(rules);

    const [entry] = (await auditOf()).slice(-1);
    expect(entry?.details).toEqual({ before: DEFAULT_HIGH_RISK_RULES, after: rules });

    // The placement page judges it now; the facts follow at the next refresh.
    const page = await request(t.app).get(`/api/v1/placements/${placementId}/high-risk`).set(commissioner.auth);
    expect(PlacementHighRiskSchema.parse(page.body.data)).toEqual({
      highRisk: true,
      rules: [{ rule: "risk_count", description: "2 or more current or escalating risks" }],
    });
    await refreshAllInsightsFacts(db());
    expect((await factOf(db(), placementId))?.highRiskRules).toEqual(["risk_count"]);
    await put(hubAdmin, DEFAULT_HIGH_RISK_RULES);
  });

  it("should refuse the hub's members who are not administrators, and commissioners (403), changing nothing", async () => {
    const hub = await buildOrganisation(db(), { kind: "regional_hub", regionId: world.regionId });
    const staff = await buildUser(db(), { role: "regional_admin", orgAdmin: false, organisationId: hub.id });
    const councilAdmin = await buildUser(db(), { role: "commissioner", orgAdmin: true, organisationId: world.councilId });
    const before = (await auditOf()).length;
    for (const who of [staff, councilAdmin]) expect((await put(who, { ...rules, lots: [1] })).status).toBe(403);
    expect((await auditOf()).length).toBe(before);
  });

  it("should answer 400 naming every failing field for hostile input, and change nothing", async () => {
    const before = (await auditOf()).length;
    const res = await put(hubAdmin, {
      minPresentRisks: 99,
      deprivationOfLiberty: "yes\u0000",
      feeAboveHighestCeiling: null,
      lots: [7, 7, 8],
      extra: "x".repeat(10_000),
    });
    expect(res.status).toBe(400);
    const paths = ApiErrorSchema.parse(res.body).issues?.map((i) => i.path) ?? [];
    for (const field of ["minPresentRisks", "deprivationOfLiberty", "feeAboveHighestCeiling", "lots"]) expect(paths.some((p) => p.includes(field))).toBe(true);
    expect((await auditOf()).length).toBe(before);
    const commissioner = await buildUser(db(), { role: "commissioner", organisationId: world.councilId });
    expect((await request(t.app).get("/api/v1/high-risk-definition").set(commissioner.auth)).body.data.rules).toEqual(DEFAULT_HIGH_RISK_RULES);
  });
});

describe("GET /api/v1/placements/:id/high-risk", () => {
  it("should list the rules met, in the definition's words, for the council and the provider, auditing each read", async () => {
    const { placementId } = await buildFactsPlacement(db(), world, { lot: 7, fee: 1_000_000 });
    const commissioner = await buildUser(db(), { role: "commissioner", organisationId: world.councilId });
    const provider = await buildUser(db(), { role: "provider", organisationId: world.providerId });
    for (const who of [commissioner, provider]) {
      const res = await request(t.app).get(`/api/v1/placements/${placementId}/high-risk`).set(who.auth);
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({
        highRisk: true,
        rules: [
          { rule: "fee_above_ceiling", description: "Weekly fee above the highest band ceiling of its lot" },
          { rule: "lot", description: "Placed in lot 7" },
        ],
      });
    }
    const reads = await rowsOf<{ actor_user_id: string; reason: string }>(
      db(),
      sql`SELECT actor_user_id, reason FROM audit_log WHERE action = 'placement_high_risk.read' AND record_id = ${placementId} ORDER BY seq`,
    );
    expect(reads.map((r) => r.actor_user_id)).toEqual([commissioner.user.id, provider.user.id]);
    expect(reads[1]?.reason).toContain("Shared with the provider");
  });

  it("should say a placement meeting no rule is not high risk", async () => {
    const { placementId } = await buildFactsPlacement(db(), world, { lot: 1, fee: 100_000 });
    const commissioner = await buildUser(db(), { role: "commissioner", organisationId: world.councilId });
    const res = await request(t.app).get(`/api/v1/placements/${placementId}/high-risk`).set(commissioner.auth);
    expect(res.body.data).toEqual({ highRisk: false, rules: [] });
  });

  it("should answer 404 to another council and 400 to an id that is not one", async () => {
    const { placementId } = await buildFactsPlacement(db(), world);
    const stranger = await buildUser(db(), { role: "commissioner", regionId: world.regionId });
    expect((await request(t.app).get(`/api/v1/placements/${placementId}/high-risk`).set(stranger.auth)).status).toBe(404);
    // Nothing was disclosed, so nothing is audited as read.
    expect(await rowsOf(db(), sql`SELECT 1 FROM audit_log WHERE action = 'placement_high_risk.read' AND record_id = ${placementId}`)).toEqual([]);
    expect((await request(t.app).get("/api/v1/placements/not-an-id/high-risk").set(stranger.auth)).status).toBe(400);
  });
});
