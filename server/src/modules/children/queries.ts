import { and, asc, count, desc, eq, gt, ilike, isNull, lte, or, type Placeholder, sql } from "drizzle-orm";
import { DomainErrorCode } from "@shared/errors";
import { type ChildListQuery, type ChildProfile, type ChildProfileListItem, OPEN_REQUEST_STATES, type ShortlistEntry } from "@shared/schemas/children";
import { type ListMeta, listMeta, pageWindow } from "@shared/schemas/list-query";
import { builtOnce } from "../../db/built-once";
import type { Db, DbOrTx } from "../../db/client";
import { clockColumns, databaseToday } from "../../db/clock";
import { type ChildProfileRow, childProfiles, childShortlists, organisations, placementRequests, placements, settings } from "../../db/schema";
import { conflict, notFound } from "../../http/app-error";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../identity/actor";
import { canSeeChild } from "./policy";
import { presentChild } from "./present";

export { databaseToday };

const isCurrent = (today: string | Placeholder) => and(lte(placements.startDate, today), or(isNull(placements.endDate), gt(placements.endDate, today)));

/**
 * A profile's reads, built once (builtOnce): every search for matches and every profile page runs
 * them, and drizzle building them anew was about a tenth of a search for matches' node CPU.
 */
const profileReads = {
  // The row with the database's date, which work that reckons the child's age but shows no page needs.
  row: builtOnce((db) =>
    db
      .select({ row: childProfiles, today: clockColumns.today })
      .from(childProfiles)
      .where(eq(childProfiles.id, sql.placeholder("id"))),
  ),
  // The council's name, the preferred setting's (none for a null id) and the date in one round trip.
  council: builtOnce((db) =>
    db
      .select({
        name: organisations.name,
        preferredName: sql<string | null>`(SELECT ${settings.name} FROM ${settings} WHERE ${settings.id} = ${sql.placeholder("preferredSettingId")})`,
        today: clockColumns.today,
      })
      .from(organisations)
      .where(eq(organisations.id, sql.placeholder("organisationId"))),
  ),
  requests: builtOnce((db) =>
    db
      .select({ id: placementRequests.id, state: placementRequests.state, deadline: placementRequests.deadline, createdAt: placementRequests.createdAt })
      .from(placementRequests)
      .where(eq(placementRequests.childId, sql.placeholder("childId")))
      .orderBy(desc(placementRequests.createdAt)),
  ),
  // The placements that have started and not ended, latest first (the first is the child's; two overlap only by mistake).
  currentPlacement: builtOnce((db) =>
    db
      .select({
        id: placements.id,
        settingName: settings.name,
        providerName: organisations.name,
        startDate: placements.startDate,
        weeklyFeePence: placements.weeklyFeePence,
      })
      .from(placements)
      .innerJoin(settings, eq(settings.id, placements.settingId))
      .innerJoin(organisations, eq(organisations.id, placements.providerId))
      .where(and(eq(placements.childId, sql.placeholder("childId")), isCurrent(sql.placeholder("today"))))
      .orderBy(desc(placements.startDate)),
  ),
};

/** A profile row the actor may see, or 404 whether or not it exists. Not audited: callers decide what is disclosed. */
export async function loadChildRow(db: DbOrTx, actor: Actor, id: string): Promise<ChildProfileRow> {
  return (await loadChildRowToday(db, actor, id)).row;
}

async function loadChildRowToday(db: DbOrTx, actor: Actor, id: string): Promise<{ row: ChildProfileRow; today: string }> {
  const [found] = await profileReads.row(db).execute({ id });
  if (!found || !canSeeChild(actor, found.row)) throw notFound("The child's profile");
  return found;
}

/** A profile the actor may see that is complete: a draft cannot be matched or put to providers (409 saying what to do). */
export async function loadCompleteChildRow(db: DbOrTx, actor: Actor, id: string): Promise<ChildProfileRow> {
  const row = await loadChildRow(db, actor, id);
  refuseDraft(row);
  return row;
}

/** 409 for a draft profile, saying what to do: drafts are neither matched nor put to providers. */
export function refuseDraft(child: { status: ChildProfile["status"]; reference: string }): void {
  if (child.status === "draft") {
    throw conflict(
      `The profile of ${child.reference} is a draft. Answer its remaining questions, check your answers and complete it first.`,
      DomainErrorCode.ProfileIncomplete,
    );
  }
}

export async function presentChildRow(db: DbOrTx, row: ChildProfileRow): Promise<ChildProfile> {
  // Matching and every profile page start here.
  const [org] = await profileReads.council(db).execute({ organisationId: row.organisationId, preferredSettingId: row.preferredSettingId ?? null });
  // The council is a foreign key of the profile: it always exists.
  if (!org) throw new Error("a child's council is missing");
  const { today } = org;
  const [requests, currentPlacement] = await Promise.all([requestsOf(db, row.id), currentPlacementOf(db, row.id, today)]);
  return presentChild(row, { organisationName: org.name, preferredSettingName: org.preferredName ?? null, requests, currentPlacement, today });
}

