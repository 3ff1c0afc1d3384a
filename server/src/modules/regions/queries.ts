import { asc, count, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { frameworks, lots, organisations, regions } from "../../db/schema";

export type RegionRows = Awaited<ReturnType<typeof listRegionsWithPublicDetail>>;

/** Everything public about every region: councils, frameworks with lots, organisation counts. */
export async function listRegionsWithPublicDetail(db: Db) {
  const regionRows = await db.select().from(regions).orderBy(asc(regions.name));
  const ids = regionRows.map((r) => r.id);
  if (ids.length === 0) return [];
  const [councils, frameworkRows, lotRows, counts] = await Promise.all([
    db.select().from(organisations).where(eq(organisations.kind, "council")).orderBy(asc(organisations.name)),
    db.select().from(frameworks).where(inArray(frameworks.regionId, ids)).orderBy(asc(frameworks.name)),
    db.select().from(lots).orderBy(asc(lots.number)),
    db
      .select({ regionId: organisations.regionId, kind: organisations.kind, n: count() })
      .from(organisations)
      .groupBy(organisations.regionId, organisations.kind),
  ]);
  return regionRows.map((region) => ({
    region,
    councils: councils.filter((c) => c.regionId === region.id),
    frameworks: frameworkRows
      .filter((f) => f.regionId === region.id)
      .map((framework) => ({ framework, lots: lotRows.filter((l) => l.frameworkId === framework.id) })),
    counts: counts.filter((c) => c.regionId === region.id),
  }));
}
