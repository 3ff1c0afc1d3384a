import { readdirSync, readFileSync } from "node:fs";
import { type IntervalHistogram, monitorEventLoopDelay } from "node:perf_hooks";
import { round } from "./bench-kit";
import { trackLateness } from "./forked";

// Where a benchmark's cores went: on a machine whose load generator, app nodes and database share
// the same few cores, a slow figure may be the measuring process's own queue rather than the
// app's. Linux's /proc only; elsewhere the shares are left out (null).

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux we run on

/** A process's CPU time so far in seconds (user + system), or undefined once it has gone. */
function cpuSecondsOf(pid: number): number | undefined {
  try {
    // The command name may hold spaces: fields are counted from after its closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

function pidsNamed(name: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() === name) pids.push(Number(entry));
    } catch {
      // gone between the listing and the read
    }
  }
  return pids;
}

/** The whole machine's busy CPU seconds so far (every process, short-lived ones included), if known. */
function machineBusySeconds(): number | undefined {
  try {
    const [user, nice, system, , , irq, softirq, steal] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    return ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

type Groups = Record<string, () => number[]>;

/** CPU seconds the processes used between two snapshots: one started since counts from its start, one ended since not at all. */
const usedBetween = (pids: number[], before: Map<number, number>, after: Map<number, number>) =>
  round(pids.reduce((n, pid) => n + (after.has(pid) ? Math.max(0, after.get(pid)! - (before.get(pid) ?? 0)) : 0), 0));

/**
 * Starts counting: CPU seconds per group of processes (this process is `bench`), and this
 * process's event-loop delay (its sockets' arrival times are taken on that loop).
 */
export function startCpuShares(groups: Groups) {
  const available = cpuSecondsOf(process.pid) !== undefined;
  const snapshot = () => {
    const at = new Map<number, number>();
    for (const pid of Object.values(groups).flatMap((g) => g())) {
      const s = cpuSecondsOf(pid);
      if (s !== undefined) at.set(pid, s);
    }
    return at;
  };
  const before = snapshot();
  const machineBefore = machineBusySeconds();
  const bench = process.cpuUsage();
  const startedAt = performance.now();
  const loop: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const perSecond = everySecond(groups, snapshot);
  return {
    /**
     * Each second's CPU seconds per group (this process's included) and this loop's longest
     * delay in it, from `zero`: which part took the cores, moment by moment (a killed node's).
     */
    bySecond: (zero: number) => perSecond.since(zero),
    /** CPU seconds used per group since the start, the seconds elapsed, and the loop's delay. */
    stop() {
      perSecond.stop();
      loop.disable();
      const seconds = (performance.now() - startedAt) / 1000;
      const used = process.cpuUsage(bench);
      const after = snapshot();
      const machineAfter = machineBusySeconds();
      const cpu: Record<string, number | null> = { bench: round((used.user + used.system) / 1e6) };
      for (const [group, pids] of Object.entries(groups)) {
        // A process started since (a new database connection) counts from its start; one that has
        // ended (a killed node) is not counted.
        cpu[group] = available ? usedBetween(pids(), before, after) : null;
      }
      // Everything busy, processes that came and went during the phase included (autovacuum).
      cpu.machine = machineBefore !== undefined && machineAfter !== undefined ? round(machineAfter - machineBefore) : null;
      return {
        elapsed_s: round(seconds),
        cpu_s: cpu,
        bench_loop_delay_p50_ms: round(loop.percentile(50) / 1e6),
        bench_loop_delay_p99_ms: round(loop.percentile(99) / 1e6),
      };
    },
  };
}

/** Each second: [second from zero, then CPU seconds per group and this process's, then the loop's longest delay in ms]. */
function everySecond(groups: Groups, snapshot: () => Map<number, number>) {
  const rows: { at: number; cpu: number[]; loopMaxMs: number }[] = [];
  let before = snapshot();
  let bench = process.cpuUsage();
  const lateness = trackLateness();
  let counted = 0;
  const seconds = setInterval(() => {
    const after = snapshot();
    const used = process.cpuUsage(bench);
    const cpu = Object.values(groups).map((pids) => usedBetween(pids(), before, after));
    const loopMaxMs = Math.round(Math.max(0, ...lateness.samples.slice(counted).map(([, ms]) => ms)));
    counted = lateness.samples.length;
    rows.push({ at: performance.now(), cpu: [...cpu, round((used.user + used.system) / 1e6)], loopMaxMs });
    [before, bench] = [after, process.cpuUsage()];
  }, 1000);
  return {
    since: (zero: number) => rows.map((r) => [Math.floor((r.at - zero) / 1000) - 1, ...r.cpu, r.loopMaxMs]),
    stop() {
      lateness.stop();
      clearInterval(seconds);
    },
  };
}

export const processesNamed = (name: string) => () => pidsNamed(name);

const cmdlineOf = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return "";
  }
};
// A PostgreSQL backend names its client ("127.0.0.1(54890)" or "[local]") in its title; the
// checkpointer, WAL writer, autovacuum and the rest do not.
const SERVES_A_CLIENT = /\(\d+\)|\[local\]/;

/** PostgreSQL's own background work (the rest of its CPU is the backends serving connections). */
export const postgresBackground = () => pidsNamed("postgres").filter((pid) => !SERVES_A_CLIENT.test(cmdlineOf(pid)));
