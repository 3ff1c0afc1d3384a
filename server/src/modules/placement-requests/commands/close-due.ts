import { sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { rowsOf } from "../../../db/rows";
import { type PlacementRequestRow, placementRequests } from "../../../db/schema";
import { tellClosed } from "../../notifications/tenders";
import { moveRequest } from "./move-request";

export interface ClosedRequest {
  request: PlacementRequestRow;
  /** "closed" (offers opened to the council) or "no_offers"; "evaluated" when a price round ended. */
  to: PlacementRequestRow["state"];
}

/**
 * Closes every open request whose deadline has passed by the database's clock, and ends price
 * rounds that are due. Safe on several nodes at once: each due row is locked with SKIP LOCKED
 * and re-checked, so exactly one node closes it; run it after a restart and it catches up.
 */
export async function closeDueRequests(db: Db, batch = 50): Promise<ClosedRequest[]> {
  const closed: ClosedRequest[] = [];
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const due = await rowsOf<{ id: string }>(
        tx,
        sql`SELECT id FROM placement_requests
            WHERE (state = 'open' AND deadline <= clock_timestamp()) OR (state = 'price_round' AND price_round_closes_at <= clock_timestamp())
            ORDER BY deadline LIMIT ${batch} FOR UPDATE SKIP LOCKED`,
      );
      const results: ClosedRequest[] = [];
      for (const { id } of due) {
        const [request] = await tx
          .select()
          .from(placementRequests)
          .where(sql`id = ${id}`);
        if (!request) continue;
        if (request.state === "price_round") {
          results.push({
            request: await moveRequest({ tx, request, to: "evaluated", details: { round: "price" }, tell: ["request:state", "request:ranks"] }),
            to: "evaluated",
          });
          continue;
        }
        const [{ n } = { n: 0 }] = await rowsOf<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM offers WHERE request_id = ${id} AND status = 'active'`);
        const to = Number(n) > 0 ? "closed" : "no_offers";
        const at = sql`clock_timestamp()`;
        // Closing opens sealed offers to the council at the same moment: the audited "opening".
        const row = await moveRequest({
          tx,
          request,
          to,
          set: { closedAt: at, ...(to === "closed" ? { offersOpenedAt: at } : {}) },
          details: { offers: Number(n) },
          // The close is the change of state too: one message (publishClosed).
          tell: ["request:closed"],
        });
        await tellClosed(tx, row, Number(n));
        results.push({ request: row, to });
      }
      return results;
    });
    closed.push(...done);
    if (done.length < batch) return closed;
  }
}
