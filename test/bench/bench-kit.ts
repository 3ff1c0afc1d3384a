// What the database benchmarks share: a throwaway database, North West districts, the app on a
// port, and latency percentiles.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import pg from "pg";
import { NEEDS } from "../../shared/src/codes/needs";
import { pino } from "pino";
import { createApp } from "../../server/src/app";
import { openDatabase, type Db, type DbHandle } from "../../server/src/db/client";
import { migrate } from "../../server/src/db/migrate";
import { loadReferenceData } from "../../server/src/db/reference-data";
import { parseEnv } from "../../server/src/env";
import { rowsOf } from "../../server/src/modules/directory/queries";

export const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;
export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
export const round = (ms: number) => Math.round(ms * 100) / 100;

/**
 * A migrated database with the reference data. With DATABASE_URL, a database of the benchmark's
 * own on that PostgreSQL server (dropped after, unless BENCH_KEEP=1 keeps it for EXPLAIN
 * ANALYZE); without, embedded PGlite in memory.
 */
export async function openBenchDatabase(): Promise<{ handle: DbHandle; kind: string; drop(): Promise<void> }> {
  const opened = await openEmpty();
  await migrate(opened.handle);
  await loadReferenceData(opened.handle.db);
  return opened;
}

async function openEmpty(): Promise<{ handle: DbHandle; kind: string; drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const handle = await openDatabase({});
    return { handle, kind: "pglite", drop: () => handle.close() };
  }
  const name = `px_bench_${process.pid}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: target.toString(), poolSize: 10 });
  return {
    handle,
    kind: "postgresql",
    async drop() {
      await handle.close();
      if (process.env.BENCH_KEEP === "1") console.error(`kept database ${name}`);
      else await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** The North West's postcode districts, to spread generated settings as the real directory would be. */
export function northWestDistricts(db: Db) {
  return rowsOf<{ outcode: string; latitude: number; longitude: number }>(
    db,
    sql`SELECT outcode, latitude, longitude FROM outcodes WHERE outcode ~ '^(M|BL|OL|SK|WA|WN|L|CH|PR|BB|FY|LA|CA|CW)[0-9]'`,
  );
}

type District = Awaited<ReturnType<typeof northWestDistricts>>[number];

/** A generated setting's address and place: somewhere in the district, about a kilometre from its centre. */
export const benchAddress = (d: District) => ({
  addressLine1: "1 Bench Road",
  town: "Benchtown",
  postcode: `${d.outcode} 1AA`,
  outcode: d.outcode,
  latitude: d.latitude + (Math.random() - 0.5) * 0.02,
  longitude: d.longitude + (Math.random() - 0.5) * 0.02,
  description: "Generated for the benchmark.",
});

/** One to three SEN2 needs, each specialist or supported, with need_codes to match. */
export function benchNeeds() {
  const codes = NEEDS.map((n) => n.code);
  const needs = [...new Set([pick(codes), pick(codes), pick(codes)])].slice(0, 1 + Math.floor(Math.random() * 3)).map((code) => ({ code, level: pick(["specialist", "supported"] as const) }));
  return { needs, needCodes: needs.map((n) => n.code) };
}

/** The real app listening on a free local port, as a client would reach it. */
export async function serveApp(handle: DbHandle): Promise<{ base: string; close(): Promise<void> }> {
  const env = parseEnv({ NODE_ENV: "test", LOG_LEVEL: "silent" });
  if (!env.ok) throw new Error(env.problems.join("; "));
  const { app } = await createApp({ env: env.env, database: handle, logger: pino({ level: "silent" }) });
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
