import type { Response } from "express";
import { isDatabaseUnavailable } from "../db/errors";
import type { Logger } from "../logger";

/**
 * After-commit publishing: the one way a write's live events leave the server.
 *
 * A route runs its command (which owns its transaction and has committed when it returns), then
 * queues what to publish, then presents its answer:
 *
 *   const row = await answerClarification({ db, actor, ... });          // committed
 *   afterCommit(res, "clarification:published", () => publishClarification(db, live, request, row));
 *   res.json({ data: ... });
 *
 * The publish starts at once, while the route goes on to present its answer: the people watching
 * hear of the committed change without waiting for the author's answer to be read back and sent
 * (at a thousand sockets that was a third of the time to the last of them). The write has
 * committed, so an event that arrives before its author's HTTP answer tells nothing untrue; pages
 * apply an event by id, whichever comes first. Each queued publish runs in order and is awaited;
 * a failure is logged with the request id and the label, never thrown, so a committed write is
 * never reported as a 500 and a failing publish never changes the answer. A route that fails
 * after queuing (the write committed, presenting it did not) still publishes: the write happened.
 *
 * Queue only after the command's commit, never inside its transaction: a rolled-back write must
 * publish nothing. Code with no request (the closing scheduler) calls `publishLogged` directly.
 * No middleware to mount: the first `afterCommit` on a response starts its queue.
 */
export type Publish = () => Promise<unknown> | unknown;

/** The tail of a response's publishes: each starts once the one before it has settled. */
const queues = new WeakMap<Response, Promise<void>>();

/**
 * A publish that failed because the database did not answer (most publishes read who may see
 * what) is tried again after these pauses: the write is committed and acknowledged, and a board
 * that stays connected would otherwise not show it until it reconnects or reloads. Short and
 * few, so an overloaded database is not asked much more; clients apply a repeated event by id.
 */
export const PUBLISH_RETRY_MS = [250, 1000, 4000] as const;

/** Runs one publish, logging (never throwing) its failure. Returns whether it succeeded. */
export async function publishLogged(
  logger: Pick<Logger, "error"> | undefined,
  label: string,
  publish: Publish,
  context: Record<string, unknown> = {},
  retryMs: readonly number[] = PUBLISH_RETRY_MS,
): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    try {
      await publish();
      return true;
    } catch (error) {
      const pause = retryMs[attempt];
      if (pause !== undefined && isDatabaseUnavailable(error)) {
        await new Promise((resolve) => setTimeout(resolve, pause));
        continue;
      }
      logger?.error({ err: error, publish: label, attempts: attempt + 1, ...context }, "live publish failed after commit");
      return false;
    }
  }
}

/** The request's own logger (pino-http's child, carrying the request id) and its id. */
const logOf = (res: Response) => ({
  logger: (res.req as { log?: Logger } | undefined)?.log,
  context: { requestId: res.req?.id === undefined ? undefined : String(res.req.id) },
});

/**
 * Starts a live publish for this request, after any it queued before. Call it only once the
 * command's transaction has committed.
 */
export function afterCommit(res: Response, label: string, publish: Publish): void {
  const { logger, context } = logOf(res);
  // Not awaited by the route: a microtask later, so the route's next queued publish keeps its turn.
  const tail = (queues.get(res) ?? Promise.resolve()).then(async () => void (await publishLogged(logger, label, publish, context)));
  queues.set(res, tail);
}
