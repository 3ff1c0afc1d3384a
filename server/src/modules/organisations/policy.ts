import type { Actor } from "../identity/actor";

interface OrganisationRecord {
  id: string;
  regionId: string;
}

const isHubMemberOf = (actor: Actor, org: OrganisationRecord) => actor.role === "regional_admin" && actor.regionId === org.regionId;

/** The hub's people see every organisation in their region; everyone else only their own. */
export const canSeeOrganisation = (actor: Actor, org: OrganisationRecord) => isHubMemberOf(actor, org) || actor.organisationId === org.id;

// Adding organisations and managing people hand out access, so they take an administrator: a
// hub member who is not one may not make organisations, nor invite or promote anyone (they
// could otherwise make themselves, or anyone, an administrator of the hub or a council).

export const canCreateOrganisation = (actor: Actor) => actor.role === "regional_admin" && actor.orgAdmin;

/** Inviting, re-roling and removing people: the organisation's own administrators, or the hub's. */
export const canManagePeople = (actor: Actor, org: OrganisationRecord) => actor.orgAdmin && (isHubMemberOf(actor, org) || actor.organisationId === org.id);
