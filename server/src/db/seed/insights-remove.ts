import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { rowsOf } from "../rows";
import { SYNTHETIC_SUFFIX } from "./insights-settings";

/** Deletes every synthetic row (children, requests and all that hangs off them, placements, reviews, synthetic settings). */
export async function removeInsightsHistory(db: Db): Promise<{ placements: number; requests: number; children: number }> {
  return db.transaction(async (tx) => {
    const count = async (query: ReturnType<typeof sql>) => Number((await rowsOf<{ n: number }>(tx, query))[0]?.n ?? 0);
    const placements = await count(sql`SELECT count(*)::int AS n FROM placements WHERE synthetic`);
    const requests = await count(sql`SELECT count(*)::int AS n FROM placement_requests WHERE synthetic`);
    const children = await count(sql`SELECT count(*)::int AS n FROM child_profiles WHERE synthetic`);
    await tx.execute(sql`DELETE FROM provider_review_views WHERE review_id IN (
      SELECT r.id FROM outcome_reviews r JOIN placements p ON p.id = r.placement_id WHERE p.synthetic)`);
    await tx.execute(sql`DELETE FROM outcome_reviews WHERE placement_id IN (SELECT id FROM placements WHERE synthetic)`);
    // The facts have no foreign keys (migration 0022), so they go explicitly.
    await tx.execute(sql`DELETE FROM placement_facts WHERE synthetic`);
    await tx.execute(sql`DELETE FROM request_facts WHERE synthetic`);
    await tx.execute(sql`DELETE FROM placements WHERE synthetic`);
    await tx.execute(sql`DELETE FROM awards WHERE request_id IN (SELECT id FROM placement_requests WHERE synthetic)`);
    // Invitations, offers and their versions and questions go with their request (ON DELETE CASCADE).
    await tx.execute(sql`DELETE FROM placement_requests WHERE synthetic`);
    await tx.execute(sql`DELETE FROM child_profiles WHERE synthetic`);
    await tx.execute(sql`DELETE FROM settings s WHERE s.name LIKE ${`%${SYNTHETIC_SUFFIX}`} AND NOT EXISTS (SELECT 1 FROM placements p WHERE p.setting_id = s.id)
      AND NOT EXISTS (SELECT 1 FROM request_invitations i WHERE i.setting_id = s.id)`);
    await tx.execute(sql`DELETE FROM organisations o WHERE o.kind = 'provider' AND o.name LIKE ${`%${SYNTHETIC_SUFFIX}`}
      AND NOT EXISTS (SELECT 1 FROM settings s WHERE s.organisation_id = o.id)`);
    return { placements, requests, children };
  });
}
