import type { Logger } from "./logger";

export interface ProcessGuardOptions {
  /** Unhandled rejections tolerated within `windowMs` before the process gives up. */
  maxRejections?: number;
  windowMs?: number;
  /** How the process ends (tests replace it). */
  exit?: (code: number) => void;
  target?: Pick<NodeJS.Process, "on" | "off">;
}

/**
 * A promise rejected with nobody listening must not take down a node that is serving everyone
 * else (Node's default is to exit), but it is a bug, so it is logged as an error with what is
 * known of it. A steady stream of them means the node is broken, not unlucky: past
 * `maxRejections` a minute it exits with 1 so the orchestrator restarts it and its restarts
 * show, rather than limping on with the fault hidden. An uncaught exception leaves the process
 * in an unknown state: it is logged and the process exits at once.
 */
export function installProcessGuards(logger: Logger, options: ProcessGuardOptions = {}): () => void {
  const { maxRejections = 20, windowMs = 60_000, exit = (code) => process.exit(code), target = process } = options;
  let recent: number[] = [];
  const onRejection = (reason: unknown) => {
    const now = Date.now();
    recent = [...recent.filter((at) => now - at < windowMs), now];
    logger.error({ err: reason, recent: recent.length }, "unhandled promise rejection");
    if (recent.length > maxRejections) {
      logger.fatal({ recent: recent.length, windowMs }, "too many unhandled rejections: exiting so the node is restarted");
      exit(1);
    }
  };
  const onException = (error: unknown) => {
    logger.fatal({ err: error }, "uncaught exception: exiting");
    exit(1);
  };
  target.on("unhandledRejection", onRejection);
  target.on("uncaughtException", onException);
  return () => {
    target.off("unhandledRejection", onRejection);
    target.off("uncaughtException", onException);
  };
}
