import request from "supertest";
import { HsdsDirectorySchema } from "@shared/schemas/open-data";
import { admitProvider, buildSetting } from "../factories/directory";
import { buildOrganisation, buildRegion } from "../factories/organisations";
import { createTestApp, type TestApp } from "../setup/test-app";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
});
afterAll(() => t.close());

describe("GET /api/v1/open-data/services", () => {
  it("should publish listed settings as Open Referral UK data without sign-in, and nothing unlisted", async () => {
    const db = t.database.handle.db;
    const regionId = (await buildRegion(db)).id;
    const provider = await buildOrganisation(db, { kind: "provider", regionId, name: "Open Provider" });
    await admitProvider(db, { organisationId: provider.id, regionId, lots: [1] });
    const listed = await buildSetting(db, {
      organisationId: provider.id,
      name: "Listed School",
      urn: "888001",
      needs: [{ code: "SEMH", level: "specialist" }],
    });
    await buildSetting(db, { organisationId: provider.id, name: "Draft School", status: "draft" });
    const res = await request(t.app).get("/api/v1/open-data/services");
    expect(res.status).toBe(200);
    const directory = HsdsDirectorySchema.parse(res.body);
    expect(directory.services.map((s) => s.name)).toEqual(["Listed School"]);
    expect(directory.services[0]).toMatchObject({
      organization_id: provider.id,
      identifiers: [{ identifier_scheme: "GB-URN", identifier: "888001" }],
      taxonomies: [{ id: "SEMH", term: "Social, emotional and mental health", vocabulary: "SEN2 primary need" }],
    });
    expect(directory.organizations).toEqual([{ id: provider.id, name: "Open Provider", description: "" }]);
    expect(directory.service_at_locations).toEqual([{ id: `${listed.id}:${listed.id}`, service_id: listed.id, location_id: listed.id }]);
    expect(JSON.stringify(res.body)).not.toMatch(/vacanc|price/i);
  });
});
