import request from "supertest";
import { ApiErrorSchema } from "@shared/errors";
import { createTestApp, type TestApp } from "../setup/test-app";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const feedbackCount = async () => (await t.database.handle.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM service_feedback"))[0]?.n;

describe("Bad input", () => {
  it("should answer malformed JSON with 400 invalid_json and store nothing", async () => {
    const res = await request(t.app).post("/api/v1/service-feedback").set("Content-Type", "application/json").send('{"rating": "satisfied",');
    expect(res.status).toBe(400);
    expect(ApiErrorSchema.parse(res.body).code).toBe("invalid_json");
    expect(await feedbackCount()).toBe(0);
  });

  it("should answer a body over 1 MB with 413 payload_too_large", async () => {
    const res = await request(t.app)
      .post("/api/v1/service-feedback")
      .set("Content-Type", "application/json")
      .send(JSON.stringify({ rating: "satisfied", comments: "x".repeat(1024 * 1024 + 10) }));
    expect(res.status).toBe(413);
    expect(ApiErrorSchema.parse(res.body).code).toBe("payload_too_large");
    expect(await feedbackCount()).toBe(0);
  });

  it("should answer an unknown field with 400 naming that field", async () => {
    const res = await request(t.app).post("/api/v1/service-feedback").send({ rating: "satisfied", childName: "x" });
    expect(res.status).toBe(400);
    const body = ApiErrorSchema.parse(res.body);
    expect(body.code).toBe("validation_error");
    expect(body.issues).toEqual([expect.objectContaining({ path: "body.childName" })]);
    expect(await feedbackCount()).toBe(0);
  });

  it("should list every failing field, not only the first", async () => {
    const res = await request(t.app)
      .post("/api/v1/service-feedback")
      .send({ rating: "great", comments: "y".repeat(1201), page: "https://x" });
    expect(res.status).toBe(400);
    expect(
      ApiErrorSchema.parse(res.body)
        .issues?.map((i) => i.path)
        .sort(),
    ).toEqual(["body.comments", "body.page", "body.rating"]);
  });

  it("should answer an unknown API route with 404 JSON", async () => {
    const res = await request(t.app).get("/api/v1/no-such-thing").set("Accept", "text/html");
    expect(res.status).toBe(404);
    expect(res.type).toBe("application/json");
    const body = ApiErrorSchema.parse(res.body);
    expect(body.code).toBe("not_found");
    expect(body.message).toContain("/api/v1/no-such-thing");
  });

  it("should refuse a body that is not JSON with 415", async () => {
    const res = await request(t.app).post("/api/v1/service-feedback").set("Content-Type", "text/plain").send("rating=satisfied");
    expect(res.status).toBe(415);
    expect(ApiErrorSchema.parse(res.body).code).toBe("unsupported_media_type");
  });

  it("should carry the request id in every error body and header", async () => {
    const res = await request(t.app).get("/api/v1/nope").set("X-Request-Id", "test-request-0001");
    expect(res.headers["x-request-id"]).toBe("test-request-0001");
    expect(res.body.requestId).toBe("test-request-0001");
  });
});

describe("Unexpected failures", () => {
  it("should answer 500 with a generic message and no stack or internals", async () => {
    const broken = await createTestApp({ seed: false });
    await broken.database.handle.close();
    const res = await request(broken.app).get("/api/v1/regions");
    await broken.close();
    expect(res.status).toBe(500);
    const body = ApiErrorSchema.parse(res.body);
    expect(body.code).toBe("internal_error");
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts|Error:|pool|pglite|select/i);
  });
});
