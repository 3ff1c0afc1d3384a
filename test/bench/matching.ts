// npm run bench:matching — 20,000 generated listed settings over the North West's districts;
// (a) rankMatches in process over all of them, (b) GET /api/v1/children/:id/matches through
// HTTP, one client at a time and four at once, against the same requests' SQL run bare through
// node-postgres (`bare_p95_ms`, `ratio_p95`, PostgreSQL only). Prints one JSON line. With DATABASE_URL it makes a throwaway database on that PostgreSQL
// server (and drops it); without, embedded PGlite.
import { cpus, loadavg } from "node:os";
import { sql } from "drizzle-orm";
import { PDS_RISK_CODES } from "@shared/codes/directory";
import { PRICE_BAND_CODES } from "@shared/codes/price-bands";
import { type MatchChild, type MatchSetting, rankMatches } from "@shared/matching";
import type { ChildProfileCreateInput } from "@shared/schemas/children";
import type { Db } from "../../server/src/db/client";
import { settings } from "../../server/src/db/schema";
import { matchingAnswers } from "../../server/src/modules/children/present";
import { readChildRow } from "../../server/src/modules/children/queries";
import { loadActor } from "../../server/src/modules/identity/actor";
import { loadCandidates } from "../../server/src/modules/matching/candidates";
import { matchChildOf } from "../../server/src/modules/matching/service";
import { buildChild } from "../factories/children";
import { admitProvider } from "../factories/directory";
import { buildFramework, testCeiling } from "../factories/frameworks";
import { buildOrganisation, buildRegion } from "../factories/organisations";
import { buildUser } from "../factories/users";
import {
  benchAddress,
  benchNeeds,
  captureSql,
  northWestDistricts,
  openBenchDatabase,
  percentile,
  pick,
  round,
  type SentStatement,
  serveApp,
  timeSqlBare,
} from "./bench-kit";

const SETTINGS = Number(process.env.BENCH_SETTINGS ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
/** Explaining every exclusion answers with all 20,000 settings: measured, but fewer times. */
const EXPLAIN_REQUESTS = Number(process.env.BENCH_EXPLAIN_REQUESTS ?? 20);
/** The API is timed one client at a time and four at once (BENCH_CONCURRENCY="1,4"). */
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? "1,4").split(",").map(Number);
const TARGET_RATIO_P95 = 3;
const PROVIDERS = 100;
const LOTS = [1, 2, 3];
const FEEDBACK_SETTINGS = 500;

/** A few children as councils record them: different needs, ages, lots, districts and risks. */
const CHILDREN: Partial<ChildProfileCreateInput>[] = [
  { birthMonth: "2014-03", sex: "male", homeOutcode: "M14", primaryNeed: "ASD", secondaryNeeds: ["SLCN"], lotNumber: 1, priceBand: "C", maxTravelKm: 40 },
  {
    birthMonth: "2011-06",
    sex: "female",
    homeOutcode: "BB11",
    primaryNeed: "SEMH",
    secondaryNeeds: [],
    lotNumber: 3,
    priceBand: "D",
    maxTravelKm: 80,
    risks: [
      { code: "riskMissing", trajectory: "current" },
      { code: "riskSelfHarm", trajectory: "historic" },
    ],
  },
  { birthMonth: "2017-01", sex: "male", homeOutcode: "L4", primaryNeed: "SLD", secondaryNeeds: ["PD"], lotNumber: 1, priceBand: "B", maxTravelKm: null },
  { birthMonth: "2010-09", sex: "female", homeOutcode: "PR1", primaryNeed: "MLD", secondaryNeeds: ["SEMH"], lotNumber: 2, priceBand: "A", maxTravelKm: 60 },
  { birthMonth: "2019-11", sex: "male", homeOutcode: "CA1", primaryNeed: "PMLD", secondaryNeeds: ["VI", "HI"], lotNumber: 1, priceBand: "E", maxTravelKm: 30 },
];

const time = (work: () => void) => {
  const started = performance.now();
  work();
  return performance.now() - started;
};
const stats = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)) };
};

