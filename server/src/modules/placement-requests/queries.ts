import { and, desc, eq, inArray, ne, or, type SQL, sql } from "drizzle-orm";
import { pageWindow } from "@shared/schemas/list-query";
import { AWAITING_DECISION_STATES, type RequestListQuery } from "@shared/schemas/placement-requests";
import { builtOnce } from "../../db/built-once";
import type { Db, DbOrTx } from "../../db/client";
import { databaseNow } from "../../db/clock";
import { containing } from "../../db/paged";
import { organisations, type PlacementRequestRow, placementRequests, placements, requestInvitations, settings } from "../../db/schema";
import { notFound } from "../../http/app-error";
import type { Actor } from "../identity/actor";
import { invitableOrganisationOf, type ListScope, mayBeInvitedViewer, seesPlacement, type Viewer, viewerOf } from "./policy";

export type { Viewer };

/** null: no invitation; true: one not looked at yet; false: every one looked at. */
type InvitationsLooked = boolean | null;

/**
 * The request and what an organisation's invitations to it say, in one statement: every response,
 * view and publish starts here, and a second round trip each added up at scale. No organisation
 * (null: the council, or anyone who may not be invited) matches no invitation, so says null.
 */
const requestAndInvitations = (db: DbOrTx) => {
  const ri = requestInvitations;
  const invitations = sql<InvitationsLooked>`(SELECT bool_or(${ri.status} = 'invited') FROM ${ri} WHERE ${ri.requestId} = ${placementRequests.id} AND ${ri.organisationId} = ${sql.placeholder("organisationId")})`;
  return db
    .select({ request: placementRequests, invitations })
    .from(placementRequests)
    .where(eq(placementRequests.id, sql.placeholder("id")));
};
const requestRead = builtOnce(requestAndInvitations);
const requestLocked = builtOnce((db) => requestAndInvitations(db).for("update", { of: placementRequests }));

/**
 * The request as the actor may see it, and as whom; 404 for anyone neither buyer nor invited.
 * `unviewed`: the actor's organisation has an invitation to it not looked at yet (markViewed's
 * work), so a provider's every later look costs no transaction.
 */
export async function loadRequestFor(
  db: DbOrTx,
  actor: Actor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<{ request: PlacementRequestRow; viewer: Viewer; unviewed: boolean }> {
  const values = { id, organisationId: invitableOrganisationOf(actor) ?? null };
  const [row] = await (options.forUpdate ? requestLocked : requestRead)(db).execute(values);
  if (!row) throw notFound("The placement request");
  const { request } = row;
  const invited = row.invitations !== null;
  const viewer = viewerOf(actor, request, mayBeInvitedViewer(actor, request) && invited ? [actor.organisationId] : []);
  if (!viewer) throw notFound("The placement request");
  return { request, viewer, unviewed: viewer.kind === "provider" && row.invitations === true };
}

export { databaseNow };

/** A search of the requests list: a public reference (PR-1A2B3C4D, or its start), or for the council also its child's reference. */
function searchCondition(scope: ListScope, q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  const idStart = /^(?:PR-?)?([0-9a-f]{1,8})$/i.exec(q)?.[1]?.toLowerCase();
  const byReference = idStart ? sql`${placementRequests.id}::text LIKE ${`${idStart}%`}` : undefined;
  if (scope.kind !== "council") return byReference ?? sql`false`;
  const byChild = sql`EXISTS (SELECT 1 FROM child_profiles c WHERE c.id = ${placementRequests.childId} AND c.reference ILIKE ${containing(q)})`;
  return byReference ? or(byReference, byChild) : byChild;
}

/** The council's requests, or those a provider is invited to (not drafts), newest first: one page of ids and how many match. */
export async function listRequestIds(db: Db, scope: ListScope, query: RequestListQuery): Promise<{ ids: string[]; total: number }> {
  const states = [...new Set((query.status ?? []).flatMap((s) => (s === "awaiting_decision" ? AWAITING_DECISION_STATES : [s])))];
  const where = and(
    scope.kind === "council"
      ? eq(placementRequests.organisationId, scope.organisationId)
      : and(
          inArray(
            placementRequests.id,
            db.selectDistinct({ id: requestInvitations.requestId }).from(requestInvitations).where(eq(requestInvitations.organisationId, scope.organisationId)),
          ),
          ne(placementRequests.state, "draft"),
        ),
    states.length ? inArray(placementRequests.state, states) : undefined,
    searchCondition(scope, query.q),
  );
  const { limit, offset } = pageWindow(query.page);
  const [rows, [count]] = await Promise.all([
    db
      .select({ id: placementRequests.id })
      .from(placementRequests)
      .where(where)
      .orderBy(desc(placementRequests.createdAt), desc(placementRequests.id))
      .limit(limit)
      .offset(offset),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(placementRequests)
      .where(where),
  ]);
  return { ids: rows.map((r) => r.id), total: Number(count?.total ?? 0) };
}

/** A placement with its setting's and provider's names, for the council that made it and the provider delivering it; 404 for anyone else. */
export async function loadPlacementFor(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select({ placement: placements, settingName: settings.name, organisationName: organisations.name })
    .from(placements)
    .innerJoin(settings, eq(settings.id, placements.settingId))
    .innerJoin(organisations, eq(organisations.id, placements.providerId))
    .where(eq(placements.id, id));
  if (!row || !seesPlacement(actor, row.placement)) throw notFound("The placement");
  return row;
}
