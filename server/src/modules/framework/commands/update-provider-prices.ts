import { and, eq, inArray, sql } from "drizzle-orm";
import type { ValidationIssue } from "@shared/errors";
import { formatPence } from "@shared/money";
import type { ProviderPricesUpdateInput } from "@shared/schemas/framework";
import type { Db } from "../../../db/client";
import { type frameworks, lotAdmissions, lots, priceBands, providerBandPrices } from "../../../db/schema";
import { validationFailed } from "../../../http/app-error";
import { recordAudit } from "../../audit/record-audit";
import type { Actor } from "../../identity/actor";

export interface UpdateProviderPricesProps {
  db: Db;
  /** A provider's administrator; the prices are its organisation's. */
  actor: Actor & { organisationId: string };
  framework: typeof frameworks.$inferSelect;
  input: ProviderPricesUpdateInput;
  ip?: string | undefined;
}

/**
 * Sets the provider's weekly framework price for the given lots and bands (others are kept).
 * A price is stated only on a lot the provider is admitted to, and never above the band's
 * ceiling: above it, a commissioner needs a justification on each offer instead.
 */
export async function updateProviderPrices({ db, actor, framework, input, ip }: UpdateProviderPricesProps): Promise<void> {
  await db.transaction(async (tx) => {
    const lotNumbers = [...new Set(input.prices.map((p) => p.lotNumber))];
    const bands = await tx
      .select({ lotId: lots.id, lotNumber: lots.number, band: priceBands.band, ceiling: priceBands.weeklyCeilingPence })
      .from(priceBands)
      .innerJoin(lots, eq(lots.id, priceBands.lotId))
      .where(and(eq(lots.frameworkId, framework.id), inArray(lots.number, lotNumbers)));
    // Shared locks: a suspension decided meanwhile waits for this update, or this sees it.
    const admissions = await tx
      .select({ lotId: lotAdmissions.lotId, status: lotAdmissions.status })
      .from(lotAdmissions)
      .where(and(eq(lotAdmissions.frameworkId, framework.id), eq(lotAdmissions.organisationId, actor.organisationId)))
      .for("share");

    const issues: ValidationIssue[] = [];
    const accepted: { lotId: string; lotNumber: number; band: (typeof bands)[number]["band"]; weeklyPricePence: number }[] = [];
    input.prices.forEach((price, i) => {
      const band = bands.find((b) => b.lotNumber === price.lotNumber && b.band === price.band);
      const status = band ? admissions.find((a) => a.lotId === band.lotId)?.status : undefined;
      if (!band || status !== "admitted") {
        const suffix = status === "suspended" ? " (your admission to it is suspended)" : "";
        issues.push({ path: `body.prices.${i}.lotNumber`, message: `You are not admitted to lot ${price.lotNumber}${suffix}` });
      } else if (price.weeklyPricePence > band.ceiling) {
        issues.push({
          path: `body.prices.${i}.weeklyPricePence`,
          message: `The ceiling for band ${price.band} on lot ${price.lotNumber} is ${formatPence(band.ceiling)} a week; enter a price at or below it`,
        });
      } else {
        accepted.push({ lotId: band.lotId, lotNumber: price.lotNumber, band: price.band, weeklyPricePence: price.weeklyPricePence });
      }
    });
    if (issues.length) throw validationFailed(issues);

    const before = await tx
      .select({ lotId: providerBandPrices.lotId, band: providerBandPrices.band, pence: providerBandPrices.weeklyPricePence })
      .from(providerBandPrices)
      .where(
        and(
          eq(providerBandPrices.organisationId, actor.organisationId),
          inArray(
            providerBandPrices.lotId,
            accepted.map((p) => p.lotId),
          ),
        ),
      );
    await tx
      .insert(providerBandPrices)
      .values(accepted.map((p) => ({ lotId: p.lotId, organisationId: actor.organisationId, band: p.band, weeklyPricePence: p.weeklyPricePence })))
      .onConflictDoUpdate({
        target: [providerBandPrices.organisationId, providerBandPrices.lotId, providerBandPrices.band],
        set: { weeklyPricePence: sql`excluded.weekly_price_pence`, updatedAt: sql`now()` },
      });
    await recordAudit(tx, {
      action: "provider_prices.update",
      recordType: "organisation",
      recordId: actor.organisationId,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
      details: {
        frameworkId: framework.id,
        prices: accepted.map((p) => ({
          lotNumber: p.lotNumber,
          band: p.band,
          from: before.find((b) => b.lotId === p.lotId && b.band === p.band)?.pence ?? null,
          to: p.weeklyPricePence,
        })),
      },
    });
  });
}
