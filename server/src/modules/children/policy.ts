import { forbidden } from "../../http/app-error";
import type { Member } from "../../http/require-actor";
import type { Actor } from "../identity/actor";

/** Commissioners of a council record and work with children's profiles. */
export const canRecordChildren = (actor: Actor) => actor.role === "commissioner" && actor.organisationKind === "council" && actor.organisationId !== null;

/**
 * Only the owning council's commissioners read or change a profile. Everyone else, the regional
 * hub included, is told it does not exist: least privilege for special-category data.
 */
export const canSeeChild = (actor: Actor, child: { organisationId: string }) => canRecordChildren(actor) && actor.organisationId === child.organisationId;

/** The member a children's route acts as: a council's commissioner, or 403. */
export function asCommissioner(member: Member): Member {
  if (!canRecordChildren(member)) throw forbidden("Children's profiles are for commissioners of the child's council.");
  return member;
}
