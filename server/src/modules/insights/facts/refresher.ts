import type { Db } from "../../../db/client";
import { type Repeating, startRepeating } from "../../../lib/repeat";
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
export function startInsightsRefresher(deps: { db: Db; logger: Logger; pollMs?: number }): Repeating {
  let backfilled = false;
  return startRepeating({
    everyMs: deps.pollMs ?? POLL_MS,
    logger: deps.logger,
    failure: "insights facts refresh failed",
    work: async (stopped) => {
      if (!backfilled) await markMissingFacts(deps.db);
      backfilled = true;
      for (;;) {
        const done = await refreshInsightsFacts(deps.db, { limit: BATCH });
        const count = done.placements.length + done.requests.length;
        if (count > 0) deps.logger.debug({ placements: done.placements.length, requests: done.requests.length }, "insights facts refreshed");
        if (stopped() || count < BATCH) break;
      }
    },
  });
}
