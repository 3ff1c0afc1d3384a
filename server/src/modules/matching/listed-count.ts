import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { rowsOf } from "../../db/rows";

// Counting a region's listed settings on a lot reads every one of them (40 ms for 20,000), more
// than the prefiltered match itself. The count only tells the commissioner how many settings
// were weighed, so a figure up to this old is good enough; the matches themselves are never cached.
const FRESH_FOR_MS = 30_000;
const counts = new Map<string, { count: number; at: number }>();

/**
 * How many settings are listed in the region on the lot matched, counted at most FRESH_FOR_MS
 * ago: the settings the engine weighs for that lot, not every setting of the region.
 */
export async function listedCount(db: Db, regionId: string, lotNumber: number): Promise<number> {
  const known = counts.get(`${regionId}:${lotNumber}`);
  if (known && Date.now() - known.at < FRESH_FOR_MS) return known.count;
  const [row] = await rowsOf<{ n: number }>(
    db,
    // Listed on a lot = published, offering the lot and its provider admitted to it there. That
    // implies the directory's LISTED_SQL (admitted to one of the setting's lots), whose check for
    // each setting took this count from 40 ms to 190 ms at 20,000 settings, so it is left out.
    sql`SELECT count(*)::int AS n FROM settings s JOIN organisations o ON o.id = s.organisation_id
        WHERE o.region_id = ${regionId} AND s.status = 'published' AND s.lot_numbers @> ARRAY[${lotNumber}::int]
          AND EXISTS (SELECT 1 FROM lot_admissions la JOIN lots l ON l.id = la.lot_id JOIN frameworks f ON f.id = l.framework_id
                      WHERE la.organisation_id = s.organisation_id AND la.status = 'admitted' AND l.number = ${lotNumber}::int AND f.region_id = ${regionId})`,
  );
  return rememberListedCount(regionId, lotNumber, row?.n ?? 0);
}

/** Records a count just made another way (every listed setting loaded, to explain exclusions). */
export function rememberListedCount(regionId: string, lotNumber: number, count: number): number {
  counts.set(`${regionId}:${lotNumber}`, { count, at: Date.now() });
  return count;
}
