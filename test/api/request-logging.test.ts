import { Writable } from "node:stream";
import { pino } from "pino";
import request from "supertest";
import { createTestApp, type TestApp } from "../setup/test-app";

const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line));
    done();
  },
});

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: false, logger: pino({ level: "info" }, sink) });
});
afterAll(() => t.close());

describe("Request logs", () => {
  it("should put the request id on every line and never log bodies, query strings or credentials", async () => {
    await request(t.app)
      .post("/api/v1/service-feedback?ref=REF-SECRET-QUERY")
      .set("Authorization", "Bearer TOKEN-SECRET")
      .set("Cookie", "px.sid=COOKIE-SECRET")
      .set("X-Request-Id", "log-test-000001")
      .send({ rating: "satisfied", comments: "BODY-SECRET text" });
    await request(t.app).post("/api/v1/service-feedback").set("X-Request-Id", "log-test-000002").send({ rating: "nope" });
    const ours = lines.filter((l) => l.reqId === "log-test-000001" || l.reqId === "log-test-000002");
    expect(ours.length).toBeGreaterThanOrEqual(2);
    expect(lines.every((l) => typeof l.reqId === "string")).toBe(true);
    const text = JSON.stringify(lines);
    for (const secret of ["BODY-SECRET", "REF-SECRET-QUERY", "TOKEN-SECRET", "COOKIE-SECRET"]) expect(text).not.toContain(secret);
    // The made-up bearer token is refused (401): what matters is that none of it reached the log.
    expect(ours.find((l) => l.reqId === "log-test-000001")).toMatchObject({
      req: { method: "POST", path: "/api/v1/service-feedback" },
      res: { statusCode: 401 },
    });
  });
});
