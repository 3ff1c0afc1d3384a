// npm run bench:first-load: how long a commissioner waits, on a phone's network with nothing
// cached, from opening a placement request's link to seeing its heading. The app runs as
// `npm start` runs it (the built client, the development environment, live connections) on a
// throwaway database (DATABASE_URL's server, else embedded PGlite) with the North West demo.
// Prints one JSON line.
import { spawnSync } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { createApp } from "../../server/src/app";
import { seedDemo } from "../../server/src/db/seed/demo";
import { parseEnv } from "../../server/src/env";
import { ROOT_DIR } from "../../server/src/paths";
import { createRealtimeServer } from "../../server/src/realtime/server";
import { launchBrowser } from "../e2e/browser";
import { COUNCIL, openShortlistRequest } from "../e2e/live-request-steps";
import { buildSession } from "../factories/sessions";
import { openBenchDatabase, percentile } from "./bench-kit";

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const TARGET_MS = 1500;
const REFERENCE = "MCR-2026-0150";

/**
 * Chrome DevTools' network presets (their figures, with DevTools' own 0.9 and latency factors):
 * "fast-4g" by default, a phone on a good mobile connection; "none" is the loopback as it is.
 */
const NETWORKS = {
  "fast-4g": { latency: 165, downloadThroughput: (9_000_000 * 0.9) / 8, uploadThroughput: (1_500_000 * 0.9) / 8 },
  "slow-4g": { latency: 562.5, downloadThroughput: (1_600_000 * 0.9) / 8, uploadThroughput: (750_000 * 0.9) / 8 },
  none: undefined,
} as const;
const network = (process.env.BENCH_NETWORK ?? "fast-4g") as keyof typeof NETWORKS;
if (!(network in NETWORKS)) throw new Error(`BENCH_NETWORK must be one of ${Object.keys(NETWORKS).join(", ")}`);
/** BENCH_ENCODING=identity asks for nothing compressed: the first load as it was before issue 16. */
const identity = process.env.BENCH_ENCODING === "identity";

// As npm start does: rebuild the client (and its compressed copies) only if a source changed.
// BENCH_BUILD=0 measures the build already there.
if (process.env.BENCH_BUILD !== "0") {
  const script = "await (await import('./scripts/build-steps.mjs')).buildAll();";
  const built = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: ROOT_DIR, stdio: "inherit" });
  if (built.status !== 0) throw new Error("the build failed");
}

const database = await openBenchDatabase();
await seedDemo(database.handle.db);
const server = createServer();
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const parsed = parseEnv({ NODE_ENV: "development", LOG_LEVEL: "silent", PUBLIC_URL: base });
if (!parsed.ok) throw new Error(parsed.problems.join("; "));
const env = parsed.env;
const logger = pino({ level: "silent" });
const { app, live, sessionStore } = await createApp({ env, database: database.handle, logger });
server.on("request", app);
const realtime = await createRealtimeServer(server, { db: database.handle.db, env, logger, store: sessionStore, live });

// A request of the demo council to its child's shortlist, made through the API; then the demo
// commissioner's browser session, as signing in leaves it.
const { db, sql } = database.handle;
const { requestId } = await openShortlistRequest(db, sql, base, REFERENCE);
const page = `${base}/commissioner/requests/${requestId}`;
const [commissioner] = await sql.query<{ id: string }>("SELECT id FROM users WHERE display_name = $1", [`Commissioner, ${COUNCIL}`]);
const [cookieName = "", cookieValue = ""] = (await buildSession(db, env, commissioner!.id)).headers.cookie.split("=");

const browser = await launchBrowser();

/**
 * The page's own clock: milliseconds from the navigation's start (the browser's `performance`
 * time origin, as Web Vitals measure) to the heading's arrival in the page. Measured from
 * outside, around Playwright's goto and wait, the time also holds the new tab's renderer
 * starting and the gaps between Playwright's looks: reported beside it as wall_*.
 * A string, not a function: the bundler's helpers would not exist in the page.
 */
const HEADING_CLOCK = `
  new MutationObserver((_, observer) => {
    const heading = document.querySelector("main h1");
    if (heading && heading.textContent.includes(${JSON.stringify(REFERENCE)})) {
      window.headingAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
`;

/** One visit in a new browser context (nothing cached): milliseconds to the heading (page's clock and wall clock), and bytes over the wire. */
async function firstLoad(): Promise<{ ms: number; wallMs: number; bytes: number }> {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    ...(identity ? { extraHTTPHeaders: { "Accept-Encoding": "identity" } } : {}),
  });
  await context.addCookies([{ name: cookieName, value: cookieValue, url: base }]);
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send("Network.enable");
  const conditions = NETWORKS[network];
  if (conditions) await cdp.send("Network.emulateNetworkConditions", { offline: false, ...conditions });
  let bytes = 0;
  cdp.on("Network.loadingFinished", (event) => (bytes += event.encodedDataLength));
  await tab.addInitScript(HEADING_CLOCK);
  const started = performance.now();
  await tab.goto(page, { waitUntil: "commit" });
  // Not a locator: its first use loads Playwright's injected script into the page, about 150 ms
  // of the page's one main thread while the page itself is starting.
  await tab.waitForFunction(() => (window as unknown as { headingAt?: number }).headingAt !== undefined, undefined, { timeout: 30_000 });
  const wallMs = performance.now() - started;
  const ms = await tab.evaluate(() => (window as unknown as { headingAt: number }).headingAt);
  // BENCH_TRACE=1: each file and API call the page fetched, when it started and ended (ms), to stderr.
  if (process.env.BENCH_TRACE === "1") {
    const entries = await tab.evaluate(() =>
      performance.getEntriesByType("resource").map((e) => {
        const r = e as PerformanceResourceTiming;
        return `${Math.round(r.startTime)}–${Math.round(r.responseEnd)} ${r.transferSize} ${r.name.replace(location.origin, "")}`;
      }),
    );
    console.error(`${Math.round(ms)} ms (${Math.round(wallMs)} ms wall):\n  ${entries.join("\n  ")}`);
  }
  await context.close();
  return { ms, wallMs, bytes };
}

try {
  await firstLoad(); // the server's first answers (JIT, caches) are not what a person waits for
  const runs: { ms: number; wallMs: number; bytes: number }[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await firstLoad());
  const times = runs.map((r) => r.ms).sort((a, b) => a - b);
  const wallTimes = runs.map((r) => r.wallMs).sort((a, b) => a - b);
  const bytes = runs.map((r) => r.bytes).sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      bench: "first-load",
      page: "commissioner's placement request",
      database: database.kind,
      network,
      encoding: identity ? "identity" : "br",
      runs: RUNS,
      p50_ms: Math.round(percentile(times, 50)),
      p95_ms: Math.round(percentile(times, 95)),
      wall_p50_ms: Math.round(percentile(wallTimes, 50)),
      wall_p95_ms: Math.round(percentile(wallTimes, 95)),
      bytes: percentile(bytes, 50),
      target_ms: TARGET_MS,
    }),
  );
} finally {
  await browser.close();
  await realtime.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await database.drop();
}
