import { and, asc, desc, eq, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { invitations, organisations, users } from "../../db/schema";
import { forbidden, notFound } from "../../http/app-error";
import type { Member } from "../../http/require-actor";
import type { Actor } from "../identity/actor";
import { canEditContact, canManagePeople, canSeeOrganisation, organisationScope } from "./policy";

/** The organisations the actor may see (`organisationScope`): all of the region's for a regional admin, else their own. */
export function listVisibleOrganisations(db: Db, actor: Member) {
  const scope = organisationScope(actor);
  if ("regionId" in scope) {
    return db.select().from(organisations).where(eq(organisations.regionId, scope.regionId)).orderBy(asc(organisations.kind), asc(organisations.name));
  }
  return db.select().from(organisations).where(eq(organisations.id, scope.organisationId));
}

/** Loads an organisation the actor may see; anything else is "not found", existing or not. */
export async function loadVisibleOrganisation(db: Db, actor: Actor, id: string) {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, id));
  if (!org || !canSeeOrganisation(actor, org)) throw notFound("The organisation");
  return org;
}

/** An organisation whose people the actor manages: 404 if they may not see it, 403 if they may see it but not manage its people. */
export async function loadManageableOrganisation(db: Db, actor: Actor, organisationId: string) {
  const organisation = await loadVisibleOrganisation(db, actor, organisationId);
  if (!canManagePeople(actor, organisation)) throw forbidden("Only your organisation's administrators manage its people.");
  return organisation;
}

/** An organisation whose contact the actor may change: 404 if they may not see it, 403 if they may see it but not change it. */
export async function loadContactEditableOrganisation(db: Db, actor: Actor, organisationId: string) {
  const organisation = await loadVisibleOrganisation(db, actor, organisationId);
  if (!canEditContact(actor, organisation)) throw forbidden("Only your organisation's administrators change its contact details.");
  return organisation;
}

export function listMembers(db: Db, organisationId: string) {
  return db
    .select()
    .from(users)
    .where(and(eq(users.organisationId, organisationId), isNull(users.disabledAt)))
    .orderBy(asc(users.email));
}

export async function loadMember(db: DbOrTx, organisationId: string, userId: string) {
  const [member] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), eq(users.organisationId, organisationId)));
  if (!member) throw notFound("The person");
  return member;
}

export function listInvitations(db: Db, organisationId: string) {
  return db.select().from(invitations).where(eq(invitations.organisationId, organisationId)).orderBy(desc(invitations.createdAt));
}
