import { and, eq } from "drizzle-orm";
import type { PriceBand } from "@shared/codes/price-bands";
import type { Db } from "../../../db/client";
import { type frameworks, lots, priceBands } from "../../../db/schema";
import { notFound } from "../../../http/app-error";
import { recordAudit } from "../../audit/record-audit";
import type { Actor } from "../../identity/actor";

export interface SetBandCeilingProps {
  db: Db;
  /** A regional admin of the framework's region. */
  actor: Actor;
  framework: typeof frameworks.$inferSelect;
  lotNumber: number;
  band: PriceBand;
  /** The new weekly ceiling, integer pence. */
  weeklyCeilingPence: number;
  ip?: string | undefined;
}

/**
 * Sets a band's weekly ceiling. Providers' prices above a lowered ceiling stay as they are:
 * the ceiling only bounds new prices, and an offer above it must carry a justification.
 */
export async function setBandCeiling({ db, actor, framework, lotNumber, band, weeklyCeilingPence, ip }: SetBandCeilingProps) {
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: priceBands.id, weeklyCeilingPence: priceBands.weeklyCeilingPence })
      .from(priceBands)
      .innerJoin(lots, eq(lots.id, priceBands.lotId))
      .where(and(eq(lots.frameworkId, framework.id), eq(lots.number, lotNumber), eq(priceBands.band, band)))
      .for("update", { of: priceBands });
    if (!current) throw notFound(`Band ${band} of lot ${lotNumber}`);
    await tx.update(priceBands).set({ weeklyCeilingPence }).where(eq(priceBands.id, current.id));
    await recordAudit(tx, {
      action: "framework.band_ceiling_change",
      recordType: "price_band",
      recordId: current.id,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
      details: { frameworkId: framework.id, lotNumber, band, from: current.weeklyCeilingPence, to: weeklyCeilingPence },
    });
  });
}
