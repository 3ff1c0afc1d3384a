import { randomBytes } from "node:crypto";
import type { ChildProfileCreateInput } from "@shared/schemas/children";
import { ChildProfileCreateSchema } from "@shared/schemas/children";
import type { Db } from "../../server/src/db/client";
import { type ChildProfileRow, childProfiles } from "../../server/src/db/schema";

/** A valid create body: a 12-year-old boy in M14 with autism, for lot 1 (0-16 day), needed in a month. */
export function childInput(overrides: Partial<ChildProfileCreateInput> = {}): Record<string, unknown> {
  return {
    reference: `TST-${randomBytes(4).toString("hex").toUpperCase()}-1`,
    birthMonth: "2014-03",
    sex: "male",
    homeOutcode: "M14",
    schoolYear: 7,
    primaryNeed: "ASD",
    secondaryNeeds: ["SLCN"],
    ehcPlanStatus: "final",
    sectionB: "Needs a predictable routine and visual timetables; finds noise hard.",
    sectionE: "To travel to school with support and join a small group for lessons.",
    sectionF: "Small class of up to 8 with a speech and language therapist weekly.",
    staffingRatio: "1:2",
    therapies: ["speech_and_language"],
    lotNumber: 1,
    priceBand: "C",
    neededBy: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
    maxTravelKm: 40,
    risks: [],
    ...overrides,
  };
}

/**
 * A child's profile of a council, written straight to the database (through the create schema,
 * so it is always a valid profile).
 */
export async function buildChild(db: Db, options: { organisationId: string } & Partial<ChildProfileCreateInput>): Promise<ChildProfileRow> {
  const { organisationId, ...overrides } = options;
  const values = ChildProfileCreateSchema.parse(childInput(overrides));
  const [row] = await db
    .insert(childProfiles)
    .values({ ...values, organisationId })
    .returning();
  if (!row) throw new Error("child insert returned nothing");
  return row;
}
