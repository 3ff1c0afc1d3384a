import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DbHandle, openDatabase } from "../../server/src/db/client";
import { migrate } from "../../server/src/db/migrate";
import { recordAudit } from "../../server/src/modules/audit/record-audit";
import { ROOT_DIR } from "../../server/src/paths";
import { runToExit } from "../setup/spawn-server";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";

const cli = (args: string[], env: Record<string, string>) => runToExit(["--import", "tsx", join(ROOT_DIR, "server/src/cli.ts"), ...args], env);

let dataDir: string;
let serverDb: TestDatabase | undefined;
let dbEnv: Record<string, string>;

/**
 * Runs fn on the test database. PGlite lets one process at a time use a data folder, so there
 * the handle is opened for fn and closed again before the CLI runs.
 */
async function withTestDb(fn: (handle: DbHandle) => Promise<void>): Promise<void> {
  if (serverDb) return fn(serverDb.handle);
  const handle = await openDatabase({ dataDir });
  try {
    await fn(handle);
  } finally {
    await handle.close();
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "px-audit-cli-"));
  if (process.env.DATABASE_URL) {
    serverDb = await createTestDatabase();
    dbEnv = { DATABASE_URL: serverDb.url ?? "" };
  } else {
    dbEnv = { DATA_DIR: dataDir };
  }
  await withTestDb(async (handle) => {
    await migrate(handle);
    for (const recordId of ["a", "b", "c"]) await recordAudit(handle.db, { action: "organisation.create", recordType: "organisation", recordId });
  });
});
afterAll(async () => {
  await serverDb?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("npm run cli -- audit verify", () => {
  it("should print one JSON line and exit 0 for an intact chain", async () => {
    const result = await cli(["audit", "verify"], dbEnv);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('{"ok":true,"rows":3}\n');
  });

  it("should exit 1 naming the first broken row after tampering", async () => {
    await withTestDb((handle) =>
      handle.sql.execInTransaction(
        `ALTER TABLE audit_log DISABLE TRIGGER USER;
         UPDATE audit_log SET record_id = 'z' WHERE seq = 2;
         ALTER TABLE audit_log ENABLE TRIGGER USER;`,
        async () => {},
      ),
    );
    const result = await cli(["audit", "verify"], dbEnv);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({ ok: false, rows: 1, firstBrokenSeq: 2, reason: "hash does not match the row's contents" });
    expect(result.stderr).toContain("The audit log is broken at row 2: hash does not match the row's contents");
  });
});
