import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../server/src/db/client";
import { spawnServer } from "../setup/spawn-server";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";

// The process-level promises of `npm start`: it serves, shuts down gracefully, and keeps its data.
let dataDir: string;
let serverDb: TestDatabase | undefined;
let dbEnv: Record<string, string>;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "px-lifecycle-"));
  if (process.env.DATABASE_URL) {
    serverDb = await createTestDatabase();
    dbEnv = { DATABASE_URL: serverDb.url ?? "" };
  } else {
    dbEnv = { DATA_DIR: dataDir };
  }
});
afterAll(async () => {
  await serverDb?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts a POST whose body arrives in two parts, so it is still in flight when we signal. */
function slowFeedbackPost(url: string, comments: string) {
  const body = JSON.stringify({ rating: "satisfied", comments });
  const req = httpRequest(`${url}/api/v1/service-feedback`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) },
  });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on("response", (res) => {
      let text = "";
      res.on("data", (d: Buffer) => (text += d.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
  });
  const half = Math.floor(body.length / 2);
  req.write(body.slice(0, half));
  return { response, finish: () => req.end(body.slice(half)) };
}

describe("Starting, stopping and restarting the server", () => {
  it("should serve, finish an in-flight request on SIGTERM, exit 0, and keep its data across a restart", async () => {
    const first = await spawnServer({ ...dbEnv, SEED_DEMO: "true" });
    const health = await fetch(`${first.url}/api/v1/health`);
    expect(health.status).toBe(200);
    expect(first.output.join("\n")).toContain("seeded the North West demo region");
    const regionsBefore = (await (await fetch(`${first.url}/api/v1/regions`)).json()) as { data: { id: string }[] };

    const inFlight = slowFeedbackPost(first.url, "sent while the server was stopping");
    await new Promise((r) => setTimeout(r, 200));
    const signalledAt = Date.now();
    first.child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 300));
    inFlight.finish();
    const answer = await inFlight.response;
    expect(answer.status).toBe(201);
    expect(await first.exited).toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(10_000);

    const second = await spawnServer({ ...dbEnv, SEED_DEMO: "true" });
    const regionsAfter = (await (await fetch(`${second.url}/api/v1/regions`)).json()) as { data: { id: string }[] };
    expect(regionsAfter.data.map((r) => r.id)).toEqual(regionsBefore.data.map((r) => r.id));
    expect(second.output.join("\n")).not.toContain("seeded the North West demo region");
    second.child.kill("SIGINT");
    expect(await second.exited).toBe(0);

    const stored = await openDatabase(serverDb ? { databaseUrl: serverDb.url } : { dataDir });
    const rows = await stored.sql.query<{ comments: string }>("SELECT comments FROM service_feedback");
    await stored.close();
    expect(rows).toEqual([{ comments: "sent while the server was stopping" }]);
  });

  it("should refuse to open an embedded data folder another running server holds", async () => {
    const folder = mkdtempSync(join(tmpdir(), "px-lock-"));
    const holder = await spawnServer({ DATA_DIR: folder, SEED_DEMO: "false" });
    try {
      await expect(spawnServer({ DATA_DIR: folder, SEED_DEMO: "false" }, 15_000)).rejects.toThrow(/in use by process \d+/);
    } finally {
      holder.child.kill("SIGTERM");
      await holder.exited;
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
