import type { Db } from "../client";
import { seedDemoInvitations } from "./demo-invitations";
import { seedNorthWest } from "./north-west";

/** The whole demonstration: the North West region, then invitations for the demo people. */
export async function seedDemo(db: Db) {
  const region = await seedNorthWest(db);
  return { ...region, invitations: await seedDemoInvitations(db) };
}
