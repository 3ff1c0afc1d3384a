import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../client";
import {
  admissionRounds,
  frameworks,
  lotAdmissions,
  lots,
  organisations,
  priceBands,
  providerApplications,
  providerBandPrices,
  regions,
  termsVersions,
} from "../schema";
import { NORTH_WEST_REGION_CODE } from "./north-west";

const ROUND_DAYS = 90;
const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/\(demo\)/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/**
 * Which lots each demo provider (seeded by seedNorthWest, matched by name) is admitted to, the
 * share of each band's ceiling it charges, and any lot still waiting for the hub's decision.
 */
const DEMO_ADMISSIONS = [
  { name: "Pennine Learning Trust (demo)", admitted: [1, 2], share: 0.92, applied: [] },
  { name: "Mersey Horizons Care (demo)", admitted: [3, 5], share: 0.95, applied: [] },
  { name: "Lakeland Specialist Colleges (demo)", admitted: [4, 5], share: 0.88, applied: [] },
  { name: "Ribble Valley Children's Homes (demo)", admitted: [2, 3], share: 0.97, applied: [] },
  { name: "Northern Pathways Alternative Provision (demo)", admitted: [6, 7], share: 0.9, applied: [1] },
] as const;

export interface FrameworkDemoResult {
  seeded: boolean;
}

/**
 * The North West framework's demo admissions: terms version 1.0, one admission round open now
 * for 90 days, and the demo providers admitted to a sensible set of lots with weekly prices
 * under each band's ceiling (so a commissioner's search has prices to compare). Does nothing
 * once the terms exist, so it is safe on every start; needs seedNorthWest first.
 */
export async function seedFrameworkDemo(db: Db, now: Date = new Date()): Promise<FrameworkDemoResult> {
  return db.transaction(async (tx) => {
    const [framework] = await tx
      .select({ id: frameworks.id, regionId: frameworks.regionId })
      .from(frameworks)
      .innerJoin(regions, eq(regions.id, frameworks.regionId))
      .where(eq(regions.code, NORTH_WEST_REGION_CODE))
      .orderBy(frameworks.createdAt)
      .limit(1);
    if (!framework) return { seeded: false };
    const [existing] = await tx.select({ id: termsVersions.id }).from(termsVersions).where(eq(termsVersions.frameworkId, framework.id));
    if (existing) return { seeded: false };

    const [terms] = await tx
      .insert(termsVersions)
      .values({
        frameworkId: framework.id,
        version: "1.0",
        title: "North West SEND Flexible Purchasing System: terms and conditions",
        summary:
          "The first published terms: call-off by Individual Placement Agreement or block contract, weekly prices in pence at or below each band's ceiling, safeguarding and insurance duties. Demo text.",
        publishedAt: now,
      })
      .returning();
    const [round] = await tx
      .insert(admissionRounds)
      .values({ frameworkId: framework.id, name: "Demo reopening round", opensAt: now, closesAt: new Date(now.getTime() + ROUND_DAYS * 86_400_000) })
      .returning();
    if (!terms || !round) throw new Error("framework demo insert returned nothing");

    const lotRows = await tx.select().from(lots).where(eq(lots.frameworkId, framework.id));
    const bands = await tx
      .select()
      .from(priceBands)
      .where(
        inArray(
          priceBands.lotId,
          lotRows.map((l) => l.id),
        ),
      );
    const providers = await tx
      .select()
      .from(organisations)
      .where(
        and(
          eq(organisations.regionId, framework.regionId),
          eq(organisations.kind, "provider"),
          inArray(
            organisations.name,
            DEMO_ADMISSIONS.map((d) => d.name),
          ),
        ),
      );

    for (const demo of DEMO_ADMISSIONS) {
      const provider = providers.find((p) => p.name === demo.name);
      if (!provider) continue;
      const lotIdOf = (n: number) => lotRows.find((l) => l.number === n)?.id ?? "";
      const [application] = await tx
        .insert(providerApplications)
        .values({
          frameworkId: framework.id,
          roundId: round.id,
          organisationId: provider.id,
          companiesHouseNumber: provider.companiesHouseNumber ?? "09000000",
          contactName: "Framework contact (demo)",
          contactEmail: `framework@${slug(provider.name)}.example`,
          contactPhone: "0161 496 0000",
          settingsOffered: `${provider.name}: the settings listed in the directory.`,
          termsVersionId: terms.id,
          submittedAt: now,
        })
        .returning();
      if (!application) throw new Error("demo application insert returned nothing");
      await tx.insert(lotAdmissions).values([
        ...demo.admitted.map((n) => ({
          frameworkId: framework.id,
          lotId: lotIdOf(n),
          organisationId: provider.id,
          applicationId: application.id,
          status: "admitted" as const,
          reason: "Meets the framework's quality, safeguarding and financial requirements (demo).",
          decidedAt: now,
        })),
        ...demo.applied.map((n) => ({
          frameworkId: framework.id,
          lotId: lotIdOf(n),
          organisationId: provider.id,
          applicationId: application.id,
          status: "applied" as const,
        })),
      ]);
      // Whole pounds, a little under each ceiling, so providers differ and all are within bands.
      await tx.insert(providerBandPrices).values(
        demo.admitted.flatMap((n) =>
          bands
            .filter((b) => b.lotId === lotIdOf(n))
            .map((b) => ({
              lotId: b.lotId,
              organisationId: provider.id,
              band: b.band,
              weeklyPricePence: Math.floor((b.weeklyCeilingPence * demo.share) / 100) * 100,
              updatedAt: now,
            })),
        ),
      );
    }
    return { seeded: true };
  });
}
