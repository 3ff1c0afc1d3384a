// npm run bench:startup: how long `npm start` takes to serve a healthy /api/v1/health on a
// machine that has already built once, with embedded PostgreSQL. First run on an empty data
// folder (migrate + seed), then restarts on the same folder. Prints one JSON line.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { buildAll, ROOT } from "../../scripts/build-steps.mjs";

const RESTARTS = Number(process.env.BENCH_RESTARTS ?? 5);
const PORT = Number(process.env.BENCH_PORT ?? 3931);

async function timeToHealthy(dataDir) {
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, "scripts/start.mjs")], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: "", PORT: String(PORT), DATA_DIR: dataDir, LOG_LEVEL: "warn" },
    stdio: "ignore",
  });
  const exited = new Promise((resolve) => child.on("exit", resolve));
  try {
    for (let i = 0; i < 600; i++) {
      const ok = await fetch(`http://127.0.0.1:${PORT}/api/v1/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("not healthy within 30 s");
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

await buildAll();
const dataDir = mkdtempSync(join(tmpdir(), "px-bench-startup-"));
try {
  const first = await timeToHealthy(dataDir);
  const restarts = [];
  for (let i = 0; i < RESTARTS; i++) restarts.push(await timeToHealthy(dataDir));
  restarts.sort((a, b) => a - b);
  const round = (ms) => Math.round(ms);
  console.log(
    JSON.stringify({
      bench: "startup",
      cpus: cpus().length,
      first_start_ms: round(first),
      restarts: restarts.length,
      restart_p50_ms: round(restarts[Math.floor(restarts.length / 2)]),
      restart_max_ms: round(restarts[restarts.length - 1]),
      target_ms: 10000,
    }),
  );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
