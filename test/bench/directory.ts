// npm run bench:directory — 20,000 generated settings; latency of the commissioners' search
// (need + age + near + vacancy, sorted by distance) through HTTP, then EXPLAIN ANALYZE of the
// same searches: which plan nodes take the time. With DATABASE_URL it runs on a throwaway
// database on that PostgreSQL server (dropped after) and then on embedded PGlite, with the same
// settings and the same searches, so a gap between the drivers shows at once; without, PGlite
// alone. Each driver is timed one client at a time and four at once; on PostgreSQL the same
// searches' SQL (as node-postgres received it) also runs bare on a pool: `bare_p95_ms`,
// `ratio_p95`. Prints one JSON line.
import { cpus, loadavg } from "node:os";
import { sql } from "drizzle-orm";
import { NEEDS } from "@shared/codes/needs";
import { SettingSearchQuerySchema } from "@shared/schemas/settings";
import { settings } from "../../server/src/db/schema";
import { createApiToken } from "../../server/src/modules/api-tokens/commands/create-api-token";
import { districtCentre, searchSql } from "../../server/src/modules/directory/search";
import { admitProvider } from "../factories/directory";
import { buildOrganisation, buildRegion } from "../factories/organisations";
import { buildUser } from "../factories/users";
import {
  benchAddress,
  type BenchDriver,
  benchDrivers,
  benchNeeds,
  captureSql,
  explainSummary,
  northWestDistricts,
  openBenchDatabase,
  percentile,
  pick,
  round,
  serveApp,
  timeSqlBare,
} from "./bench-kit";

const SETTINGS = Number(process.env.BENCH_SETTINGS ?? 20_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2_000);
/** Each run is timed one client at a time and four at once (BENCH_CONCURRENCY="1,4"). */
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? "1,4").split(",").map(Number);
/** How many of the searches are captured and run bare through the driver (PostgreSQL only). */
const BARE = Number(process.env.BENCH_BARE ?? 500);
const TARGET_RATIO_P95 = 3;
/** How many of the searches are explained (EXPLAIN ANALYZE) after the timed run. */
const EXPLAINED = Number(process.env.BENCH_EXPLAIN ?? 50);
const WARM_UP = 50;
const PROVIDERS = 200;

type District = Awaited<ReturnType<typeof northWestDistricts>>[number];

/** The settings (each naming its provider by number) and the searches, made once for every driver. */
function workload(districts: District[]) {
  const codes = NEEDS.map((n) => n.code);
  const rows = Array.from({ length: SETTINGS }, (_, i) => {
    const low = Math.floor(Math.random() * 12);
    return {
      provider: Math.floor(Math.random() * PROVIDERS),
      urn: String(100000 + i),
      name: `Setting ${i}`,
      lotNumbers: [pick([1, 2, 3])],
      ageLow: low,
      ageHigh: low + 4 + Math.floor(Math.random() * 8),
      sexAdmitted: pick(["mixed", "mixed", "boys", "girls"] as const),
      residentialTypes: [pick(["day", "38_week", "52_week"] as const)],
      registeredCapacity: 20,
      vacancies: Math.random() < 0.4 ? Math.floor(Math.random() * 4) : 0,
      ...benchNeeds(),
      ...benchAddress(pick(districts)),
      status: Math.random() < 0.9 ? ("published" as const) : ("draft" as const),
    };
  });
  const queries = Array.from(
    { length: WARM_UP + REQUESTS },
    () => `need=${pick(codes)}&age=${5 + Math.floor(Math.random() * 12)}&near=${pick(districts).outcode}&radiusKm=25&hasVacancy=true&sort=distance`,
  );
  return { rows, queries };
}

