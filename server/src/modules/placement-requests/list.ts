import { inArray } from "drizzle-orm";
import { type ListMeta, listMeta } from "@shared/schemas/list-query";
import type { RequestListItem, RequestListQuery, RequestView } from "@shared/schemas/placement-requests";
import type { Db } from "../../db/client";
import { placementRequests } from "../../db/schema";
import type { Actor } from "../identity/actor";
import { listScopeOf, listViewerOf } from "./policy";
import { listRequestIds } from "./queries";
import { buildRequestView } from "./view";

/** A provider that offered learns, from the intention to award on, whether its offer was successful. */
const outcomeOf = (view: RequestView): RequestListItem["yourOutcome"] => {
  if (view.viewer !== "provider" || !view.award || view.offers.length === 0) return null;
  return view.award.yours ? "successful" : "unsuccessful";
};

/** One page of lines, each built from its request's own view so a list never shows more than the detail. */
export async function listRequests(db: Db, actor: Actor, query: RequestListQuery): Promise<{ data: RequestListItem[]; meta: ListMeta }> {
  const scope = listScopeOf(actor);
  if (!scope) return { data: [], meta: listMeta(query.page, 0) };
  const { ids, total } = await listRequestIds(db, scope, query);
  const rows = ids.length ? await db.select().from(placementRequests).where(inArray(placementRequests.id, ids)) : [];
  const viewer = listViewerOf(scope);
  const items: RequestListItem[] = [];
  for (const id of ids) {
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
      yourOutcome: outcomeOf(view),
    });
  }
  return { data: items, meta: listMeta(query.page, total) };
}
