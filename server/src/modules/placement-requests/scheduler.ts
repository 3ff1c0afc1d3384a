import type { Db } from "../../db/client";
import type { Logger } from "../../logger";
import { publishLogged } from "../../realtime/after-commit";
import type { LiveHub } from "../../realtime/live-hub";
import { closeDueRequests } from "./commands/close-due";
import { publishClosed } from "./realtime";

// Deadlines must close within a second; polling a partial index this often costs next to nothing.
const POLL_MS = 250;

/** Every node runs one; the database decides which node closes what (see closeDueRequests). */
export function startClosingScheduler(deps: { db: Db; live: LiveHub; logger: Logger }): { stop(): Promise<void> } {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    running = (async () => {
      try {
        for (const closed of await closeDueRequests(deps.db)) {
          deps.logger.info({ requestId: closed.request.id, state: closed.to }, "placement request closed");
          // No request to answer here: published straight after the close committed, through the same logged wrapper.
          await publishLogged(deps.logger, "request:closed", () => publishClosed(deps.db, deps.live, closed.request), { requestId: closed.request.id });
        }
      } catch (error) {
        deps.logger.warn({ err: error }, "closing scheduler tick failed");
      }
    })();
    void running.then(() => {
      if (!stopped) timer = setTimeout(tick, POLL_MS);
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
