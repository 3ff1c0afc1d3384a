import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT_DIR } from "../../server/src/paths";
import { runToExit } from "../setup/spawn-server";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";
import { giasCsv, giasRow } from "./gias-csv";

// What `npm run cli -- ...` runs, without npm's own lines around the output.
const cli = (args: string[]) => runToExit(["--import", "tsx", join(ROOT_DIR, "server/src/cli.ts"), ...args], dbEnv);

let dir: string;
let serverDb: TestDatabase | undefined;
let dbEnv: Record<string, string>;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "px-gias-cli-"));
  if (process.env.DATABASE_URL) {
    serverDb = await createTestDatabase();
    dbEnv = { DATABASE_URL: serverDb.url ?? "" };
  } else {
    dbEnv = { DATA_DIR: join(dir, "data") };
  }
  // A region to import into (and, through the demo seed, the North West extract).
  const seeded = await cli(["seed"]);
  if (seeded.code !== 0) throw new Error(`seed failed: ${seeded.stderr}`);
}, 60_000);
afterAll(async () => {
  await serverDb?.drop();
  rmSync(dir, { recursive: true, force: true });
});

function csvFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("npm run cli -- import gias", () => {
  it("should print exactly one JSON object with the counts when given --json", async () => {
    const file = csvFile(
      "good.csv",
      giasCsv([giasRow({ URN: "940001" }), giasRow({ URN: "940002", "TypeOfEstablishment (code)": "11" }), giasRow({ URN: "94X003" })]),
    );
    const result = await cli(["import", "gias", file, "--json"]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split("\n")).toHaveLength(1);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report).sort()).toEqual(["failed", "imported", "skipped", "unchanged", "updated"]);
    expect(report).toEqual({
      imported: 1,
      updated: 0,
      unchanged: 0,
      skipped: { type_not_selected: 1 },
      failed: [{ line: 4, reason: 'URN "94X003" is not 6 digits' }],
    });

    const again = await cli(["import", "gias", file, "--json", "--types", "7,11"]);
    expect(JSON.parse(again.stdout)).toEqual({
      imported: 1,
      updated: 0,
      unchanged: 1,
      skipped: {},
      failed: [{ line: 4, reason: 'URN "94X003" is not 6 digits' }],
    });
  });

  it("should name skipped reasons and failed lines in the human form", async () => {
    const file = csvFile(
      "mixed.csv",
      giasCsv([
        giasRow({ URN: "940010", "EstablishmentStatus (name)": "Closed" }),
        giasRow({ URN: "940011", "Gender (name)": "Unknown" }),
        giasRow({ URN: "940012" }),
      ]),
    );
    const result = await cli(["import", "gias", file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("imported:  1");
    expect(result.stdout).toContain("closed: 1");
    expect(result.stdout).toContain('line 3: Gender (name) "Unknown" is not Mixed, Boys or Girls');
  });

  it("should exit 1 with a message for a file it cannot read", async () => {
    const result = await cli(["import", "gias", join(dir, "missing.csv"), "--json"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`Cannot read ${join(dir, "missing.csv")}`);
  });

  it("should exit 1 for a file that is not a GIAS file", async () => {
    const result = await cli(["import", "gias", csvFile("other.csv", "name,postcode\nSomewhere,M14 5RG\n")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('it has no "URN"');
  });

  it("should exit 2 for bad arguments", async () => {
    for (const args of [[], ["a.csv", "b.csv"], ["a.csv", "--types", "seven"], ["a.csv", "--colour"]]) {
      const result = await cli(["import", "gias", ...args]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("Usage: npm run cli -- import gias");
    }
  });
});
