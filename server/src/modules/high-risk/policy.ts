import type { Actor } from "../identity/actor";

// Who reads and who changes the region's definition of a high-risk placement.

/** The hub's members and the region's commissioners: the definition shapes what they both read in the insights. */
export const readsHighRiskDefinition = (actor: Actor) =>
  actor.role === "regional_admin" || (actor.role === "commissioner" && actor.organisationKind === "council");

/** Changing it re-judges every placement of the region: the hub's administrators only. */
export const changesHighRiskDefinition = (actor: Actor) => actor.role === "regional_admin" && actor.orgAdmin;

/** The provider delivering the placement reads its high-risk status as a disclosure outside the council. */
export const readsAsProvider = (actor: Actor, placement: { providerId: string }) => actor.organisationId === placement.providerId;
