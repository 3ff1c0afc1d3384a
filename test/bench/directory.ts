// npm run bench:directory — 20,000 generated settings; latency of the commissioners' search
// (need + age + near + vacancy) through HTTP. Prints one JSON line. With DATABASE_URL it makes a
// throwaway database on that PostgreSQL server (and drops it); without, embedded PGlite.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus } from "node:os";
import pg from "pg";
import { pino } from "pino";
import { sql } from "drizzle-orm";
import { NEEDS } from "../../shared/src/codes/needs";
import { createApp } from "../../server/src/app";
import { openDatabase, type DbHandle } from "../../server/src/db/client";
import { migrate } from "../../server/src/db/migrate";
import { loadReferenceData } from "../../server/src/db/reference-data";
import { settings } from "../../server/src/db/schema";
import { parseEnv } from "../../server/src/env";
import { createApiToken } from "../../server/src/modules/api-tokens/commands/create-api-token";
import { rowsOf } from "../../server/src/modules/directory/queries";
import { admitProvider } from "../factories/directory";
import { buildOrganisation, buildRegion } from "../factories/organisations";
import { buildUser } from "../factories/users";

const SETTINGS = Number(process.env.BENCH_SETTINGS ?? 20_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 1);
const PROVIDERS = 200;

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (ms: number) => Math.round(ms * 100) / 100;

async function openBenchDatabase(): Promise<{ handle: DbHandle; kind: string; drop(): Promise<void> }> {
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
      // BENCH_KEEP=1 leaves the database for EXPLAIN ANALYZE.
      if (process.env.BENCH_KEEP === "1") console.error(`kept database ${name}`);
      else await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

async function main() {
  const { handle, kind, drop } = await openBenchDatabase();
  try {
    const db = handle.db;
    await migrate(handle);
    await loadReferenceData(db);
    const regionId = (await buildRegion(db)).id;
    const commissioner = await buildUser(db, { role: "commissioner", regionId });
    const { token } = await createApiToken({ db, userId: commissioner.user.id, organisationId: commissioner.user.organisationId, input: { name: "bench", expiresInDays: 1 }, via: "cli" });

    // Settings spread over the North West's postcode districts, as the real directory would be.
    const districts = await rowsOf<{ outcode: string; latitude: number; longitude: number }>(
      db,
      sql`SELECT outcode, latitude, longitude FROM outcodes WHERE outcode ~ '^(M|BL|OL|SK|WA|WN|L|CH|PR|BB|FY|LA|CA|CW)[0-9]'`,
    );
    const providers: string[] = [];
    for (let i = 0; i < PROVIDERS; i++) {
      const id = (await buildOrganisation(db, { kind: "provider", regionId })).id;
      await admitProvider(db, { organisationId: id, regionId, lots: [1, 2, 3] });
      providers.push(id);
    }
    const codes = NEEDS.map((n) => n.code);
    for (let start = 0; start < SETTINGS; start += 1000) {
      const batch = Array.from({ length: Math.min(1000, SETTINGS - start) }, (_, i) => {
        const d = pick(districts);
        const needs = [...new Set([pick(codes), pick(codes), pick(codes)])].slice(0, 1 + Math.floor(Math.random() * 3)).map((code) => ({ code, level: pick(["specialist", "supported"] as const) }));
        const low = Math.floor(Math.random() * 12);
        return {
          organisationId: pick(providers),
          urn: String(100000 + start + i),
          name: `Setting ${start + i}`,
          lotNumbers: [pick([1, 2, 3])],
          ageLow: low,
          ageHigh: low + 4 + Math.floor(Math.random() * 8),
          sexAdmitted: pick(["mixed", "mixed", "boys", "girls"] as const),
          residentialTypes: [pick(["day", "38_week", "52_week"] as const)],
          registeredCapacity: 20,
          vacancies: Math.random() < 0.4 ? Math.floor(Math.random() * 4) : 0,
          needs,
          needCodes: needs.map((n) => n.code),
          addressLine1: "1 Bench Road",
          town: "Benchtown",
          postcode: `${d.outcode} 1AA`,
          outcode: d.outcode,
          latitude: d.latitude + (Math.random() - 0.5) * 0.02,
          longitude: d.longitude + (Math.random() - 0.5) * 0.02,
          description: "Generated for the benchmark.",
          status: Math.random() < 0.9 ? ("published" as const) : ("draft" as const),
        };
      });
      await db.insert(settings).values(batch);
    }
    await db.execute(sql`ANALYZE`);

    const env = parseEnv({ NODE_ENV: "test", LOG_LEVEL: "silent" });
    if (!env.ok) throw new Error(env.problems.join("; "));
    const { app } = await createApp({ env: env.env, database: handle, logger: pino({ level: "silent" }) });
    const server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const query = () => `need=${pick(codes)}&age=${5 + Math.floor(Math.random() * 12)}&near=${pick(districts).outcode}&radiusKm=25&hasVacancy=true&sort=distance`;
    const call = async () => {
      const started = performance.now();
      const res = await fetch(`${base}/api/v1/settings?${query()}`, { headers: { authorization: `Bearer ${token}` } });
      await res.arrayBuffer();
      return { ms: performance.now() - started, ok: res.status === 200 };
    };
    for (let i = 0; i < 50; i++) await call(); // warm-up: JIT, plan cache, connections
    const latencies: number[] = [];
    let errors = 0;
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next++ < REQUESTS) {
          const r = await call();
          latencies.push(r.ms);
          if (!r.ok) errors++;
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    console.log(
      JSON.stringify({
        bench: "directory",
        database: kind,
        cpus: cpus().length,
        settings: SETTINGS,
        requests: latencies.length,
        concurrency: CONCURRENCY,
        p50_ms: round(percentile(latencies, 50)),
        p95_ms: round(percentile(latencies, 95)),
        p99_ms: round(percentile(latencies, 99)),
        errors,
        target_p95_ms: 30,
      }),
    );
  } finally {
    await drop();
  }
}

await main();
