import { migrate } from "../db/migrate";
import { seedDemo } from "../db/seed/demo";
import { withDatabase, type CliCommand } from "./command";

export const migrateCommand: CliCommand = {
  name: "migrate",
  usage: "migrate",
  summary: "apply database migrations (also done on every start)",
  async run() {
    const result = await withDatabase((handle) => migrate(handle));
    console.log(JSON.stringify({ applied: result.applied, alreadyApplied: result.alreadyApplied }));
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
      return handle.sql.withMigrationLock(() => seedDemo(handle.db));
    });
    console.log(JSON.stringify(result));
    return 0;
  },
};
