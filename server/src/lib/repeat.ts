import type { Logger } from "../logger";

export interface Repeating {
  /** Stops the next run and waits for the one under way, so a node shuts down with nothing half done. */
  stop(): Promise<void>;
}

/**
 * Runs `work` now and then again `everyMs` after each run ends (never two at once on a node), until
 * stopped. A failed run is logged with `failure` and the next run tries again: the background jobs
 * that use it (closing deadlines, refreshing facts, billing) are all safe to repeat, and the
 * database decides which node does what.
 */
export function startRepeating(props: { everyMs: number; logger: Logger; failure: string; work: (stopped: () => boolean) => Promise<void> }): Repeating {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const run = () => {
    running = props.work(() => stopped).catch((error: unknown) => props.logger.warn({ err: error }, props.failure));
    void running.then(() => {
      if (!stopped) timer = setTimeout(run, props.everyMs);
    });
  };
  run();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