/** Providers admitted to one to three lots, each with a framework price per band at 60-100% of the ceiling. */
async function buildProviders(db: Db, regionId: string) {
  const providers: { id: string; lots: number[] }[] = [];
  for (let i = 0; i < PROVIDERS; i++) {
    const id = (await buildOrganisation(db, { kind: "provider", regionId })).id;
    const lots = LOTS.filter(() => Math.random() < 0.6);
    if (lots.length === 0) lots.push(pick(LOTS));
    const prices = lots.flatMap((lot) =>
      PRICE_BAND_CODES.filter(() => Math.random() < 0.8).map((band) => ({
        lot,
        band,
        pence: Math.round(testCeiling(lot, band) * (0.6 + Math.random() * 0.4)),
      })),
    );
    await admitProvider(db, { organisationId: id, regionId, lots, prices });
    providers.push({ id, lots });
  }
  return providers;
}

async function buildSettings(db: Db, providers: { id: string; lots: number[] }[]) {
  const districts = await northWestDistricts(db);
  for (let start = 0; start < SETTINGS; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, SETTINGS - start) }, (_, i) => {
      const provider = pick(providers);
      const d = pick(districts);
      const low = Math.floor(Math.random() * 14);
      return {
        organisationId: provider.id,
        urn: String(100000 + start + i),
        name: `Setting ${start + i}`,
        lotNumbers: provider.lots
          .filter(() => Math.random() < 0.7)
          .concat(pick(provider.lots))
          .filter((n, j, all) => all.indexOf(n) === j),
        ageLow: low,
        ageHigh: low + 4 + Math.floor(Math.random() * 8),
        sexAdmitted: pick(["mixed", "mixed", "boys", "girls"] as const),
        registeredCapacity: 20,
        vacancies: Math.random() < 0.4 ? 1 + Math.floor(Math.random() * 3) : 0,
        ...benchNeeds(),
        risksManaged: PDS_RISK_CODES.filter(() => Math.random() < 0.3),
        ofstedGrade: pick([1, 2, 2, 2, 3, 3, 4, null]),
        ...benchAddress(d),
        status: "published" as const,
      };
    });
    await db.insert(settings).values(batch);
  }
}

/** Five approved reviews or more on some settings, so the feedback aggregate has work to do. */
async function buildFeedback(db: Db, regionId: string) {
  const panel = await buildUser(db, { role: "parent_panel", regionId });
  await db.execute(sql`INSERT INTO setting_feedback (setting_id, author_user_id, author_organisation_id, ratings, comment, status)
    SELECT s.id, ${panel.user.id}, ${panel.user.organisationId}, jsonb_build_object('meeting_needs', 1 + floor(random() * 5)::int, 'transitions', 1 + floor(random() * 5)::int), 'Generated.', 'approved'
    FROM (SELECT id FROM settings ORDER BY random() LIMIT ${FEEDBACK_SETTINGS}) s CROSS JOIN generate_series(1, 6)`);
}

