import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite has no server to arbitrate between processes: two processes on one data folder would
 * corrupt it. A pid file refuses a second one with a message saying what to do.
 */
export function acquireDataDirLock(dir: string): () => void {
  const lockFile = join(dir, "placement-exchange.pid");
  try {
    writeFileSync(lockFile, String(process.pid), { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const holder = Number(readFileSync(lockFile, "utf8"));
    if (Number.isInteger(holder) && holder !== process.pid && isRunning(holder)) {
      throw new Error(
        `The embedded database in ${dir} is in use by process ${holder}. Stop that process, ` +
          "or set DATA_DIR to another folder, or set DATABASE_URL to use a PostgreSQL server.",
        { cause: error },
      );
    }
    // The previous holder died without cleaning up (e.g. SIGKILL); the folder is ours now.
    writeFileSync(lockFile, String(process.pid));
  }
  return () => rmSync(lockFile, { force: true });
}
