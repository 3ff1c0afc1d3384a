import request from "supertest";
import { toOpenApiPath } from "../../server/src/http/openapi/document";
import { servedApiRoutes } from "../setup/served-routes";
import { createTestApp, type TestApp } from "../setup/test-app";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
});
afterAll(() => t.close());

describe("GET /api/v1/openapi.json", () => {
  it("should document every API route the server serves", async () => {
    const res = await request(t.app).get("/api/v1/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.1.0");
    const documented = Object.entries(res.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m} ${path}`),
    );
    const served = servedApiRoutes(t.database.handle)
      .map((r) => `${r.method} ${toOpenApiPath(r.path)}`)
      .filter((r) => r.includes(" /api/v1/"));
    expect(served.length).toBeGreaterThan(3);
    for (const route of served) expect(documented).toContain(route);
  });

  it("should describe request bodies from the same schemas the server validates with", async () => {
    const res = await request(t.app).get("/api/v1/openapi.json");
    const body = res.body.paths["/api/v1/service-feedback"].post.requestBody.content["application/json"].schema;
    expect(body.required).toEqual(["rating"]);
    expect(body.additionalProperties).toBe(false);
    expect(body.properties.rating.enum).toContain("very_satisfied");
  });
});

describe("GET /api/docs", () => {
  it("should render the API reference as an HTML page listing each operation", async () => {
    const res = await request(t.app).get("/api/docs");
    expect(res.status).toBe(200);
    expect(res.type).toBe("text/html");
    expect(res.text).toContain("<code>/api/v1/service-feedback</code>");
    expect(res.text).toContain("<code>/api/v1/health</code>");
    expect(res.text).not.toMatch(/<script/i);
  });
});
