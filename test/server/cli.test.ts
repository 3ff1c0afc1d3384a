import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EMAIL_TEMPLATES } from "../../server/src/modules/notifications/templates";
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
  it("should print every e-mail template for Notify, each under its NOTIFY_TEMPLATE_ name", async () => {
    const result = await cli(["notify", "templates"], dbEnv);
    expect(result.code).toBe(0);
    for (const name of ["NOTIFY_TEMPLATE_REQUEST_INVITED", "NOTIFY_TEMPLATE_JOIN_INVITATION", "NOTIFY_TEMPLATE_DIGEST"]) {
      expect(result.stdout).toContain(`=== ${name} ===`);
    }
    expect(result.stdout.match(/^=== /gm)).toHaveLength(EMAIL_TEMPLATES.length);
    expect(result.stdout).toContain("((title))");
  });

  it("should list the outbox by status, and refuse an unknown status", async () => {
    // The server database can take a row beside the CLI; the embedded one is the CLI's alone.
    await serverDb?.handle.sql.query(
      "INSERT INTO email_outbox (email_address, template, personalisation, reference, status) VALUES ('held.person@test.example', 'outcome', '{}', 'cli-test-1', 'held')",
    );
    const held = await cli(["outbox", "list", "--status", "held", "--json"], dbEnv);
    expect(held.code).toBe(0);
    expect(JSON.parse(held.stdout)).toEqual(
      serverDb ? [expect.objectContaining({ status: "held", emailAddress: "held.person@test.example", template: "outcome" })] : [],
    );
    const sent = await cli(["outbox", "list", "--status", "sent", "--json"], dbEnv);
    expect(JSON.parse(sent.stdout)).toEqual([]);
    const wrong = await cli(["outbox", "list", "--status", "lost"], dbEnv);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("--status must be one of pending, sent, failed, held");
  });
});
