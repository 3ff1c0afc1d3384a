import { importDemoSettings } from "../../modules/directory/gias/import-demo-settings";
import type { Db } from "../client";
import { seedDemoPeople } from "./demo-people";
import { seedDemoSettings } from "./demo-settings";
import { seedFrameworkDemo } from "./framework-demo";
import { seedNorthWest } from "./north-west";

/** The whole demonstration (reference data must be loaded first): the North West region and its GIAS settings, then the development provider's people. */
export async function seedDemo(db: Db) {
  const region = await seedNorthWest(db);
  await seedFrameworkDemo(db);
  await importDemoSettings({ db, regionId: region.regionId });
  await seedDemoSettings(db);
  return { ...region, people: await seedDemoPeople(db) };
}
