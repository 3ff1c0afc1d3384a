import { and, asc, desc, eq, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { invitations, organisations, users } from "../../db/schema";
import { notFound } from "../../http/app-error";
import type { Actor } from "../identity/actor";
import { canSeeOrganisation } from "./policy";

/** The organisations the actor may see: all of the region's for a regional admin, else their own. */
export function listVisibleOrganisations(db: Db, actor: Actor) {
  if (actor.role === "regional_admin" && actor.regionId) {
    return db.select().from(organisations).where(eq(organisations.regionId, actor.regionId)).orderBy(asc(organisations.kind), asc(organisations.name));
  }
  if (!actor.organisationId) return Promise.resolve([]);
  return db.select().from(organisations).where(eq(organisations.id, actor.organisationId));
}

/** Loads an organisation the actor may see; anything else is "not found", existing or not. */
export async function loadVisibleOrganisation(db: Db, actor: Actor, id: string) {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, id));
  if (!org || !canSeeOrganisation(actor, org)) throw notFound("The organisation");
  return org;
}

export function listMembers(db: Db, organisationId: string) {
  return db
    .select()
    .from(users)
    .where(and(eq(users.organisationId, organisationId), isNull(users.disabledAt)))
    .orderBy(asc(users.email));
}

export async function loadMember(db: DbOrTx, organisationId: string, userId: string) {
  const [member] = await db.select().from(users).where(and(eq(users.id, userId), eq(users.organisationId, organisationId)));
  if (!member) throw notFound("The person");
  return member;
}

export function listInvitations(db: Db, organisationId: string) {
  return db.select().from(invitations).where(eq(invitations.organisationId, organisationId)).orderBy(desc(invitations.createdAt));
}
