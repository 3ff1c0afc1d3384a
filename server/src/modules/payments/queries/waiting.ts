import { and, asc, eq, gte, isNull, or, sql } from "drizzle-orm";
import type { WaitingPlacement } from "@shared/schemas/payments";
import type { DbOrTx } from "../../../db/client";
import { childProfiles, organisations, placements, settings, stripeAccounts } from "../../../db/schema";
import { payability } from "../connect/payable";

/**
 * A council's placements running or about to start whose provider cannot be paid through Stripe yet, with why:
 * they are not invoiced until it can, and the council should see what it is waiting on.
 */
export async function waitingPlacements(db: DbOrTx, councilId: string): Promise<WaitingPlacement[]> {
  const rows = await db
    .select({
      placementId: placements.id,
      childReference: childProfiles.reference,
      settingName: settings.name,
      providerId: placements.providerId,
      providerName: organisations.name,
      startDate: placements.startDate,
      // The fee in force today (or at the start, for a placement yet to begin): the latest change.
      weeklyFeePence: sql<number>`coalesce((SELECT f.weekly_fee_pence FROM placement_fees f WHERE f.placement_id = ${placements.id}
        AND f.effective_from <= greatest(current_date, ${placements.startDate}) ORDER BY f.effective_from DESC LIMIT 1), ${placements.weeklyFeePence})`,
      account: stripeAccounts,
    })
    .from(placements)
    .innerJoin(childProfiles, eq(childProfiles.id, placements.childId))
    .innerJoin(settings, eq(settings.id, placements.settingId))
    .innerJoin(organisations, eq(organisations.id, placements.providerId))
    .leftJoin(stripeAccounts, eq(stripeAccounts.organisationId, placements.providerId))
    .where(and(eq(placements.councilId, councilId), or(isNull(placements.endDate), gte(placements.endDate, sql`current_date`))))
    .orderBy(asc(placements.startDate), asc(placements.id));
  return rows.flatMap(({ account, weeklyFeePence, ...row }) => {
    const { ok, reason } = payability(account ?? undefined);
    return ok || reason === null ? [] : [{ ...row, weeklyFeePence: Number(weeklyFeePence), reason }];
  });
}
