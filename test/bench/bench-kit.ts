// What the database benchmarks share: a throwaway database, North West districts, the app on a
// port, and latency percentiles.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import pg from "pg";
import { pino } from "pino";
import { NEEDS } from "@shared/codes/needs";
import { createApp } from "../../server/src/app";
import { type Db, type DbHandle, openDatabase } from "../../server/src/db/client";
import { migrate } from "../../server/src/db/migrate";
import { loadReferenceData } from "../../server/src/db/reference-data";
import { rowsOf } from "../../server/src/db/rows";
import { parseEnv } from "../../server/src/env";

export const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;
export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
export const round = (ms: number) => Math.round(ms * 100) / 100;

/**
 * A migrated database with the reference data. With DATABASE_URL, a database of the benchmark's
 * own on that PostgreSQL server (dropped after, unless BENCH_KEEP=1 keeps it for EXPLAIN
 * ANALYZE); without, embedded PGlite in memory. `driver` "pglite" asks for PGlite even when
 * DATABASE_URL is set (to compare the two in one run).
 */
export async function openBenchDatabase(driver?: BenchDriver): Promise<BenchDatabase> {
  const opened = await openEmpty(driver);
  await migrate(opened.handle);
  await loadReferenceData(opened.handle.db);
  return opened;
}

export type BenchDriver = "postgresql" | "pglite";

/** The drivers a benchmark can run on here: PostgreSQL (with DATABASE_URL) then PGlite, or PGlite alone. */
export const benchDrivers = (): BenchDriver[] => (process.env.DATABASE_URL ? ["postgresql", "pglite"] : ["pglite"]);

/** `url` is the throwaway database's on the PostgreSQL server (none on PGlite). */
type BenchDatabase = { handle: DbHandle; kind: string; url?: string; drop(): Promise<void> };

async function openEmpty(driver?: BenchDriver): Promise<BenchDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url || driver === "pglite") {
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
    url: target.toString(),
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
  const needs = [...new Set([pick(codes), pick(codes), pick(codes)])]
    .slice(0, 1 + Math.floor(Math.random() * 3))
    .map((code) => ({ code, level: pick(["specialist", "supported"] as const) }));
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

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "CTE Name"?: string;
  "Subplan Name"?: string;
  "Actual Total Time"?: number;
  "Actual Loops"?: number;
  Plans?: PlanNode[];
}

/** What a plan node is, as EXPLAIN names it: "Bitmap Index Scan using settings_matching". */
const nodeLabel = (n: PlanNode) =>
  [n["Node Type"], n["Relation Name"] && `on ${n["Relation Name"]}`, n["Index Name"] && `using ${n["Index Name"]}`, n["CTE Name"] && `(${n["CTE Name"]})`]
    .filter(Boolean)
    .join(" ");

/**
 * EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) of statements: planning and execution times (p50,
 * p95) and the plan nodes that took the most time of their own (a node's time times its loops,
 * less its children's; a CTE Scan less the CTE's own plan, which runs as it is read), as mean
 * ms per statement and share of execution. Statements run one after another after the timed
 * part, so explaining does not disturb the latencies.
 */
