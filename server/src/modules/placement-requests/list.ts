import { inArray } from "drizzle-orm";
import type { RequestListItem } from "@shared/schemas/placement-requests";
import type { Db } from "../../db/client";
import { placementRequests } from "../../db/schema";
import type { Actor } from "../identity/actor";
import { listScopeOf, listViewerOf } from "./policy";
import { listRequestIds } from "./queries";
import { buildRequestView } from "./view";

/** One line per request, built from each request's own view so a list never shows more than the detail. */
export async function listRequests(db: Db, actor: Actor): Promise<RequestListItem[]> {
  const scope = listScopeOf(actor);
  if (!scope) return [];
  const ids = await listRequestIds(db, scope);
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(placementRequests)
    .where(inArray(placementRequests.id, ids.slice(0, 100)));
  const viewer = listViewerOf(scope);
  const items: RequestListItem[] = [];
  for (const id of ids.slice(0, 100)) {
    const row = rows.find((r) => r.id === id);
    if (!row) continue;
    const view = await buildRequestView(db, row, viewer);
    items.push({
      ...view.request,
      invited: view.invitations.length,
      offers:
        viewer.kind === "commissioner"
          ? view.invitations.filter((i) => i.status === "offered").length
          : view.offers.filter((o) => o.status === "active").length,
      yourStatus: viewer.kind === "provider" ? (view.invitations[0]?.status ?? null) : null,
    });
  }
  return items;
}
