import { isDatabaseUnavailable } from "../db/errors";
import type { Logger } from "../logger";

/** One live publish: it reads what to send from the database, then emits it. */
export type Publish = () => Promise<unknown> | unknown;

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
