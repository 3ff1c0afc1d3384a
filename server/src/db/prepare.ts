import type { Logger } from "../logger";
import type { DbHandle } from "./client";
import { migrate } from "./migrate";
import { loadReferenceData } from "./reference-data";
import { seedDemo } from "./seed/demo";

/** What every start does: apply migrations, then seed the demo region if asked and absent. */
export async function prepareDatabase(handle: DbHandle, options: { seedDemo: boolean; logger?: Logger }): Promise<void> {
  const result = await migrate(handle);
  options.logger?.info({ applied: result.applied, alreadyApplied: result.alreadyApplied }, "migrations done");
  const reference = await handle.sql.withMigrationLock(() => loadReferenceData(handle.db));
  if (reference.outcodes.loaded > 0) options.logger?.info({ outcodes: reference.outcodes.loaded }, "loaded postcode district centres");
  if (!options.seedDemo) return;
  // Under the migration lock, so two nodes starting together seed once.
  const seed = await handle.sql.withMigrationLock(() => seedDemo(handle.db));
  if (seed.seeded) options.logger?.info({ regionId: seed.regionId }, "seeded the North West demo region");
  if (seed.people > 0) options.logger?.info({ people: seed.people }, "added the development sign-in's demo people");
}
