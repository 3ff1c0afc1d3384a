import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { MIGRATIONS_DIR } from "../paths";
import type { DbHandle } from "./client";

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Applies server/src/db/migrations/NNNN_name.sql in order, each in its own transaction, recording
 * each in schema_migrations. Safe to run on every start and from several nodes at once.
 */
export async function migrate(handle: DbHandle, dir: string = MIGRATIONS_DIR): Promise<MigrationResult> {
  const files = readdirSync(dir)
    .filter((name) => /^\d{4}_[a-z0-9_]+\.sql$/.test(name))
    .sort();
  return handle.sql.withMigrationLock(async () => {
    await handle.sql.query("CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
    const done = new Set((await handle.sql.query<{ name: string }>("SELECT name FROM schema_migrations")).map((row) => row.name));
    const applied: string[] = [];
    for (const file of files) {
      if (done.has(file)) continue;
      const script = readFileSync(join(dir, file), "utf8");
      await handle.sql.execInTransaction(script, async (tx) => {
        await tx.query("INSERT INTO schema_migrations (name) VALUES ($1)", [file]);
      });
      applied.push(file);
    }
    return { applied, alreadyApplied: done.size };
  });
}