async function requestsOf(db: DbOrTx, childId: string): Promise<ChildProfile["requests"]> {
  const rows = await profileReads.requests(db).execute({ childId });
  return rows.map((r) => ({ ...r, deadline: r.deadline.toISOString(), createdAt: r.createdAt.toISOString() }));
}

async function currentPlacementOf(db: DbOrTx, childId: string, today: string): Promise<ChildProfile["currentPlacement"]> {
  const [row] = await profileReads.currentPlacement(db).execute({ childId, today });
  return row ? { ...row, startDate: String(row.startDate) } : null;
}

export interface ReadChildProps {
  db: Db;
  actor: Actor;
  id: string;
  /** What the read is for, kept in the audit log: "view", "matching", "export". */
  purpose: string;
  ip?: string | undefined;
}

/** Every read of a child's profile is a disclosure, so it is audited in the same breath. */
export async function readChild(props: ReadChildProps): Promise<{ row: ChildProfileRow; profile: ChildProfile }> {
  const row = await loadChildRow(props.db, props.actor, props.id);
  await auditRead(props, row);
  return { row, profile: await presentChildRow(props.db, row) };
}

/**
 * The profile's row and the database's date, its read audited as readChild's: for work that
 * uses the answers (matching, outcomes) and not the page, without the page's other reads (its
 * council's name, its requests, its placement): a search for matches makes three round trips fewer.
 */
export async function readChildRow(props: ReadChildProps): Promise<{ row: ChildProfileRow; today: string }> {
  const found = await loadChildRowToday(props.db, props.actor, props.id);
  await auditRead(props, found.row);
  return found;
}

async function auditRead({ db, actor, purpose, ip }: ReadChildProps, row: ChildProfileRow): Promise<void> {
  await recordAudit(db, {
    action: "child_profile.read",
    recordType: "child_profile",
    recordId: row.id,
    actorUserId: actor.userId,
    actorOrganisationId: actor.organisationId,
    ip,
    reason: "Commissioning a placement for a child in the council's care (SEND Code of Practice; Children and Families Act 2014)",
    details: { purpose },
  });
}

/** The council's children, newest change first, a page at a time: references and codes only. */
export async function listChildren(db: Db, organisationId: string, query: ChildListQuery): Promise<{ items: ChildProfileListItem[]; meta: ListMeta }> {
  const today = await databaseToday(db);
  const openRequest = sql<boolean>`EXISTS (SELECT 1 FROM placement_requests r WHERE r.child_id = child_profiles.id AND r.state IN (${sql.join(
    OPEN_REQUEST_STATES.map((state) => sql`${state}`),
    sql`, `,
  )}))`;
  const placed = sql<boolean>`EXISTS (SELECT 1 FROM placements p WHERE p.child_id = child_profiles.id AND p.start_date <= ${today}
    AND (p.end_date IS NULL OR p.end_date > ${today}))`;
  const filters = {
    draft: eq(childProfiles.status, "draft"),
    complete: eq(childProfiles.status, "complete"),
    open_request: openRequest,
    placed,
  };
  const where = and(
    eq(childProfiles.organisationId, organisationId),
    query.q ? ilike(childProfiles.reference, `%${escapeLike(query.q.toUpperCase())}%`) : undefined,
    query.status?.length ? or(...query.status.map((status) => filters[status])) : undefined,
  );
  const { limit, offset } = pageWindow(query.page);
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        id: childProfiles.id,
        reference: childProfiles.reference,
        primaryNeed: childProfiles.primaryNeed,
        lotNumber: childProfiles.lotNumber,
        neededBy: childProfiles.neededBy,
        status: childProfiles.status,
        updatedAt: childProfiles.updatedAt,
        hasOpenRequest: openRequest,
        placed,
      })
      .from(childProfiles)
      .where(where)
      .orderBy(desc(childProfiles.updatedAt), asc(childProfiles.id))
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(childProfiles).where(where),
  ]);
  const items = rows.map((r) => ({
    ...r,
    primaryNeed: r.primaryNeed as ChildProfileListItem["primaryNeed"],
    updatedAt: r.updatedAt.toISOString(),
  }));
  return { items, meta: listMeta(query.page, counted?.total ?? 0) };
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function shortlistOf(db: DbOrTx, childId: string): Promise<ShortlistEntry[]> {
  const rows = await db
    .select({ settingId: childShortlists.settingId, settingName: settings.name, organisationName: organisations.name, addedAt: childShortlists.addedAt })
    .from(childShortlists)
    .innerJoin(settings, eq(settings.id, childShortlists.settingId))
    .innerJoin(organisations, eq(organisations.id, settings.organisationId))
    .where(and(eq(childShortlists.childId, childId)))
    .orderBy(asc(childShortlists.addedAt), asc(settings.name));
  return rows.map((r) => ({ ...r, addedAt: r.addedAt.toISOString() }));
}
