import { eq, or, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { migrate } from "../db/migrate";
import { loadReferenceData } from "../db/reference-data";
import { regions } from "../db/schema";
import { seedDemo } from "../db/seed/demo";
import { seedInsightsHistory } from "../db/seed/insights-history";
import { removeInsightsHistory } from "../db/seed/insights-remove";
import { NORTH_WEST_REGION_CODE } from "../db/seed/north-west";
import { refreshAllInsightsFacts } from "../modules/insights/facts/refresh";
import { type CliCommand, parseOptions, withDatabase } from "./command";

const USAGE = "seed insights --placements N [--region <code or id>] | --remove";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_PLACEMENTS = 1_000_000;

/** The region named (by code or id), else the demo region, seeded if it is not there yet. */
async function regionFor(db: Db, named: string | undefined): Promise<string | undefined> {
  if (named === undefined) return (await seedDemo(db)).regionId;
  const [region] = await db
    .select({ id: regions.id })
    .from(regions)
    .where(UUID.test(named) ? or(eq(regions.id, named), eq(regions.code, named)) : eq(regions.code, named));
  return region?.id;
}

function problemWith(options: Record<string, string | true>, positional: string[]): string | undefined {
  const unknown = Object.keys(options).filter((name) => !["placements", "region", "remove"].includes(name));
  if (positional.length > 0 || unknown.length > 0) return `Unknown ${unknown.length > 0 ? `option --${unknown[0]}` : `argument "${positional[0]}"`}.`;
  if (options.remove !== undefined)
    return options.remove === true && Object.keys(options).length === 1 ? undefined : "--remove takes no value and no other option.";
  const n = Number(options.placements);
  if (typeof options.placements !== "string" || !Number.isInteger(n) || n < 1 || n > MAX_PLACEMENTS)
    return `--placements takes a whole number from 1 to ${MAX_PLACEMENTS.toLocaleString("en-GB")}.`;
  if (options.region === true) return "--region takes a region's code (like north-west) or id.";
  return undefined;
}

export const seedInsightsCommand: CliCommand = {
  name: "seed insights",
  usage: USAGE,
  summary: "generate a synthetic history of placements for the insights (never in production); --remove deletes it",
  async run(args) {
    // The one refusal that must come before the environment is checked: production may not even get that far.
    if (process.env.NODE_ENV === "production") {
      console.error("Refusing to seed a synthetic history: NODE_ENV is production. Synthetic placements would mix with real ones.");
      return 2;
    }
    const { options, positional } = parseOptions(args);
    const problem = problemWith(options, positional);
    if (problem) {
      console.error(`${problem}\nUsage: npm run cli -- ${USAGE}`);
      return 2;
    }
    return withDatabase(async (handle) => {
      await migrate(handle);
      await handle.sql.withMigrationLock(() => loadReferenceData(handle.db));
      if (options.remove) {
        console.log(JSON.stringify({ removed: await removeInsightsHistory(handle.db) }));
        return 0;
      }
      const named = typeof options.region === "string" ? options.region : undefined;
      const regionId = await handle.sql.withMigrationLock(() => regionFor(handle.db, named));
      if (!regionId) {
        console.error(`There is no region "${named}". Give a region's code (like ${NORTH_WEST_REGION_CODE}) or id.`);
        return 2;
      }
      const started = performance.now();
      const seeded = await seedInsightsHistory(handle.db, { regionId, placements: Number(options.placements) });
      // Fresh statistics, or the facts' joins are planned for the tables as they were before the seed.
      await handle.db.execute(sql`ANALYZE`);
      const seededMs = performance.now() - started;
      const facts = await refreshAllInsightsFacts(handle.db);
      const seconds = (ms: number) => Math.round(ms / 100) / 10;
      console.log(JSON.stringify({ ...seeded, facts, seedSeconds: seconds(seededMs), factsSeconds: seconds(performance.now() - started - seededMs) }));
      return 0;
    });
  },
};