async function run(driver: BenchDriver, plan: (districts: District[]) => ReturnType<typeof workload>) {
  const { handle, kind, url, drop } = await openBenchDatabase(driver);
  try {
    const db = handle.db;
    const regionId = (await buildRegion(db)).id;
    const commissioner = await buildUser(db, { role: "commissioner", regionId });
    const { token } = await createApiToken({
      db,
      userId: commissioner.user.id,
      organisationId: commissioner.user.organisationId,
      input: { name: "bench", expiresInDays: 1 },
      via: "cli",
    });

    // Settings spread over the North West's postcode districts, as the real directory would be.
    const { rows, queries } = plan(await northWestDistricts(db));
    const providers: string[] = [];
    for (let i = 0; i < PROVIDERS; i++) {
      const id = (await buildOrganisation(db, { kind: "provider", regionId })).id;
      await admitProvider(db, { organisationId: id, regionId, lots: [1, 2, 3] });
      providers.push(id);
    }
    for (let start = 0; start < rows.length; start += 1000) {
      const batch = rows.slice(start, start + 1000).map(({ provider, ...row }) => ({ ...row, organisationId: providers[provider] as string }));
      await db.insert(settings).values(batch);
    }
    await db.execute(sql`ANALYZE`);

    const { base, close } = await serveApp(handle);
    const call = async (query: string) => {
      const started = performance.now();
      const res = await fetch(`${base}/api/v1/settings?${query}`, { headers: { authorization: `Bearer ${token}` } });
      await res.arrayBuffer();
      return { ms: performance.now() - started, ok: res.status === 200 };
    };
    for (const query of queries.slice(0, WARM_UP)) await call(query); // warm-up: JIT, plan cache, connections
    const timed = queries.slice(WARM_UP);
    const timeAt = async (concurrency: number) => {
      const latencies: number[] = [];
      let errors = 0;
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < timed.length) {
            const r = await call(timed[next++] as string);
            latencies.push(r.ms);
            if (!r.ok) errors++;
          }
        }),
      );
      return { latencies: latencies.sort((a, b) => a - b), errors };
    };
    const http = [];
    for (const concurrency of CONCURRENCY) http.push({ concurrency, ...(await timeAt(concurrency)) });
    // The floor: what the same searches send to PostgreSQL (the token check and the search, as
    // node-postgres received them), captured one request at a time, then run bare on a pool.
    const captured = [];
    if (url) for (const query of timed.slice(0, BARE)) captured.push(await captureSql(() => call(query)));
    await close();
    const byConcurrency: Record<string, unknown> = {};
    for (const { concurrency, latencies, errors } of http) {
      const p95 = percentile(latencies, 95);
      const bare = url ? await timeSqlBare(url, captured, concurrency) : [];
      byConcurrency[concurrency] = {
        p50_ms: round(percentile(latencies, 50)),
        p95_ms: round(p95),
        p99_ms: round(percentile(latencies, 99)),
        errors,
        ...(url
          ? {
              bare_statements_per_request: round(captured.reduce((n, c) => n + c.length, 0) / Math.max(1, captured.length)),
              bare_p50_ms: round(percentile(bare, 50)),
              bare_p95_ms: round(percentile(bare, 95)),
              ratio_p95: round(p95 / Math.max(percentile(bare, 95), 0.01)),
            }
          : {}),
      };
    }

    // The same statements the API ran for the first searches, explained one after another.
    const statements = [];
    for (const query of timed.slice(0, EXPLAINED)) {
      const parsed = SettingSearchQuerySchema.parse(Object.fromEntries(new URLSearchParams(query)));
      const centre = parsed.near ? await districtCentre(db, parsed.near) : undefined;
      statements.push(searchSql({ regionId, query: parsed, centre }));
    }
    const explain = await explainSummary(db, statements);
    return { database: kind, concurrency: byConcurrency, explain };
  } finally {
    await drop();
  }
}

async function main() {
  const loadAtStart = loadavg()[0];
  let made: ReturnType<typeof workload> | undefined;
  const plan = (districts: District[]) => (made ??= workload(districts)); // outcodes are the same reference data on every driver
  const results: Record<string, Awaited<ReturnType<typeof run>>> = {};
  for (const driver of benchDrivers()) results[driver] = await run(driver, plan);
  console.log(
    JSON.stringify({
      bench: "directory",
      node: process.version,
      cpus: cpus().length,
      settings: SETTINGS,
      requests: REQUESTS,
      load_average_at_start: round(loadAtStart ?? 0),
      target_p95_ms: 30,
      target_ratio_p95: TARGET_RATIO_P95,
      ...results,
    }),
  );
}

await main();