export async function explainSummary(db: Db, statements: ReturnType<typeof sql>[], top = 4) {
  const planning: number[] = [];
  const execution: number[] = [];
  const own = new Map<string, { ms: number; loops: number }>();
  for (const statement of statements) {
    const [row] = await rowsOf<Record<string, unknown>>(db, sql`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement}`);
    const raw = row ? Object.values(row)[0] : undefined;
    const [explained] = (typeof raw === "string" ? JSON.parse(raw) : raw) as [{ Plan: PlanNode; "Planning Time": number; "Execution Time": number }];
    planning.push(explained["Planning Time"]);
    execution.push(explained["Execution Time"]);
    const timeOf = (n: PlanNode) => (n["Actual Total Time"] ?? 0) * (n["Actual Loops"] ?? 1);
    // A CTE's plan runs as a CTE Scan first reads it: its time is taken off the longest scan.
    const cteTime = new Map<string, number>();
    const cteReader = new Map<string, PlanNode>();
    const collect = (n: PlanNode) => {
      if (n["Subplan Name"]?.startsWith("CTE ")) cteTime.set(n["Subplan Name"].slice(4), timeOf(n));
      const name = n["Node Type"] === "CTE Scan" ? n["CTE Name"] : undefined;
      if (name && timeOf(n) >= timeOf(cteReader.get(name) ?? n)) cteReader.set(name, n);
      n.Plans?.forEach(collect);
    };
    collect(explained.Plan);
    const walk = (n: PlanNode) => {
      const total = timeOf(n);
      let children = (n.Plans ?? []).reduce((sum, c) => sum + timeOf(c), 0);
      if (n["CTE Name"] && cteReader.get(n["CTE Name"]) === n) children += cteTime.get(n["CTE Name"]) ?? 0;
      const label = nodeLabel(n);
      const entry = own.get(label) ?? { ms: 0, loops: 0 };
      entry.ms += Math.max(0, total - children);
      entry.loops += n["Actual Loops"] ?? 1;
      own.set(label, entry);
      n.Plans?.forEach(walk);
    };
    walk(explained.Plan);
  }
  const count = Math.max(1, statements.length);
  const executionTotal = execution.reduce((a, b) => a + b, 0);
  planning.sort((a, b) => a - b);
  execution.sort((a, b) => a - b);
  return {
    statements: statements.length,
    planning_p50_ms: round(percentile(planning, 50)),
    planning_p95_ms: round(percentile(planning, 95)),
    execution_p50_ms: round(percentile(execution, 50)),
    execution_p95_ms: round(percentile(execution, 95)),
    top_nodes: [...own.entries()]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, top)
      .map(([node, { ms, loops }]) => ({
        node,
        ms: round(ms / count),
        share: Math.round((ms / Math.max(executionTotal, 1e-9)) * 100) / 100,
        loops: Math.round((loops / count) * 10) / 10,
      })),
  };
}

/** One statement as the app sent it to node-postgres: its text, parameters and row mode. */
export type SentStatement = { text: string; values?: unknown[]; rowMode?: string };

/**
 * Every statement the app sends to PostgreSQL while `work` runs, as node-postgres receives it
 * (text and parameters, transactions' BEGIN and COMMIT included): every pooled connection goes
 * through pg.Client's query. Run one request at a time, so nothing else is caught.
 */
export async function captureSql(work: () => Promise<unknown>): Promise<SentStatement[]> {
  const sent: SentStatement[] = [];
  const original = pg.Client.prototype.query;
  const recording = function (this: pg.Client, ...args: unknown[]) {
    const [first, second] = args;
    if (typeof first === "string") sent.push({ text: first, ...(Array.isArray(second) ? { values: second } : {}) });
    else if (first && typeof first === "object" && "text" in first) {
      const config = first as { text: string; values?: unknown[]; rowMode?: string };
      sent.push({ text: config.text, values: Array.isArray(second) ? second : config.values, ...(config.rowMode ? { rowMode: config.rowMode } : {}) });
    }
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  };
  pg.Client.prototype.query = recording as typeof original;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = original;
  }
  return sent;
}

/**
 * The floor: each captured request's statements run bare on a pg pool of its own (same
 * database, nothing between), in order on one connection (so a transaction stays one),
 * `concurrency` requests at a time; latency per request, as the HTTP figures are. Inserts (an
 * audited read's audit row) are left out, so the floor is a little lower than the app's SQL.
 */
export async function timeSqlBare(databaseUrl: string, requests: SentStatement[][], concurrency: number): Promise<number[]> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: concurrency });
  // pool.end() resolves once its clients are off its list, before their connections have closed,
  // and the throwaway database is dropped WITH (FORCE) straight after: a connection still closing
  // is then terminated, and its error with no listener took the benchmark's process down (seen
  // once in five runs of bench:matching, after its figures were printed). Nothing is lost by it.
  pool.on("error", () => undefined);
  pool.on("connect", (client) => client.on("error", () => undefined));
  const latencies: number[] = [];
  try {
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        const client = await pool.connect();
        try {
          while (next < requests.length) {
            const statements = requests[next++] as SentStatement[];
            const started = performance.now();
            // Rows as the app asked for them (Drizzle asks for arrays where it maps columns itself).
            // Inserts are not run again: they would add rows twice (the audit log's chain refuses it).
            for (const s of statements.filter((x) => !/^\s*insert\b/i.test(x.text)))
              await (s.rowMode ? client.query({ text: s.text, values: s.values, rowMode: "array" }) : client.query(s.text, s.values));
            latencies.push(performance.now() - started);
          }
        } finally {
          client.release();
        }
      }),
    );
  } finally {
    await pool.end();
  }
  return latencies.sort((a, b) => a - b);
}
