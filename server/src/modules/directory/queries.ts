import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import type { PgSelect } from "drizzle-orm/pg-core";
import type { SettingClaimListQuery } from "@shared/schemas/settings";
import type { Db } from "../../db/client";
import { containing, pageOf } from "../../db/paged";
import { rowsOf } from "../../db/rows";
import { organisations, settingClaims, settings } from "../../db/schema";
import { notFound } from "../../http/app-error";
import type { Member } from "../../http/require-actor";
import type { Actor } from "../identity/actor";
import { canSeeSetting, claimScope, seesOnlyListed } from "./policy";

export type SettingRow = typeof settings.$inferSelect;
export type OwnerRow = typeof organisations.$inferSelect;

/**
 * Listed: published, and its provider admitted (not suspended) to at least one of its lots on
 * a framework of the setting's own region. Only listed settings reach commissioners.
 */
export const LISTED_SQL = (s: string) =>
  sql.raw(`(${s}.status = 'published' AND EXISTS (
  SELECT 1 FROM lot_admissions la
  JOIN lots l ON l.id = la.lot_id
  JOIN frameworks f ON f.id = l.framework_id
  JOIN organisations o ON o.id = ${s}.organisation_id
  WHERE la.organisation_id = ${s}.organisation_id AND la.status = 'admitted'
    AND l.number = ANY(${s}.lot_numbers) AND f.region_id = o.region_id))`);

export async function isListed(db: Db, settingId: string): Promise<boolean> {
  const [row] = await rowsOf<{ listed: boolean }>(db, sql`SELECT ${LISTED_SQL("s")} AS listed FROM settings s WHERE s.id = ${settingId}`);
  return row?.listed === true;
}

export async function loadSetting(db: Db, id: string): Promise<{ setting: SettingRow; owner: OwnerRow } | undefined> {
  const [row] = await db
    .select({ setting: settings, owner: organisations })
    .from(settings)
    .innerJoin(organisations, eq(organisations.id, settings.organisationId))
    .where(eq(settings.id, id));
  return row;
}

/** Loads a setting the actor may see; anything else is "not found", existing or not. */
export async function loadVisibleSetting(db: Db, actor: Actor, id: string) {
  const found = await loadSetting(db, id);
  if (!found) throw notFound("The setting");
  const record = { organisationId: found.setting.organisationId, regionId: found.owner.regionId };
  const listed = seesOnlyListed(actor) ? await isListed(db, id) : false;
  if (!canSeeSetting(actor, record, listed)) throw notFound("The setting");
  return found;
}

export function listSettingsOf(db: Db, organisationId: string) {
  return db.select().from(settings).where(eq(settings.organisationId, organisationId)).orderBy(asc(settings.name));
}

export const ownerOf = (owner: OwnerRow) => ({ organisationName: owner.name, unclaimed: owner.holdsUnclaimedSettings });

/** Claims the actor may see (`claimScope`) and `filter` admits, newest first, with their setting and claimant. */
function visibleClaims(db: Db, actor: Member, filter: SQL | undefined) {
  const scope = claimScope(actor);
  const where = and(filter, "regionId" in scope ? eq(organisations.regionId, scope.regionId) : eq(settingClaims.organisationId, scope.organisationId));
  const joined = <T extends PgSelect>(q: T) =>
    q.innerJoin(settings, eq(settings.id, settingClaims.settingId)).innerJoin(organisations, eq(organisations.id, settingClaims.organisationId)).where(where);
  return {
    rows: () =>
      joined(db.select({ claim: settingClaims, setting: settings, claimant: organisations }).from(settingClaims).$dynamic()).orderBy(
        desc(settingClaims.createdAt),
        desc(settingClaims.id),
      ),
    count: () => joined(db.select({ n: count() }).from(settingClaims).$dynamic()),
  };
}

/** One claim the actor may see (none if not theirs to see). */
export const loadVisibleClaim = (db: Db, actor: Member, claimId: string) => visibleClaims(db, actor, eq(settingClaims.id, claimId)).rows();

/** One page of the claims the actor may see: search by setting name, URN or provider; filter by status (pending: waiting for a decision). */
export function listVisibleClaims(db: Db, actor: Member, query: SettingClaimListQuery) {
  const statuses = query.status ?? [];
  const { rows, count: counted } = visibleClaims(
    db,
    actor,
    and(
      statuses.length ? inArray(settingClaims.status, statuses) : undefined,
      query.q
        ? or(ilike(settings.name, containing(query.q)), ilike(settings.urn, containing(query.q)), ilike(organisations.name, containing(query.q)))
        : undefined,
    ),
  );
  return pageOf(query.page, (w) => rows().limit(w.limit).offset(w.offset), counted);
}