async function main() {
  const loadAtStart = loadavg()[0];
  const { handle, kind, url, drop } = await openBenchDatabase();
  try {
    const db = handle.db;
    const regionId = (await buildRegion(db)).id;
    await buildFramework(db, { regionId });
    await buildSettings(db, await buildProviders(db, regionId));
    await buildFeedback(db, regionId);
    const council = await buildOrganisation(db, { kind: "council", regionId });
    const commissioner = await buildUser(db, { role: "commissioner", organisationId: council.id });
    const childIds: string[] = [];
    for (const child of CHILDREN) childIds.push((await buildChild(db, { organisationId: council.id, ...child })).id);
    await db.execute(sql`ANALYZE`);

    // (a) The engine alone, over every listed setting of the region (as explain=excluded loads them).
    const actor = await loadActor(db, commissioner.user.id, "token");
    if (!actor) throw new Error("no actor");
    const inputs: { child: MatchChild; settings: MatchSetting[]; prefiltered: number }[] = [];
    for (const id of childIds) {
      const { row, today } = await readChildRow({ db, actor, id, purpose: "benchmark" });
      const child = await matchChildOf(db, matchingAnswers(row, today), undefined);
      const all = await loadCandidates({ db, regionId, child, prefiltered: false });
      const some = await loadCandidates({ db, regionId, child, prefiltered: true });
      inputs.push({ child, settings: all, prefiltered: some.length });
    }
    const rank = (i: number, explainExcluded: boolean) => {
      const input = inputs[i % inputs.length];
      if (input) rankMatches(input.child, input.settings, { limit: 20, explainExcluded });
    };
    for (let i = 0; i < 20; i++) rank(i, false); // warm-up: JIT
    const rankMs = Array.from({ length: RUNS }, (_, i) => time(() => rank(i, false)));
    const explainMs = Array.from({ length: Math.max(1, Math.floor(RUNS / 4)) }, (_, i) => time(() => rank(i, true)));

    // (b) The API end to end: token check, audited profile read, candidates query, ranking, JSON.
    const { base, close } = await serveApp(handle);
    const call = async (i: number, query = "") => {
      const started = performance.now();
      const res = await fetch(`${base}/api/v1/children/${childIds[i % childIds.length]}/matches${query}`, {
        headers: { authorization: `Bearer ${commissioner.token}` },
      });
      await res.arrayBuffer();
      return { ms: performance.now() - started, ok: res.status === 200 };
    };
    for (let i = 0; i < 20; i++) await call(i); // warm-up: JIT, plan cache, connections
    let errors = 0;
    const timeAt = async (concurrency: number) => {
      const ms: number[] = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < REQUESTS) {
            const r = await call(next++);
            ms.push(r.ms);
            if (!r.ok) errors++;
          }
        }),
      );
      return ms;
    };
    const api: Record<number, number[]> = {};
    for (const concurrency of CONCURRENCY) api[concurrency] = await timeAt(concurrency);
    // The floor: what each child's matches request sends to PostgreSQL (token check, audited
    // profile read, candidates), captured one request at a time, then run bare on a pool.
    const captured: SentStatement[][] = [];
    if (url) for (let i = 0; i < childIds.length; i++) captured.push(await captureSql(() => call(i)));
    const apiExplain: number[] = [];
    for (let i = 0; i < EXPLAIN_REQUESTS; i++) {
      const r = await call(i, "?explain=excluded");
      apiExplain.push(r.ms);
      if (!r.ok) errors++;
    }
    await close();
    const byConcurrency: Record<string, unknown> = {};
    for (const concurrency of CONCURRENCY) {
      const a = stats(api[concurrency] ?? []);
      const bare = url
        ? stats(
            await timeSqlBare(
              url,
              Array.from({ length: REQUESTS }, (_, i) => captured[i % captured.length]!),
              concurrency,
            ),
          )
        : undefined;
      byConcurrency[concurrency] = {
        api_p50_ms: a.p50,
        api_p95_ms: a.p95,
        api_p99_ms: a.p99,
        ...(bare
          ? {
              bare_statements_per_request: round(captured.reduce((n, c) => n + c.length, 0) / Math.max(1, captured.length)),
              bare_p50_ms: bare.p50,
              bare_p95_ms: bare.p95,
              ratio_p95: round(a.p95 / Math.max(bare.p95, 0.01)),
            }
          : {}),
      };
    }

    const [r, e, ae] = [stats(rankMs), stats(explainMs), stats(apiExplain)];
    console.log(
      JSON.stringify({
        bench: "matching",
        driver: kind,
        node: process.version,
        cpus: cpus().length,
        settings: inputs[0]?.settings.length ?? 0,
        children: childIds.length,
        prefiltered_candidates: inputs.map((i) => i.prefiltered),
        rank_runs: rankMs.length,
        rank_p50_ms: r.p50,
        rank_p95_ms: r.p95,
        rank_explain_p50_ms: e.p50,
        rank_explain_p95_ms: e.p95,
        load_average_at_start: round(loadAtStart ?? 0),
        api_requests: REQUESTS,
        api: byConcurrency,
        api_explain_requests: apiExplain.length,
        api_explain_p50_ms: ae.p50,
        api_explain_p95_ms: ae.p95,
        errors,
        target_rank_p95_ms: 15,
        target_api_p95_ms: 60,
        target_ratio_p95: TARGET_RATIO_P95,
      }),
    );
  } finally {
    await drop();
  }
}

await main();
