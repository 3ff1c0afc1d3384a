import { and, asc, eq, gt } from "drizzle-orm";
import type { PriceBand } from "@shared/codes/price-bands";
import type { PriceAboveCeiling } from "@shared/errors";
import { formatPence } from "@shared/money";
import type { Db } from "../../../db/client";
import { type frameworks, lots, organisations, priceBands, providerBandPrices } from "../../../db/schema";
import { confirmationRequired, notFound } from "../../../http/app-error";
import { appendAuditNow } from "../../audit/record-audit";
import type { Actor } from "../../identity/actor";
import { bandCeilingLowered } from "../../notifications/messages/others";
import { notify, recipientsOf } from "../../notifications/notify";

export interface SetBandCeilingProps {
  db: Db;
  /** A regional admin of the framework's region. */
  actor: Actor;
  framework: typeof frameworks.$inferSelect;
  lotNumber: number;
  band: PriceBand;
  /** The new weekly ceiling, integer pence. */
  weeklyCeilingPence: number;
  /** The admin has seen the providers' prices above the new ceiling and goes ahead. */
  confirm?: boolean | undefined;
  ip?: string | undefined;
}

/**
 * Sets a band's weekly ceiling. Providers' prices above a lowered ceiling stay as they are:
 * the ceiling only bounds new prices, and an offer above it must carry a justification. So that
 * the hub knows whom it affects, lowering it below providers' current prices is refused with
 * those prices until confirmed; once saved, each of those providers' administrators is told.
 */
export async function setBandCeiling({ db, actor, framework, lotNumber, band, weeklyCeilingPence, confirm, ip }: SetBandCeilingProps) {
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: priceBands.id, lotId: lots.id, weeklyCeilingPence: priceBands.weeklyCeilingPence })
      .from(priceBands)
      .innerJoin(lots, eq(lots.id, priceBands.lotId))
      .where(and(eq(lots.frameworkId, framework.id), eq(lots.number, lotNumber), eq(priceBands.band, band)))
      .for("update", { of: priceBands });
    if (!current) throw notFound(`Band ${band} of lot ${lotNumber}`);
    const above =
      weeklyCeilingPence < current.weeklyCeilingPence
        ? await tx
            .select({
              organisationId: providerBandPrices.organisationId,
              organisationName: organisations.name,
              weeklyPricePence: providerBandPrices.weeklyPricePence,
            })
            .from(providerBandPrices)
            .innerJoin(organisations, eq(organisations.id, providerBandPrices.organisationId))
            .where(
              and(eq(providerBandPrices.lotId, current.lotId), eq(providerBandPrices.band, band), gt(providerBandPrices.weeklyPricePence, weeklyCeilingPence)),
            )
            .orderBy(asc(organisations.name))
        : [];
    if (above.length > 0 && confirm !== true) {
      const pricesAboveCeiling: PriceAboveCeiling[] = above.map((p) => ({
        organisationName: p.organisationName,
        lotNumber,
        band,
        weeklyPricePence: p.weeklyPricePence,
      }));
      throw confirmationRequired(
        `${above.length === 1 ? "1 provider's price is" : `${above.length} providers' prices are`} above ${formatPence(weeklyCeilingPence)}. Check the list, then confirm the new ceiling to save it.`,
        { pricesAboveCeiling },
      );
    }
    await tx.update(priceBands).set({ weeklyCeilingPence }).where(eq(priceBands.id, current.id));
    const audit = await appendAuditNow(tx, {
      action: "framework.band_ceiling_change",
      recordType: "price_band",
      recordId: current.id,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
      details: {
        frameworkId: framework.id,
        lotNumber,
        band,
        from: current.weeklyCeilingPence,
        to: weeklyCeilingPence,
        ...(above.length > 0 ? { providersAbove: above.map((p) => ({ organisationId: p.organisationId, weeklyPricePence: p.weeklyPricePence })) } : {}),
      },
    });
    // Each provider above the new ceiling: its administrators, who set its prices. The audit
    // record's id makes each lowering told once, and a later lowering a new message.
    for (const provider of above) {
      await notify(tx, {
        kind: "band_ceiling_lowered",
        userIds: await recipientsOf(tx, { organisationId: provider.organisationId, adminsOnly: true }),
        about: `band-ceiling-lowered:${audit.seq}`,
        ...bandCeilingLowered(framework.name, lotNumber, band, formatPence(provider.weeklyPricePence), formatPence(weeklyCeilingPence)),
      });
    }
  });
}
