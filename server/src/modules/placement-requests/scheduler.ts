import type { Db } from "../../db/client";
import { type Repeating, startRepeating } from "../../lib/repeat";
import type { Logger } from "../../logger";
import { closeDueRequests } from "./commands/close-due";

// Deadlines must close within a second; polling a partial index this often costs next to nothing.
const POLL_MS = 250;

/** Every node runs one; the database decides which node closes what (see closeDueRequests). */
export function startClosingScheduler(deps: { db: Db; logger: Logger }): Repeating {
  return startRepeating({
    everyMs: POLL_MS,
    logger: deps.logger,
    failure: "closing scheduler tick failed",
    work: async () => {
      // Each close tells everyone watching as it commits (moveRequest queues it: live-outbox.ts).
      for (const closed of await closeDueRequests(deps.db)) deps.logger.info({ requestId: closed.request.id, state: closed.to }, "placement request closed");
    },
  });
}
