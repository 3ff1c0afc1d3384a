import { sql } from "drizzle-orm";
import request from "supertest";
import { MATCH_CRITERIA, type MatchesResponse, MatchesResponseSchema } from "@shared/schemas/matching";
import { rowsOf } from "../../server/src/db/rows";
import { buildChild } from "../factories/children";
import { admitProvider, buildSetting, frameworkOf } from "../factories/directory";
import { buildOrganisation, buildRegion } from "../factories/organisations";
import { buildUser, type BuiltUser } from "../factories/users";
import { createTestApp, type TestApp } from "../setup/test-app";

let t: TestApp;
let regionId: string;
let commissioner: BuiltUser;
let childId: string;
const ids: Record<string, string> = {};
const db = () => t.database.handle.db;

/** A listed setting of the region that can manage the child's current risk of going missing. */
const manages = { risksManaged: ["riskMissing"] };

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  regionId = (await buildRegion(db())).id;
  const council = await buildOrganisation(db(), { kind: "council", regionId });
  commissioner = await buildUser(db(), { role: "commissioner", organisationId: council.id });
  const lot1 = (await frameworkOf(db(), regionId)).lots.get(1);
  await db().execute(sql`INSERT INTO price_bands (lot_id, band, description, weekly_ceiling_pence) VALUES (${lot1}, 'C', 'High intensity', 250000)`);

  const priced = (await buildOrganisation(db(), { kind: "provider", regionId, name: "Priced Provider" })).id;
  await admitProvider(db(), { organisationId: priced, regionId, lots: [1, 2], prices: [{ lot: 1, band: "C", pence: 200_000 }] });
  const unpriced = (await buildOrganisation(db(), { kind: "provider", regionId })).id;
  await admitProvider(db(), { organisationId: unpriced, regionId, lots: [1] });
  const notAdmitted = (await buildOrganisation(db(), { kind: "provider", regionId })).id;
  const suspended = (await buildOrganisation(db(), { kind: "provider", regionId })).id;
  await admitProvider(db(), { organisationId: suspended, regionId, lots: [1], status: "suspended" });
  const otherRegionId = (await buildRegion(db())).id;
  const elsewhere = (await buildOrganisation(db(), { kind: "provider", regionId: otherRegionId })).id;
  await admitProvider(db(), { organisationId: elsewhere, regionId: otherRegionId, lots: [1] });

  const asd = [
    { code: "ASD", level: "specialist" as const },
    { code: "SLCN", level: "supported" as const },
  ];
  const build = async (key: string, organisationId: string, values: Omit<Parameters<typeof buildSetting>[1], "organisationId">) => {
    ids[key] = (await buildSetting(db(), { organisationId, name: key, ...manages, ...values })).id;
  };
  await build("Best", priced, { needs: asd, ofstedGrade: 1 });
  await build("Second", unpriced, { needs: [{ code: "ASD", level: "supported" }], ofstedGrade: 2, postcode: "M20 2AA" });
  await build("Wrong lot", priced, { lotNumbers: [2] });
  await build("No vacancy", priced, { vacancies: 0 });
  await build("Inadequate", priced, { ofstedGrade: 4 });
  await build("Far", priced, { postcode: "CA1 1AA" });
  await build("Unmanaged", priced, { risksManaged: [] });
  await build("Draft", priced, { status: "draft" });
  await build("Not admitted", notAdmitted, {});
  await build("Suspended", suspended, {});
  await build("Elsewhere", elsewhere, {});

  const panel = await buildUser(db(), { role: "parent_panel", regionId });
  for (const rating of [3, 4, 4, 5, 4]) {
    await db().execute(sql`INSERT INTO setting_feedback (setting_id, author_user_id, author_organisation_id, ratings, comment, status)
      VALUES (${ids.Best}, ${panel.user.id}, ${panel.user.organisationId}, ${JSON.stringify({ meeting_needs: rating, transitions: rating })}::jsonb, 'Kind staff.', 'approved')`);
  }
  childId = (
    await buildChild(db(), {
      organisationId: council.id,
      risks: [{ code: "riskMissing", trajectory: "current" }],
      preferredSettingId: ids.Best ?? null,
      maxTravelKm: 40,
      priceBand: "C",
    })
  ).id;
});
afterAll(() => t.close());

const matches = (who: { Authorization: string }, query = "") => request(t.app).get(`/api/v1/children/${childId}/matches${query}`).set(who);
const parsed = (body: unknown): MatchesResponse["data"] => MatchesResponseSchema.parse(body).data;
const reasonOf = (m: MatchesResponse["data"]["matches"][number] | undefined, criterion: string) => m?.criteria.find((c) => c.criterion === criterion)?.reason;
const LISTED = ["Best", "Second", "Wrong lot", "No vacancy", "Inadequate", "Far", "Unmanaged"];

