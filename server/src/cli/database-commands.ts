import { migrate } from "../db/migrate";
import { loadReferenceData } from "../db/reference-data";
import { seedDemo } from "../db/seed/demo";
import { type CliCommand, withDatabase } from "./command";

export const migrateCommand: CliCommand = {
  name: "migrate",
  usage: "migrate",
  summary: "apply database migrations and load reference data (also done on every start)",
  async run() {
    const result = await withDatabase(async (handle) => {
      const migrations = await migrate(handle);
      const reference = await handle.sql.withMigrationLock(() => loadReferenceData(handle.db));
      return { ...migrations, outcodesLoaded: reference.outcodes.loaded };
    });
    console.log(JSON.stringify({ applied: result.applied, alreadyApplied: result.alreadyApplied, outcodesLoaded: result.outcodesLoaded }));
    return 0;
  },
};

export const seedCommand: CliCommand = {
  name: "seed",
  usage: "seed",
  summary: "seed the North West demo region and its demo people's invitations if absent",
  async run() {
    const result = await withDatabase(async (handle) => {
      await migrate(handle);
      return handle.sql.withMigrationLock(async () => {
        await loadReferenceData(handle.db);
        return seedDemo(handle.db);
      });
    });
    console.log(JSON.stringify(result));
    return 0;
  },
};
