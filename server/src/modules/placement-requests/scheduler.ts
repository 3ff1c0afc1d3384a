import type { Db } from "../../db/client";
import { type Repeating, startRepeating } from "../../lib/repeat";
import type { Logger } from "../../logger";
import { publishLogged } from "../../realtime/after-commit";
import type { LiveHub } from "../../realtime/live-hub";
import { closeDueRequests } from "./commands/close-due";
import { publishClosed } from "./realtime";

// Deadlines must close within a second; polling a partial index this often costs next to nothing.
const POLL_MS = 250;

/** Every node runs one; the database decides which node closes what (see closeDueRequests). */
export function startClosingScheduler(deps: { db: Db; live: LiveHub; logger: Logger }): Repeating {
  return startRepeating({
    everyMs: POLL_MS,
    logger: deps.logger,
    failure: "closing scheduler tick failed",
    work: async () => {
      for (const closed of await closeDueRequests(deps.db)) {
        deps.logger.info({ requestId: closed.request.id, state: closed.to }, "placement request closed");
        // No request to answer here: published straight after the close committed, through the same logged wrapper.
        await publishLogged(deps.logger, "request:closed", () => publishClosed(deps.db, deps.live, closed.request), { requestId: closed.request.id });
      }
    },
  });
}
