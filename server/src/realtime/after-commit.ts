import type { Response } from "express";
import { isDatabaseUnavailable } from "../db/errors";
import type { Logger } from "../logger";

/**
 * After-commit publishing: the one way a write's live events leave the server.
 *
 * A route runs its command (which owns its transaction and has committed when it returns), then
 * queues what to publish, then answers:
 *
 *   const row = await answerClarification({ db, actor, ... });          // committed
 *   afterCommit(res, "clarification:published", () => publishClarification(db, live, request, row.id));
 *   res.json({ data: ... });
 *
 * The queue belongs to the response and is flushed once the response has finished (Express's
 * `finish`, or `close` if the client went away first): events never reach a socket before the
 * HTTP answer is decided, and a slow or failing publish never delays or changes that answer.
 * Each queued publish runs in order and is awaited; a failure is logged with the request id and
 * the label, never thrown, so a committed write is never reported as a 500. A route that fails
 * after queuing (the write committed, presenting it did not) still publishes: the write happened.
 *
 * Queue only after the command's commit, never inside its transaction: a rolled-back write must
 * publish nothing. Code with no request (the closing scheduler) calls `publishLogged` directly.
 * No middleware to mount: the first `afterCommit` on a response starts its queue.
 */
export type Publish = () => Promise<unknown> | unknown;

interface Queue {
  items: { label: string; publish: Publish }[];
  flushed: boolean;
  /** Settles when every queued publish has run (tests and shutdown may await it). */
  done: Promise<void>;
}

const queues = new WeakMap<Response, Queue>();

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

async function flush(res: Response, queue: Queue): Promise<void> {
  const { logger, context } = logOf(res);
  for (const item of queue.items.splice(0)) await publishLogged(logger, item.label, item.publish, context);
}

/**
 * Queues a live publish to run after this request's response has been sent. Call it only once
 * the command's transaction has committed.
 */
export function afterCommit(res: Response, label: string, publish: Publish): void {
  let queue = queues.get(res);
  if (!queue) {
    let start!: () => void;
    const started = new Promise<void>((resolve) => (start = resolve));
    const created: Queue = { items: [], flushed: false, done: Promise.resolve() };
    created.done = started.then(() => flush(res, created));
    const onEnd = () => {
      if (created.flushed) return;
      created.flushed = true;
      start();
    };
    res.once("finish", onEnd);
    // The client went away before the answer was written: the write still committed, so its
    // events still go to everyone else watching.
    res.once("close", onEnd);
    // Queued after the answer went (a handler that publishes last): nothing is left to wait for.
    if (res.writableFinished || res.destroyed) onEnd();
    queues.set(res, created);
    queue = created;
  }
  if (queue.flushed) {
    // The response already ended (a late queue after `close`): publish now, still logged.
    const { logger, context } = logOf(res);
    queue.done = queue.done.then(async () => void (await publishLogged(logger, label, publish, context)));
    return;
  }
  queue.items.push({ label, publish });
}
