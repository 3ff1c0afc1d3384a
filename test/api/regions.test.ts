import request from "supertest";
import { LOTS } from "@shared/codes/lots";
import { RegionListSchema } from "@shared/schemas/region";
import { northWestCouncils } from "../../server/src/db/seed/north-west";
import { createTestApp, type TestApp } from "../setup/test-app";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: true });
});
afterAll(() => t.close());

describe("GET /api/v1/regions", () => {
  it("should show the seeded North West region, its councils with LA codes and the seven lots, without sign-in", async () => {
    const res = await request(t.app).get("/api/v1/regions");
    expect(res.status).toBe(200);
    const { data } = RegionListSchema.parse(res.body);
    expect(data).toHaveLength(1);
    const [region] = data;
    expect(region?.name).toBe("North West");
    expect(region?.councils.map((c) => c.laCode).sort()).toEqual(
      northWestCouncils()
        .map((c) => c.laCode)
        .sort(),
    );
    expect(region?.councils).toContainEqual(expect.objectContaining({ name: "Manchester Council", laCode: "352" }));
    expect(region?.frameworks[0]?.lots).toEqual(LOTS.map((l) => ({ number: l.number, name: l.name })));
    expect(region?.organisationCounts.provider).toBeGreaterThanOrEqual(3);
    expect(region?.organisationCounts.regional_hub).toBe(1);
  });
});
