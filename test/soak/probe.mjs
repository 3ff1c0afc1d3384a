// Loaded into an app node by the soak and the national benchmark (node --import), never by the
// product: every PX_PROBE_MS it writes one line to stderr, "px-probe {json}", with the process's
// memory, its open handles by kind (TCP sockets, timers...) and the event loop's delay p99 since
// the last line. Outside the app, so the numbers cost the product no route and leak nothing.
import { monitorEventLoopDelay } from "node:perf_hooks";

const every = Number(process.env.PX_PROBE_MS ?? 5000);
// After the warm-up (JIT, pools, caches), every interval's delays also go into one histogram,
// so the run's p99 is a real p99 and not a figure made from the intervals' own.
const delay = monitorEventLoopDelay({ resolution: 10 });
const sinceWarmUp = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
let warm = false;
const warmedUp = () => {
  if (!warm) sinceWarmUp.enable();
  warm = true;
};
// The harness says when its warm-up is over (SIGUSR2); else a minute after start.
setTimeout(warmedUp, Number(process.env.PX_PROBE_WARM_UP_MS ?? 60_000)).unref();
process.on("SIGUSR2", warmedUp);

const timer = setInterval(() => {
  const handles = {};
  for (const kind of process.getActiveResourcesInfo()) handles[kind] = (handles[kind] ?? 0) + 1;
  const memory = process.memoryUsage();
  const line = {
    at: Date.now(),
    rss: memory.rss,
    heapUsed: memory.heapUsed,
    external: memory.external,
    handles,
    // Nanoseconds; monitorEventLoopDelay reports at least its resolution when idle.
    loopP99Ms: Math.round(delay.percentile(99) / 1e4) / 100,
    loopMaxMs: Math.round(delay.max / 1e4) / 100,
    loopP99SinceWarmUpMs: warm ? Math.round(sinceWarmUp.percentile(99) / 1e4) / 100 : null,
  };
  delay.reset();
  process.stderr.write(`px-probe ${JSON.stringify(line)}\n`);
}, every);
timer.unref();
