import { and, asc, desc, eq } from "drizzle-orm";
import type { ChildProfile, ChildProfileListItem, ShortlistEntry } from "@shared/schemas/children";
import type { Db, DbOrTx } from "../../db/client";
import { databaseToday } from "../../db/clock";
import { type ChildProfileRow, childProfiles, childShortlists, organisations, settings } from "../../db/schema";
import { notFound } from "../../http/app-error";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../identity/actor";
import { canSeeChild } from "./policy";
import { presentChild } from "./present";

export { databaseToday };

/** A profile row the actor may see, or 404 whether or not it exists. Not audited: callers decide what is disclosed. */
export async function loadChildRow(db: DbOrTx, actor: Actor, id: string): Promise<ChildProfileRow> {
  const [row] = await db.select().from(childProfiles).where(eq(childProfiles.id, id));
  if (!row || !canSeeChild(actor, row)) throw notFound("The child's profile");
  return row;
}

export async function presentChildRow(db: DbOrTx, row: ChildProfileRow): Promise<ChildProfile> {
  const [org] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, row.organisationId));
  // The council is a foreign key of the profile: it always exists.
  if (!org) throw new Error("a child's council is missing");
  const [preferred] = row.preferredSettingId ? await db.select({ name: settings.name }).from(settings).where(eq(settings.id, row.preferredSettingId)) : [];
  return presentChild(row, { organisationName: org.name, preferredSettingName: preferred?.name ?? null, today: await databaseToday(db) });
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
export async function readChild({ db, actor, id, purpose, ip }: ReadChildProps): Promise<{ row: ChildProfileRow; profile: ChildProfile }> {
  const row = await loadChildRow(db, actor, id);
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
  return { row, profile: await presentChildRow(db, row) };
}

/** The council's children, newest change first: references and codes only. */
export async function listChildren(db: Db, organisationId: string): Promise<ChildProfileListItem[]> {
  const rows = await db
    .select({
      id: childProfiles.id,
      reference: childProfiles.reference,
      primaryNeed: childProfiles.primaryNeed,
      lotNumber: childProfiles.lotNumber,
      neededBy: childProfiles.neededBy,
      updatedAt: childProfiles.updatedAt,
    })
    .from(childProfiles)
    .where(eq(childProfiles.organisationId, organisationId))
    .orderBy(desc(childProfiles.updatedAt));
  return rows.map((r) => ({
    ...r,
    primaryNeed: r.primaryNeed as ChildProfileListItem["primaryNeed"],
    neededBy: r.neededBy,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

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
