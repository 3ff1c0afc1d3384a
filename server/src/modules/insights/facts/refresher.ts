import type { Db } from "../../../db/client";
import type { Logger } from "../../../logger";
import { markMissingFacts, refreshInsightsFacts } from "./refresh";

// A new review or a placement's end must show in the figures within a minute; every 5 s leaves room
// for a batch of thousands (a definition changed for the whole region) to catch up well inside it.
const POLL_MS = 5000;
const BATCH = 2000;

/**
 * Every node runs one; SKIP LOCKED shares the dirty marks between them. On start it marks what
 * has no facts (the backfill), then refreshes until nothing is dirty, every 5 s. A failure is
 * logged and tried again on the next tick: the marks stay until a refresh commits.
 */
export function startInsightsRefresher(deps: { db: Db; logger: Logger; pollMs?: number }): { stop(): Promise<void> } {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let backfilled = false;
  const tick = () => {
    running = (async () => {
      try {
        if (!backfilled) await markMissingFacts(deps.db);
        backfilled = true;
        for (;;) {
          const done = await refreshInsightsFacts(deps.db, { limit: BATCH });
          const count = done.placements.length + done.requests.length;
          if (count > 0) deps.logger.debug({ placements: done.placements.length, requests: done.requests.length }, "insights facts refreshed");
          if (stopped || count < BATCH) break;
        }
      } catch (error) {
        deps.logger.warn({ err: error }, "insights facts refresh failed");
      }
    })();
    void running.then(() => {
      if (!stopped) timer = setTimeout(tick, deps.pollMs ?? POLL_MS);
    });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