describe("GET /api/v1/children/:id/matches", () => {
  it("should rank the region's listed settings for the child, each with every criterion, its points and reason", async () => {
    const res = await matches(commissioner.auth);
    expect(res.status).toBe(200);
    const data = parsed(res.body);
    // Those listed on lot 1: "Wrong lot" is listed on lot 2 only.
    expect(data).toMatchObject({ childId, lotNumber: 1, considered: LISTED.length - 1 });
    expect(data.excluded).toBeUndefined();
    expect(data.matches.map((m) => [m.rank, m.settingName])).toEqual([
      [1, "Best"],
      [2, "Second"],
    ]);
    const [best, second] = data.matches;
    for (const m of data.matches) expect(m.criteria.map((c) => c.criterion)).toEqual([...MATCH_CRITERIA]);
    expect(best).toMatchObject({ organisationName: "Priced Provider", outcode: "M14", distanceKm: 0, vacancies: 2, ofstedGrade: 1, bandPricePence: 200_000 });
    expect(reasonOf(best, "need_fit")).toBe("Specialist in autistic spectrum disorder (ASD), the primary need; meets 1 of 1 secondary needs");
    expect(reasonOf(best, "distance")).toBe("0.0 km from the child's home district: local");
    expect(reasonOf(best, "price")).toBe("£2,000.00 a week: 80% of the band C ceiling of £2,500.00");
    expect(reasonOf(best, "ofsted")).toBe("Ofsted: Outstanding (grade 1)");
    expect(reasonOf(best, "parental_preference")).toBe("The parents' preferred setting");
    expect(reasonOf(best, "parent_feedback")).toBe("Parent carers rate it 4.0 out of 5 on average (5 approved reviews)");
    expect(reasonOf(second, "price")).toBe("The provider has stated no framework price for band C on lot 1");
    expect(reasonOf(second, "parent_feedback")).toBe("Parent feedback is withheld until 5 reviews are approved");
    expect(best?.score).toBeGreaterThan(second?.score ?? 100);
  });

  it("should list every listed setting left out, with the rules it breaks, when asked (and match the same settings)", async () => {
    const plain = parsed((await matches(commissioner.auth)).body);
    const res = await matches(commissioner.auth, "?explain=excluded");
    expect(res.status).toBe(200);
    const data = parsed(res.body);
    expect(data.matches).toEqual(plain.matches);
    const onOtherLots = (data.excluded ?? []).filter((e) => e.reasons.some((r) => r.rule === "lot"));
    expect(onOtherLots.map((e) => e.settingName)).toEqual(["Wrong lot"]);
    expect(data.considered).toBe(data.matches.length + (data.excluded?.length ?? 0) - onOtherLots.length);
    const why = Object.fromEntries((data.excluded ?? []).map((e) => [e.settingName, e.reasons]));
    expect(why).toEqual({
      Far: [{ rule: "distance", reason: expect.stringMatching(/^\d+\.\d km from the child's home district, beyond the 40\.0 km maximum$/) }],
      Inadequate: [{ rule: "ofsted_inadequate", reason: "Rated Inadequate by Ofsted (grade 4)" }],
      "No vacancy": [{ rule: "vacancy", reason: "Has no vacancy" }],
      Unmanaged: [{ rule: "risk", reason: "Cannot manage the current risk of going missing" }],
      "Wrong lot": [{ rule: "lot", reason: "Not listed on lot 1 (0-16 day): listed on lot 2" }],
    });
  });

  it("should never show a setting that is not listed in the region: unpublished, provider not admitted or suspended, or of another region", async () => {
    const data = parsed((await matches(commissioner.auth, "?explain=excluded&limit=100")).body);
    const shown = [...data.matches.map((m) => m.settingName), ...(data.excluded ?? []).map((e) => e.settingName)].sort();
    expect(shown).toEqual([...LISTED].sort());
  });

  it("should take another lot and a limit", async () => {
    const other = parsed((await matches(commissioner.auth, "?lot=2")).body);
    expect(other.lotNumber).toBe(2);
    expect(other.matches.map((m) => m.settingName)).toEqual(["Wrong lot"]);
    // Counted on lot 2: the one setting listed there, not the region's 7.
    expect(other.considered).toBe(1);
    expect(reasonOf(other.matches[0], "price")).toBe("The provider has stated no framework price for band C on lot 2");
    expect(parsed((await matches(commissioner.auth, "?limit=1")).body).matches.map((m) => m.settingName)).toEqual(["Best"]);
  });

  it("should audit the read of the profile with the purpose matching", async () => {
    const before = await rowsOf<{ n: number }>(
      db(),
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'child_profile.read' AND record_id = ${childId} AND details->>'purpose' = 'matching'`,
    );
    await matches(commissioner.auth).expect(200);
    const [entry] = await rowsOf<{ n: number; actor: string }>(
      db(),
      sql`SELECT count(*) OVER ()::int AS n, actor_user_id AS actor FROM audit_log WHERE action = 'child_profile.read' AND record_id = ${childId} AND details->>'purpose' = 'matching' ORDER BY seq DESC LIMIT 1`,
    );
    expect(entry).toEqual({ n: (before[0]?.n ?? 0) + 1, actor: commissioner.user.id });
  });

  it("should answer 404 to anyone but the owning council's commissioners, and 401 without sign-in", async () => {
    for (const role of ["commissioner", "provider", "parent_panel", "regional_admin"] as const) {
      const someone = await buildUser(db(), { role, regionId });
      const res = await matches(someone.auth);
      expect([role, res.status, res.body.code]).toEqual([role, 404, "not_found"]);
    }
    expect((await request(t.app).get(`/api/v1/children/${childId}/matches`)).status).toBe(401);
  });

  it("should answer 409 naming what to add when the profile lacks what matching needs", async () => {
    const [row] = await rowsOf<{ id: string }>(
      db(),
      sql`INSERT INTO child_profiles (organisation_id, reference, sex, primary_need, lot_number, requirements, recommendation)
          VALUES (${commissioner.user.organisationId}, 'PDS-2026-0001', 'female', 'SEMH', 1, '{}', '{}') RETURNING id`,
    );
    const res = await request(t.app).get(`/api/v1/children/${row?.id}/matches`).set(commissioner.auth);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: "conflict",
      message: "Matching needs the child's month and year of birth and home postcode district. Add them to the profile, then find matches again.",
    });
  });

  it("should answer 400 naming each field that is wrong", async () => {
    const res = await matches(commissioner.auth, "?limit=0&explain=all&colour=blue");
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(["query.colour", "query.explain", "query.limit"]);
    expect((await request(t.app).get("/api/v1/children/not-an-id/matches").set(commissioner.auth)).status).toBe(400);
  });
});
