import { readFileSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { LOTS } from "@shared/codes/lots";
import { PRICE_BANDS, type PriceBand } from "@shared/codes/price-bands";
import { parseCsv } from "../../lib/csv";
import { REFERENCE_DATA_DIR } from "../../paths";
import type { Db } from "../client";
import { frameworks, lots, organisations, priceBands, regions } from "../schema";

export const NORTH_WEST_REGION_CODE = "north-west";

/** Councils (LA code and name) as they appear in the GIAS extract. */
export function northWestCouncils(): { laCode: string; name: string }[] {
  const records = parseCsv(readFileSync(join(REFERENCE_DATA_DIR, "gias-extract-north-west-2017.csv"), "utf8"));
  const byCode = new Map<string, string>();
  for (const { values } of records) {
    const code = values["LA (code)"];
    const name = values["LA (name)"];
    if (code && name) byCode.set(code, name);
  }
  return [...byCode].map(([laCode, name]) => ({ laCode, name })).sort((a, b) => a.name.localeCompare(b.name));
}

// Illustrative weekly ceilings (pence) for band A on each lot; each band above is 35% dearer.
// Residential lots cost more than day lots. Demo values, not the real framework's prices.
const BAND_A_CEILING_PENCE: Record<number, number> = {
  1: 120_000,
  2: 350_000,
  3: 520_000,
  4: 110_000,
  5: 480_000,
  6: 90_000,
  7: 70_000,
};

function ceilingFor(lotNumber: number, band: PriceBand): number {
  const steps = PRICE_BANDS.findIndex((b) => b.band === band);
  return Math.round(((BAND_A_CEILING_PENCE[lotNumber] ?? 100_000) * 1.35 ** steps) / 100) * 100;
}

// Made-up provider organisations for the demonstration; any likeness to a real company is chance.
const DEMO_PROVIDERS = [
  { name: "Pennine Learning Trust (demo)", companiesHouseNumber: "09000001" },
  { name: "Mersey Horizons Care (demo)", companiesHouseNumber: "09000002" },
  { name: "Lakeland Specialist Colleges (demo)", companiesHouseNumber: "09000003" },
  { name: "Ribble Valley Children's Homes (demo)", companiesHouseNumber: "09000004" },
  { name: "Northern Pathways Alternative Provision (demo)", companiesHouseNumber: "09000005" },
];

/** "St. Helens" -> "st-helens", "Pennine Learning Trust (demo)" -> "pennine-learning-trust": the made-up mail domains below. */
const domainLabel = (name: string) =>
  name
    .replace(/\(demo\)/g, "")
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/**
 * A demo organisation's placements contact: a team mailbox at a reserved example domain, and a
 * Manchester number from Ofcom's range for drama (0161 496 0000 to 0999), which rings nobody.
 * Councils are in the 0100s to 0300s, providers in the 0500s.
 */
const demoCouncilContact = (councilName: string, index: number) => ({
  contactEmail: `placements@${domainLabel(councilName)}.example.gov.uk`,
  contactPhone: `0161 496 0${String(100 + index * 10).padStart(3, "0")}`,
});
const demoProviderContact = (providerName: string, index: number) => ({
  contactEmail: `referrals@${domainLabel(providerName)}.example.org.uk`,
  contactPhone: `0161 496 0${500 + index * 10}`,
});

export interface SeedResult {
  seeded: boolean;
  regionId: string;
}

/**
 * Seeds the North West demonstration region: the regional hub, every council in the GIAS
 * extract (with a placements contact) and its Parent Carer Forum, the framework with its seven
 * lots and A-E bands, and a handful of providers (with a referrals contact). Does nothing if the region exists, so it is safe on every start.
 */
export async function seedNorthWest(db: Db, today: Date = new Date()): Promise<SeedResult> {
  return db.transaction(async (tx) => {
    const existing = await tx.select({ id: regions.id }).from(regions).where(eq(regions.code, NORTH_WEST_REGION_CODE));
    if (existing[0]) return { seeded: false, regionId: existing[0].id };

    const [region] = await tx.insert(regions).values({ code: NORTH_WEST_REGION_CODE, name: "North West" }).returning();
    if (!region) throw new Error("region insert returned nothing");
    const councils = northWestCouncils();
    await tx.insert(organisations).values([
      { regionId: region.id, kind: "regional_hub", name: "North West Regional Commissioning Hub" },
      ...councils.map((c, i) => ({
        regionId: region.id,
        kind: "council" as const,
        name: `${c.name} Council`,
        laCode: c.laCode,
        ...demoCouncilContact(c.name, i),
      })),
      ...councils.map((c) => ({ regionId: region.id, kind: "parent_forum" as const, name: `${c.name} Parent Carer Forum`, laCode: c.laCode })),
      ...DEMO_PROVIDERS.map((p, i) => ({ regionId: region.id, kind: "provider" as const, ...p, ...demoProviderContact(p.name, i) })),
    ]);

    // The real framework runs for ten years under the light-touch regime (DOMAIN.md).
    const start = new Date(Date.UTC(today.getUTCFullYear(), 0, 1));
    const end = new Date(Date.UTC(today.getUTCFullYear() + 10, 0, 1) - 86_400_000);
    const [framework] = await tx
      .insert(frameworks)
      .values({
        regionId: region.id,
        name: "North West SEND Flexible Purchasing System",
        termStart: start.toISOString().slice(0, 10),
        termEnd: end.toISOString().slice(0, 10),
      })
      .returning();
    if (!framework) throw new Error("framework insert returned nothing");
    const lotRows = await tx
      .insert(lots)
      .values(LOTS.map((lot) => ({ frameworkId: framework.id, number: lot.number, name: lot.name })))
      .returning();
    await tx.insert(priceBands).values(
      lotRows.flatMap((lot) =>
        PRICE_BANDS.map((b) => ({
          lotId: lot.id,
          band: b.band,
          description: b.description,
          weeklyCeilingPence: ceilingFor(lot.number, b.band),
        })),
      ),
    );
    return { seeded: true, regionId: region.id };
  });
}
