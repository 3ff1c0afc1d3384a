import { and, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { isoDate } from "../../db/dates";
import { insightsPublications, organisations, regions } from "../../db/schema";

/** The councils of a region, by id, with their names. */
export async function councilsOf(db: Db, regionId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.regionId, regionId), eq(organisations.kind, "council")));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface Publication {
  from: string;
  to: string;
  publishedAt: Date;
}

/** The published period of a region's summary, or undefined. */
export async function publicationOf(db: DbOrTx, regionId: string): Promise<Publication | undefined> {
  const [row] = await db.select().from(insightsPublications).where(eq(insightsPublications.regionId, regionId));
  return row ? { from: isoDate(row.periodFrom).slice(0, 7), to: isoDate(row.periodTo).slice(0, 7), publishedAt: row.publishedAt } : undefined;
}

export async function regionOf(db: Db, regionId: string): Promise<{ id: string; name: string } | undefined> {
  const [row] = await db.select({ id: regions.id, name: regions.name }).from(regions).where(eq(regions.id, regionId));
  return row;
}
