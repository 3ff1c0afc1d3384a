// npm run bench:insights — 100,000 synthetic placements (npm run cli -- seed insights) on a fresh
// PostgreSQL database (DATABASE_URL's server, else postgres://postgres@127.0.0.1:5432/postgres;
// dropped after), then GET /api/v1/insights/placements with random filters (period of award, lot,
// council, high-risk only) through HTTP, as a hub member and as a commissioner; then the lag from
// a new review being submitted to the JSON's factsAsOf passing it, with the facts refresher
// running as on every node. Prints one JSON line.
import { cpus } from "node:os";
import { sql } from "drizzle-orm";
import { rowsOf } from "../../server/src/db/rows";
import { seedDemo } from "../../server/src/db/seed/demo";
import { seedInsightsHistory } from "../../server/src/db/seed/insights-history";
import { refreshAllInsightsFacts } from "../../server/src/modules/insights/facts/refresh";
import { startInsightsRefresher } from "../../server/src/modules/insights/facts/refresher";
import { buildUser } from "../factories/users";
import { openBenchDatabase, percentile, pick, round, serveApp } from "./bench-kit";

process.env.DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/postgres";
const PLACEMENTS = Number(process.env.BENCH_PLACEMENTS ?? 100_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const WARM_UP = 20;
const LAG_SAMPLES = Number(process.env.BENCH_LAG_SAMPLES ?? 3);

const month = (monthsAgo: number) => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - monthsAgo);
  return d.toISOString().slice(0, 7);
};

/** A random filter: each part present about half the time, as people narrow the figures down. */
function randomFilter(councils: string[]): string {
  const q = new URLSearchParams();
  if (Math.random() < 0.5) {
    const from = Math.floor(Math.random() * 36);
    q.set("from", month(from));
    q.set("to", month(Math.max(0, from - 1 - Math.floor(Math.random() * 12))));
  }
  if (Math.random() < 0.5) q.set("lot", String(1 + Math.floor(Math.random() * 7)));
  if (councils.length > 0 && Math.random() < 0.5) q.set("council", pick(councils));
  if (Math.random() < 0.3) q.set("highRisk", "only");
  return q.toString();
}

async function main() {
  const { handle, kind, drop } = await openBenchDatabase("postgresql");
  try {
    const db = handle.db;
    const { regionId } = await seedDemo(db);
    let started = performance.now();
    await seedInsightsHistory(db, { regionId, placements: PLACEMENTS });
    await db.execute(sql`ANALYZE`);
    const seedSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    await refreshAllInsightsFacts(db);
    const factsSeconds = (performance.now() - started) / 1000;

    const [hub] = await rowsOf<{ id: string }>(db, sql`SELECT id FROM organisations WHERE region_id = ${regionId} AND kind = 'regional_hub'`);
    const councils = (await rowsOf<{ id: string }>(db, sql`SELECT id FROM organisations WHERE region_id = ${regionId} AND kind = 'council' ORDER BY name`)).map(
      (c) => c.id,
    );
    const council = councils[0]!;
    const hubMember = await buildUser(db, { role: "regional_admin", organisationId: hub!.id });
    const commissioner = await buildUser(db, { role: "commissioner", organisationId: council });
    const callers = [
      { who: "hub", auth: hubMember.auth, councils },
      { who: "commissioner", auth: commissioner.auth, councils: [council] },
    ];

    const { base, close } = await serveApp(handle);
    const call = async (auth: Record<string, string>, query: string) => {
      const at = performance.now();
      const res = await fetch(`${base}/api/v1/insights/placements?${query}`, { headers: auth });
      const body = (await res.json()) as { data?: { placements: unknown; factsAsOf: string | null } };
      return { ms: performance.now() - at, status: res.status, body };
    };
    try {
      for (let i = 0; i < WARM_UP; i++) for (const c of callers) await call(c.auth, randomFilter(c.councils));
      const latencies: Record<string, number[]> = { hub: [], commissioner: [] };
      let errors = 0;
      for (let i = 0; i < REQUESTS; i++) {
        const caller = callers[i % 2]!;
        const r = await call(caller.auth, randomFilter(caller.councils));
        latencies[caller.who]!.push(r.ms);
        if (r.status !== 200) errors++;
      }
      const all = [...latencies.hub!, ...latencies.commissioner!].sort((a, b) => a - b);
      const summary = (xs: number[]) => {
        const s = [...xs].sort((a, b) => a - b);
        return { p50_ms: round(percentile(s, 50)), p95_ms: round(percentile(s, 95)), p99_ms: round(percentile(s, 99)) };
      };

      // The lag: a review submitted now, until the figures say they are as of a moment after it.
      const refresher = startInsightsRefresher({ db, logger: { debug() {}, warn: console.error } as never });
      const lags: number[] = [];
      try {
        for (let i = 0; i < LAG_SAMPLES; i++) {
          const [placement] = await rowsOf<{ id: string; council_id: string }>(
            db,
            sql`SELECT id, council_id FROM placements WHERE start_date < current_date - 60 ORDER BY random() LIMIT 1`,
          );
          const [written] = await rowsOf<{ at: string }>(
            db,
            sql`INSERT INTO outcome_reviews (placement_id, council_id, kind, status, review_date, incidents, submitted_at)
                VALUES (${placement!.id}, ${placement!.council_id}, 'review', 'submitted', current_date, '{"exclusions": 1}', now())
                RETURNING to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at`,
          );
          const at = performance.now();
          const writtenAt = Date.parse(written!.at);
          for (;;) {
            const r = await call(hubMember.auth, "");
            const asOf = r.body.data?.factsAsOf;
            if (asOf && Date.parse(asOf) >= writtenAt) break;
            if (performance.now() - at > 120_000) throw new Error("the new review did not show within 2 minutes");
            await new Promise((resolve) => setTimeout(resolve, 250));
          }
          lags.push(performance.now() - at);
        }
      } finally {
        await refresher.stop();
      }

      console.log(
        JSON.stringify({
          bench: "insights",
          node: process.version,
          cpus: cpus().length,
          database: kind,
          placements: PLACEMENTS,
          requests: REQUESTS,
          ...summary(all),
          hub: summary(latencies.hub!),
          commissioner: summary(latencies.commissioner!),
          errors,
          target_p95_ms: 200,
          seed_s: round(seedSeconds),
          facts_s: round(factsSeconds),
          refresh_lag_ms: { max: round(Math.max(...lags)), samples: lags.map(round) },
          target_lag_ms: 60_000,
        }),
      );
    } finally {
      await close();
    }
  } finally {
    await drop();
  }
}

await main();
