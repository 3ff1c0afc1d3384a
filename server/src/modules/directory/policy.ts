import type { Member } from "../../http/require-actor";
import type { Actor } from "../identity/actor";

interface SettingRecord {
  organisationId: string;
  regionId: string;
}

const isRegionalAdminOf = (actor: Actor, regionId: string) => actor.role === "regional_admin" && actor.regionId === regionId;
const isMemberOfOwner = (actor: Actor, setting: SettingRecord) => actor.role === "provider" && actor.organisationId === setting.organisationId;

/** Commissioners find settings for children; the regional hub oversees the directory. */
export const canSearchDirectory = (actor: Actor) => actor.role === "commissioner" || actor.role === "regional_admin";

/**
 * Who may see a setting: its own provider always; the region's hub always; commissioners of the
 * region only once it is listed (published by a provider admitted to one of its lots).
 */
export const canSeeSetting = (actor: Actor, setting: SettingRecord, listed: boolean) =>
  isMemberOfOwner(actor, setting) ||
  isRegionalAdminOf(actor, setting.regionId) ||
  (actor.role === "commissioner" && actor.regionId === setting.regionId && listed);

/** Editing what a setting offers is for the provider's administrators. */
export const canEditSetting = (actor: Actor, setting: SettingRecord) => isMemberOfOwner(actor, setting) && actor.orgAdmin;

/** Any of the provider's staff may confirm vacancies: it is a daily task, not an administrative one. */
export const canUpdateVacancies = (actor: Actor, setting: SettingRecord) => isMemberOfOwner(actor, setting);

/** Providers publish or withdraw their own; only the hub suspends (and lifts a suspension). */
export function canSetStatus(actor: Actor, setting: SettingRecord, status: string, current: string): boolean {
  if (isRegionalAdminOf(actor, setting.regionId)) return status === "suspended" || status === "published";
  return canEditSetting(actor, setting) && status !== "suspended" && current !== "suspended";
}

/** A commissioner sees a setting only once it is listed; its provider and the hub see it whatever its status. */
export const seesOnlyListed = (actor: Actor) => actor.role === "commissioner";

/** Adding settings is for the provider's administrators. */
export const canAddSettings = (actor: Actor) => actor.role === "provider" && actor.orgAdmin;

export const canClaimSettings = (actor: Actor) => actor.role === "provider" && actor.orgAdmin;
export const canDecideClaims = (actor: Actor, regionId: string) => isRegionalAdminOf(actor, regionId);

/** Claims are between providers and the hub that decides them. */
export const canSeeClaims = (actor: Actor) => actor.role === "regional_admin" || actor.role === "provider";

/** Which claims the actor sees: the hub all of its region's, a provider its own. */
export const claimScope = (actor: Member): { regionId: string } | { organisationId: string } =>
  actor.role === "regional_admin" ? { regionId: actor.regionId } : { organisationId: actor.organisationId };
