import { sql } from "drizzle-orm";
import type { ValidationIssue } from "@shared/errors";
import { formatDate } from "@shared/format-date";
import { personalDataIn } from "@shared/personal-data";
import type { FeeChangeInput } from "@shared/schemas/payments";
import type { Db } from "../../../db/client";
import { placementFees, type PlacementRow, placements } from "../../../db/schema";
import { validationFailed } from "../../../http/app-error";
import type { Member } from "../../../http/require-actor";
import { recordAudit } from "../../audit/record-audit";

export interface ChangeFeeProps {
  db: Db;
  /** The council's commissioner (changesPlacementFee already allowed it). */
  actor: Member;
  placement: PlacementRow;
  input: FeeChangeInput;
  ip?: string | null;
}

/**
 * Records the weekly fee from a date (replacing a change already on that date) and keeps
 * placements.weekly_fee_pence the fee in effect last. Periods already invoiced are corrected by
 * the next billing run, for exactly the difference (billing/compute.ts).
 */
export async function changeFee({ db, actor, placement, input, ip }: ChangeFeeProps) {
  const issues: ValidationIssue[] = [];
  // A fee outside the placement's days would bill nothing and mislead whoever reads the history.
  if (input.effectiveFrom < placement.startDate || (placement.endDate !== null && input.effectiveFrom > placement.endDate)) {
    const range =
      placement.endDate === null
        ? `on or after ${formatDate(placement.startDate)}`
        : `from ${formatDate(placement.startDate)} to ${formatDate(placement.endDate)}`;
    issues.push({ path: "body.effectiveFrom", message: `The new fee must start within the placement: ${range}` });
  }
  // The reason is shown to the provider beside the placement: like every note about a child, it must not identify them.
  const found = personalDataIn(input.reason);
  if (found.length > 0) issues.push({ path: "body.reason", message: `Remove ${found.join(" and ")}: records about a child must not identify them` });
  if (issues.length > 0) throw validationFailed(issues);
  return db.transaction(async (tx) => {
    await tx
      .insert(placementFees)
      .values({
        placementId: placement.id,
        effectiveFrom: input.effectiveFrom,
        weeklyFeePence: input.weeklyFeePence,
        reason: input.reason,
        changedBy: actor.userId,
      })
      .onConflictDoUpdate({
        target: [placementFees.placementId, placementFees.effectiveFrom],
        set: { weeklyFeePence: input.weeklyFeePence, reason: input.reason, changedBy: actor.userId, createdAt: sql`now()` },
      });
    await tx.execute(
      sql`UPDATE ${placements} SET weekly_fee_pence = (SELECT weekly_fee_pence FROM ${placementFees} WHERE placement_id = ${placement.id}
            ORDER BY effective_from DESC LIMIT 1), updated_at = now() WHERE id = ${placement.id}`,
    );
    // The reason is free text written by the council: kept on the fee row, not in the audit log.
    await recordAudit(tx, {
      action: "payments.fee_change",
      recordType: "placement",
      recordId: placement.id,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
      details: { effectiveFrom: input.effectiveFrom, weeklyFeePence: input.weeklyFeePence },
    });
    return feeHistoryOf(tx, placement.id);
  });
}

/** A placement's fees, oldest first. */
export async function feeHistoryOf(db: Pick<Db, "select">, placementId: string) {
  return db
    .select({ effectiveFrom: placementFees.effectiveFrom, weeklyFeePence: placementFees.weeklyFeePence, reason: placementFees.reason })
    .from(placementFees)
    .where(sql`${placementFees.placementId} = ${placementId}`)
    .orderBy(placementFees.effectiveFrom);
}
