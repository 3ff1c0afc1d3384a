import request from "supertest";
import { SettingSearchResultSchema } from "@shared/schemas/settings";
import { createApiToken } from "../../server/src/modules/api-tokens/commands/create-api-token";
import { createTestApp, type TestApp } from "../setup/test-app";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: true });
});
afterAll(() => t.close());

describe("The demo directory", () => {
  it("should give a demo commissioner priced search results from the demo providers straight away", async () => {
    const [row] = await t.database.handle.sql.query<{ id: string }>("SELECT id FROM users WHERE email = 'commissioner@manchester-council.example'");
    const token = await createApiToken({
      db: t.database.handle.db,
      userId: row?.id ?? "",
      organisationId: null,
      input: { name: "demo", expiresInDays: 1 },
      via: "cli",
    });
    const res = await request(t.app)
      .get("/api/v1/settings?lot=1&band=C&need=ASD&near=M14&radiusKm=30&sort=distance")
      .set("Authorization", `Bearer ${token.token}`);
    const { data } = SettingSearchResultSchema.parse(res.body);
    expect(data.map((s) => s.name)).toContain("Pennine Brook School (demo)");
    const pennine = data.find((s) => s.name === "Pennine Brook School (demo)");
    expect(pennine?.bandPricePence).toBeGreaterThan(0);
    expect(pennine?.distanceKm).toBeGreaterThan(5);
  });
});
