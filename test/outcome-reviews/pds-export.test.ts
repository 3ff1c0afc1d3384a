import { ChildProfileResponseSchema } from "@shared/schemas/children";
import { DistanceTravelledSchema } from "@shared/schemas/outcome-reviews";
import { buildReviewedPlacement, daysAfter, reviewBody } from "../factories/outcome-reviews";
import { buildUser } from "../factories/users";
import { createTestApp, type TestApp } from "../setup/test-app";
import { apiOf, outcomeIdsOf as ids } from "./api";

let t: TestApp;
let api: ReturnType<typeof apiOf>;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
  api = apiOf(t);
});
afterAll(() => t.close());
const db = () => t.database.handle.db;
const IMPORT = "/api/v1/children/import/placements-standard";

describe("The distance travelled in the child's Placements Data Standard document", () => {
  it("should carry the current placement's distance travelled under placementExchange, the same numbers as the API", async () => {
    const p = await buildReviewedPlacement(db());
    const [first, second] = ids(p) as [string, string];
    await api.submitted(
      p,
      reviewBody(ids(p), {
        kind: "baseline",
        reviewDate: p.startDate,
        scores: [
          { outcomeId: first, score: 1 },
          { outcomeId: second, score: 3 },
        ],
      }),
    );
    await api.submitted(
      p,
      reviewBody(ids(p), {
        reviewDate: daysAfter(p.startDate, 28),
        scores: [
          { outcomeId: first, score: 3 },
          { outcomeId: second, score: 3 },
        ],
      }),
    );

    const exported = await api.as(p.council).get(`/api/v1/children/${p.staged.child.id}/placements-standard`);
    expect(exported.status).toBe(200);
    const carried = DistanceTravelledSchema.parse(exported.body.data.placementExchange.distanceTravelled);
    const fromApi = (await api.as(p.council).get(`/api/v1/placements/${p.placementId}/distance-travelled`)).body.data;
    expect(carried).toEqual(fromApi);
    expect(carried.meanChange).toBe(1);
    // Lot 1 is a day placement: the standard's ActualPlacement cannot describe it, our extension still carries the outcomes.
    expect(exported.body.data.ActualPlacement).toBeUndefined();

    // Another council imports the document as it came: the computed figures are accepted and not taken.
    const elsewhere = await buildUser(db(), { role: "commissioner", regionId: p.regionId });
    const imported = await api.as(elsewhere).post(IMPORT, exported.body.data);
    expect(imported.status).toBe(201);
    const copy = ChildProfileResponseSchema.parse(imported.body).data;
    expect(copy.reference).toBe(p.staged.child.reference);
    const reExported = await api.as(elsewhere).get(`/api/v1/children/${copy.id}/placements-standard`);
    expect(reExported.body.data.placementExchange.distanceTravelled).toBeUndefined();
    const tampered = await api.as(elsewhere).post(IMPORT, {
      ...exported.body.data,
      placementExchange: { ...exported.body.data.placementExchange, reference: "TAMPERED-1", distanceTravelled: { meanChange: "anything" } },
    });
    expect(tampered.status).toBe(201);
  });

  it("should carry no distance travelled once the placement has ended", async () => {
    const p = await buildReviewedPlacement(db());
    // Started a month ago, so it can have ended yesterday.
    const [dates] = await api.query<{ yesterday: string }>(
      "UPDATE placements SET start_date = current_date - 30 WHERE id = $1 RETURNING to_char(current_date - 1, 'YYYY-MM-DD') AS yesterday",
      [p.placementId],
    );
    const current = await api.as(p.council).get(`/api/v1/children/${p.staged.child.id}/placements-standard`);
    expect(current.body.data.placementExchange.distanceTravelled).toMatchObject({ placementId: p.placementId });
    const ended = await api.as(p.council).post(`/api/v1/placements/${p.placementId}/end`, { endDate: dates!.yesterday, reason: "planned_end" });
    expect(ended.status).toBe(200);
    const exported = await api.as(p.council).get(`/api/v1/children/${p.staged.child.id}/placements-standard`);
    expect(exported.body.data.placementExchange).not.toHaveProperty("distanceTravelled");
  });
});
