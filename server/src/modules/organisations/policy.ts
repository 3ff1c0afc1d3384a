import type { Actor } from "../identity/actor";

interface OrganisationRecord {
  id: string;
  regionId: string;
}

const isRegionalAdminOf = (actor: Actor, org: OrganisationRecord) => actor.role === "regional_admin" && actor.regionId === org.regionId;

/** Regional admins see every organisation in their region; everyone else only their own. */
export const canSeeOrganisation = (actor: Actor, org: OrganisationRecord) => isRegionalAdminOf(actor, org) || actor.organisationId === org.id;

export const canCreateOrganisation = (actor: Actor) => actor.role === "regional_admin";

/** Inviting, re-roling and removing people: the organisation's own administrators, or the region's. */
export const canManagePeople = (actor: Actor, org: OrganisationRecord) =>
  isRegionalAdminOf(actor, org) || (actor.organisationId === org.id && actor.orgAdmin);
