import { type DbHandle, openDatabase } from "../db/client";
import { type Env, loadEnv } from "../env";
import { createLogger } from "../logger";

/** One CLI command: parses its own arguments, prints its result, returns the exit code. */
export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  run(args: string[]): Promise<number>;
}

/** Opens the database the environment names (as the server would), runs fn, closes it. */
export async function withDatabase<T>(fn: (handle: DbHandle, env: Env) => Promise<T>): Promise<T> {
  const env = loadEnv();
  const handle = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir, logger: createLogger({ logLevel: "warn" }) });
  try {
    return await fn(handle, env);
  } finally {
    await handle.close();
  }
}

/** Reads `--name value` options; anything else is positional. */
export function parseOptions(args: string[]): { options: Record<string, string | true>; positional: string[] } {
  const options: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split("=", 2) as [string, string | undefined];
    const next = args[i + 1];
    if (inline !== undefined) options[name] = inline;
    else if (next !== undefined && !next.startsWith("--")) options[name] = (i++, next);
    else options[name] = true;
  }
  return { options, positional };
}
