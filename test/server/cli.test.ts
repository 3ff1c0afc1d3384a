import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT_DIR } from "../../server/src/paths";
import { runToExit } from "../setup/spawn-server";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";

const cli = (args: string[], env: Record<string, string>) => runToExit(["--import", "tsx", join(ROOT_DIR, "server/src/cli.ts"), ...args], env);

let dataDir: string;
let serverDb: TestDatabase | undefined;
let dbEnv: Record<string, string>;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "px-cli-"));
  if (process.env.DATABASE_URL) {
    // A database with no tables yet, so `migrate` has everything to do.
    serverDb = await createTestDatabase();
    await serverDb.handle.sql.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
    dbEnv = { DATABASE_URL: serverDb.url ?? "" };
  } else {
    dbEnv = { DATA_DIR: dataDir };
  }
});
afterAll(async () => {
  await serverDb?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("npm run cli", () => {
  it("should migrate a new database, then find nothing left to apply", async () => {
    const first = await cli(["migrate"], dbEnv);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).applied).toContain("0001_foundation.sql");
    const second = await cli(["migrate"], dbEnv);
    expect(JSON.parse(second.stdout)).toMatchObject({ applied: [] });
  });

  it("should seed the demo region once", async () => {
    const first = await cli(["seed"], dbEnv);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ seeded: true });
    const second = await cli(["seed"], dbEnv);
    expect(JSON.parse(second.stdout)).toMatchObject({ seeded: false, regionId: JSON.parse(first.stdout).regionId });
  });

  it("should exit 2 and list the commands for an unknown one", async () => {
    const result = await cli(["frobnicate"], dbEnv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown command "frobnicate"');
    expect(result.stderr).toContain("migrate");
  });
});
