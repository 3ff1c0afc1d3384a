import type { AdmissionStatus } from "@shared/codes/directory";
import type { Member } from "../../http/require-actor";
import type { Actor } from "../identity/actor";

interface FrameworkRecord {
  regionId: string;
}

interface ApplicationRecord {
  organisationId: string;
}

// Route gates (requireMember): who may call a framework route at all, before any record is loaded.

/** The hub's routes: ceilings, terms, rounds and admission decisions (which framework: canRunFramework). */
export const isRegionalHub = (actor: Actor) => actor.role === "regional_admin";

/** Providers' routes: applying and their own prices. */
export const isProvider = (actor: Actor) => actor.role === "provider";

/** Applications are between the hub that decides them and the providers that make them. */
export const canSeeApplications = (actor: Actor) => isRegionalHub(actor) || isProvider(actor);

/** Every member of an organisation in the framework's region may read it (lots, bands, terms, rounds). */
export const canSeeFramework = (actor: Actor, framework: FrameworkRecord) => actor.role !== null && actor.regionId === framework.regionId;

/** Ceilings, terms, rounds and admission decisions: the region's hub administrators only. */
export const canRunFramework = (actor: Actor, framework: FrameworkRecord) => isRegionalHub(actor) && actor.regionId === framework.regionId;

/** Applying and stating prices bind the provider, so only its administrators may do them. */
export const canActForProvider = (actor: Actor) => isProvider(actor) && actor.orgAdmin && actor.organisationId !== null;

/** An application is seen by the hub that decides it and by the provider that made it; nobody else. */
export const canSeeApplication = (actor: Actor, framework: FrameworkRecord, application: ApplicationRecord) =>
  canRunFramework(actor, framework) || (isProvider(actor) && actor.organisationId === application.organisationId);

/** Which of a framework's applications the actor sees: every one for the hub that runs it, a provider its own. */
export const applicationScope = (actor: Member, framework: FrameworkRecord): { organisationId?: string } =>
  canRunFramework(actor, framework) ? {} : { organisationId: actor.organisationId };

/**
 * Parent carer panels co-produce the framework's documents but never see prices (DOMAIN.md):
 * for them the bands, with their ceilings, are left out.
 */
export const seesPrices = (viewer: Pick<Actor, "role">) => viewer.role !== "parent_panel";

/**
 * The hub's decisions on a lot. A rejection is final for its round: the provider may apply again
 * in a later round (which puts the lot back to "applied"), so the hub never reverses one here.
 * Suspension is the sanction for an admitted provider, and lifting it readmits.
 */
export const ADMISSION_TRANSITIONS: Record<AdmissionStatus, readonly AdmissionStatus[]> = {
  applied: ["admitted", "rejected"],
  admitted: ["suspended"],
  suspended: ["admitted"],
  rejected: [],
};

export const canDecide = (from: AdmissionStatus, to: AdmissionStatus) => ADMISSION_TRANSITIONS[from].includes(to);
