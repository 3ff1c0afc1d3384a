import type { Db } from "../client";
import { seedDemoPeople } from "./demo-people";
import { seedNorthWest } from "./north-west";

/** The whole demonstration: the North West region, then the development provider's people. */
export async function seedDemo(db: Db) {
  const region = await seedNorthWest(db);
  return { ...region, people: await seedDemoPeople(db) };
}
