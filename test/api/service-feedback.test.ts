import request from "supertest";
import { ServiceFeedbackReceiptSchema } from "@shared/schemas/service-feedback";
import { createTestApp, type TestApp } from "../setup/test-app";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
});
afterAll(() => t.close());

describe("POST /api/v1/service-feedback", () => {
  it("should store anonymous feedback and answer 201 with a receipt", async () => {
    const res = await request(t.app).post("/api/v1/service-feedback").send({ rating: "satisfied", comments: "  Clear and quick.  ", page: "/feedback" });
    expect(res.status).toBe(201);
    const { data } = ServiceFeedbackReceiptSchema.parse(res.body);
    const rows = await t.database.handle.sql.query<{ rating: string; comments: string; page: string }>(
      "SELECT rating, comments, page FROM service_feedback WHERE id = $1",
      [data.id],
    );
    expect(rows).toEqual([{ rating: "satisfied", comments: "Clear and quick.", page: "/feedback" }]);
  });

  it("should refuse a missing rating with a message a person can act on", async () => {
    const res = await request(t.app).post("/api/v1/service-feedback").send({});
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([{ path: "body.rating", message: "Select how satisfied you are with this service" }]);
  });
});
