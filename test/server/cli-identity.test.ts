import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../server/src/db/client";
import { ROOT_DIR } from "../../server/src/paths";
import { runToExit } from "../setup/spawn-server";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";

const cli = (args: string[], env: Record<string, string>) => runToExit(["--import", "tsx", join(ROOT_DIR, "server/src/cli.ts"), ...args], env);

let dataDir: string;
let serverDb: TestDatabase | undefined;
let dbEnv: Record<string, string>;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "px-cli-identity-"));
  if (process.env.DATABASE_URL) {
    serverDb = await createTestDatabase();
    await serverDb.handle.close();
    dbEnv = { DATABASE_URL: serverDb.url ?? "" };
  } else {
    dbEnv = { DATA_DIR: dataDir };
  }
  expect((await cli(["seed"], dbEnv)).code).toBe(0);
});
afterAll(async () => {
  await serverDb?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("npm run cli -- users list", () => {
  it("should print one JSON line per person with their role and organisation", async () => {
    const { code, stdout } = await cli(["users", "list"], dbEnv);
    expect(code).toBe(0);
    const people = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(people.length).toBeGreaterThan(40);
    expect(people).toContainEqual(
      expect.objectContaining({
        email: "commissioner@manchester-council.example",
        role: "commissioner",
        organisationName: "Manchester Council",
        organisationKind: "council",
        organisationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      }),
    );
  });
});

describe("npm run cli -- token create", () => {
  it("should print a working token for an existing person, store only its hash, and audit it", async () => {
    const { code, stdout } = await cli(["token", "create", "--email", "Commissioner@Manchester-Council.example", "--name", "acceptance"], dbEnv);
    expect(code).toBe(0);
    const token = stdout.trim();
    expect(token).toMatch(/^pxt_[A-Za-z0-9_-]{43}$/);
    const handle = await openDatabase(serverDb ? { databaseUrl: serverDb.url } : { dataDir });
    try {
      const rows = await handle.sql.query<{ id: string; name: string }>("SELECT id, name FROM api_tokens WHERE token_hash = $1", [
        createHash("sha256").update(token).digest("hex"),
      ]);
      expect(rows).toEqual([{ id: expect.any(String), name: "acceptance" }]);
      const audit = await handle.sql.query<{ action: string; details: { via: string } }>("SELECT action, details FROM audit_log WHERE record_id = $1", [
        rows[0]?.id,
      ]);
      expect(audit).toEqual([{ action: "token.create", details: expect.objectContaining({ via: "cli" }) }]);
    } finally {
      await handle.close();
    }
  });

  it("should exit non-zero, saying why, for an unknown address or a missing one", async () => {
    const unknown = await cli(["token", "create", "--email", "nobody@nowhere.example"], dbEnv);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("No active person has the address nobody@nowhere.example");
    const missing = await cli(["token", "create"], dbEnv);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--email");
  });
});
