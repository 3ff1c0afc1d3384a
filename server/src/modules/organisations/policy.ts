import type { Member } from "../../http/require-actor";
import type { Actor } from "../identity/actor";

interface OrganisationRecord {
  id: string;
  regionId: string;
}

const isHubMemberOf = (actor: Actor, org: OrganisationRecord) => actor.role === "regional_admin" && actor.regionId === org.regionId;

/** The hub's people see every organisation in their region; everyone else only their own. */
export const canSeeOrganisation = (actor: Actor, org: OrganisationRecord) => isHubMemberOf(actor, org) || actor.organisationId === org.id;

/** Which organisations the actor lists: every one in the region for the hub's people, else their own. */
export const organisationScope = (actor: Member): { regionId: string } | { organisationId: string } =>
  actor.role === "regional_admin" ? { regionId: actor.regionId } : { organisationId: actor.organisationId };

// Adding organisations and managing people hand out access, so they take an administrator: a
// hub member who is not one may not make organisations, nor invite or promote anyone (they
// could otherwise make themselves, or anyone, an administrator of the hub or a council).

export const canCreateOrganisation = (actor: Actor) => actor.role === "regional_admin" && actor.orgAdmin;

/** Inviting, re-roling and removing people: the organisation's own administrators, or the hub's. */
export const canManagePeople = (actor: Actor, org: OrganisationRecord) => actor.orgAdmin && (isHubMemberOf(actor, org) || actor.organisationId === org.id);

/**
 * Changing the organisation's contact (the e-mail and phone others use about placements): the
 * same people as its people, since the contact speaks for the organisation in award letters.
 */
export const canEditContact = (actor: Actor, org: OrganisationRecord) => canManagePeople(actor, org);
