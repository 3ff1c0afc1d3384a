// npm run bench:directory — 20,000 generated settings; latency of the commissioners' search
// (need + age + near + vacancy) through HTTP. Prints one JSON line. With DATABASE_URL it makes a
// throwaway database on that PostgreSQL server (and drops it); without, embedded PGlite.
import { cpus } from "node:os";
import { sql } from "drizzle-orm";
import { NEEDS } from "../../shared/src/codes/needs";
import { settings } from "../../server/src/db/schema";
import { createApiToken } from "../../server/src/modules/api-tokens/commands/create-api-token";
import { admitProvider } from "../factories/directory";
import { buildOrganisation, buildRegion } from "../factories/organisations";
import { buildUser } from "../factories/users";
import { benchAddress, benchNeeds, northWestDistricts, openBenchDatabase, percentile, pick, round, serveApp } from "./bench-kit";

const SETTINGS = Number(process.env.BENCH_SETTINGS ?? 20_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 1);
const PROVIDERS = 200;

async function main() {
  const { handle, kind, drop } = await openBenchDatabase();
  try {
    const db = handle.db;
    const regionId = (await buildRegion(db)).id;
    const commissioner = await buildUser(db, { role: "commissioner", regionId });
    const { token } = await createApiToken({ db, userId: commissioner.user.id, organisationId: commissioner.user.organisationId, input: { name: "bench", expiresInDays: 1 }, via: "cli" });

    // Settings spread over the North West's postcode districts, as the real directory would be.
    const districts = await northWestDistricts(db);
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
          ...benchNeeds(),
          ...benchAddress(d),
          status: Math.random() < 0.9 ? ("published" as const) : ("draft" as const),
        };
      });
      await db.insert(settings).values(batch);
    }
    await db.execute(sql`ANALYZE`);

    const { base, close } = await serveApp(handle);

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
    await close();
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
