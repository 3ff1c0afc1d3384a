import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client";
import { awards, offers, organisations, placementRequests, placements, settings } from "../../db/schema";

const council = alias(organisations, "council");
const provider = alias(organisations, "provider");

/**
 * What OCDS publishes of one awarded request (confirmed after its standstill). The columns are named one by one: nothing of the
 * child (not even its id) and nothing of any offer but the awarded fee is ever read here, so no
 * later column can leak into open data.
 */
export async function awardedContractingProcesses(db: Db) {
  return (
    db
      .select({
        requestId: placementRequests.id,
        lotNumber: placementRequests.lotNumber,
        openedAt: placementRequests.openedAt,
        createdAt: placementRequests.createdAt,
        deadline: placementRequests.deadline,
        // The award is dated by its confirmation after the standstill, not by the intention to award.
        awardedAt: sql<Date>`coalesce(${awards.confirmedAt}, ${awards.awardedAt})`.mapWith(awards.awardedAt),
        council: { id: council.id, name: council.name },
        provider: { id: provider.id, name: provider.name, companiesHouseNumber: provider.companiesHouseNumber },
        setting: { name: settings.name, urn: settings.urn },
        placement: {
          id: placements.id,
          weeklyFeePence: placements.weeklyFeePence,
          startDate: placements.startDate,
          endDate: placements.endDate,
          updatedAt: placements.updatedAt,
        },
        numberOfTenderers: sql<number>`(SELECT count(*)::int FROM ${offers} WHERE ${offers.requestId} = ${placementRequests.id} AND ${offers.status} = 'active')`,
      })
      .from(placementRequests)
      .innerJoin(awards, eq(awards.requestId, placementRequests.id))
      .innerJoin(placements, eq(placements.requestId, placementRequests.id))
      .innerJoin(council, eq(council.id, placementRequests.organisationId))
      .innerJoin(provider, eq(provider.id, placements.providerId))
      .innerJoin(settings, eq(settings.id, placements.settingId))
      // Only confirmed awards: an intention to award in its standstill never reaches open data.
      .where(and(eq(placementRequests.state, "awarded"), isNotNull(awards.confirmedAt)))
      .orderBy(asc(awards.confirmedAt), asc(placementRequests.id))
  );
}
export type AwardedContractingProcess = Awaited<ReturnType<typeof awardedContractingProcesses>>[number];
