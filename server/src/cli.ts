import { openDatabase } from "./db/client";
import { migrate } from "./db/migrate";
import { seedNorthWest } from "./db/seed/north-west";
import { loadEnv } from "./env";
import { createLogger } from "./logger";

const USAGE = `Usage: npm run cli -- <command>

Commands:
  migrate   apply database migrations (also done on every start)
  seed      seed the North West demo region if it is absent
  help      show this message`;

type Command = (args: string[]) => Promise<number>;

async function withDatabase<T>(fn: (handle: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const env = loadEnv();
  const handle = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir, logger: createLogger({ logLevel: "warn" }) });
  try {
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

const commands: Record<string, Command> = {
  async migrate() {
    const result = await withDatabase((handle) => migrate(handle));
    console.log(JSON.stringify({ applied: result.applied, alreadyApplied: result.alreadyApplied }));
    return 0;
  },
  async seed() {
    const result = await withDatabase(async (handle) => {
      await migrate(handle);
      return handle.sql.withMigrationLock(() => seedNorthWest(handle.db));
    });
    console.log(JSON.stringify(result));
    return 0;
  },
  async help() {
    console.log(USAGE);
    return 0;
  },
};

async function run(argv: string[]): Promise<number> {
  const [name = "help", ...args] = argv;
  const command = commands[name];
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${USAGE}`);
    return 2;
  }
  return command(args);
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
