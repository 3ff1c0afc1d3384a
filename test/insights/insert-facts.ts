import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { PlacementFact, RequestFact } from "@shared/insights/contract";
import type { Db } from "../../server/src/db/client";
import { placementFacts, requestFacts } from "../../server/src/db/schema";

/** A placement fact with plain defaults: an 8-week-old lot 1 placement of no risks, £2,000 a week. */
export function placementFact(councilId: string, over: Partial<PlacementFact> = {}): PlacementFact {
  return {
    placementId: randomUUID(),
    councilId,
    lot: 1,
    mode: "sealed",
    awardDate: "2026-03-10",
    startDate: "2026-03-20",
    endDate: null,
    breakdown: false,
    weeklyFeePence: 200_000,
    presentRisks: [],
    highRiskRules: [],
    ofstedGrade: 2,
    distanceKm: 12,
    inArea: true,
    risksManaged: null,
    daysToAward: 20,
    daysNeededToStart: 5,
    offersCount: 3,
    outcomeChange: null,
    incidentsPer4Weeks: null,
    ...over,
  };
}

export function requestFact(councilId: string, over: Partial<RequestFact> = {}): RequestFact {
  return { requestId: randomUUID(), councilId, lot: 1, mode: "sealed", periodDate: "2026-03-10", state: "awarded", offersCount: 3, daysToAward: 20, ...over };
}

/**
 * Writes facts rows as the refresher would, without the placements and requests they summarise:
 * the insights read only the facts, and building a whole placement history per row would make
 * these tests about something else. Foreign keys are not checked for this one transaction
 * (session_replication_role), which only a test database allows.
 */
export async function insertFacts(db: Db, regionId: string, facts: { placements?: PlacementFact[]; requests?: RequestFact[] }): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL session_replication_role = replica`);
    if (facts.placements?.length) await tx.insert(placementFacts).values(facts.placements.map((p) => ({ ...p, regionId })));
    if (facts.requests?.length) await tx.insert(requestFacts).values(facts.requests.map((r) => ({ ...r, regionId })));
  });
}
