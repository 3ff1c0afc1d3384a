import type { Member } from "../../http/require-actor";

// Who may do what with the region's money (issue 14). Every payments route names one of these.

/** The hub's administrators set the levy, the periods, membership, and bill on demand. */
export const managesBilling = (actor: Member) => actor.role === "regional_admin" && actor.orgAdmin;

/** The hub's members see everything of the region: pending and failed, totals by council and lot. */
export const readsRegionPayments = (actor: Member) => actor.role === "regional_admin";

/** A council's commissioners see their own council's invoices (never another council's). */
export const readsCouncilInvoices = (actor: Member) => actor.role === "commissioner" && actor.organisationKind === "council";

/** A provider's members see invoices for their own placements and their Connect status. */
export const readsProviderPayments = (actor: Member) => actor.role === "provider" && actor.organisationKind === "provider";

/** Connecting the organisation to Stripe or paying its membership binds it: its administrators only. */
export const actsForProviderMoney = (actor: Member) => readsProviderPayments(actor) && actor.orgAdmin;

/** Any of the three sees some invoices; which ones is decided by the query (scopeOf). */
export const readsInvoices = (actor: Member) => readsRegionPayments(actor) || readsCouncilInvoices(actor) || readsProviderPayments(actor);

/** A placement's fee is changed by the council that placed the child. */
export const changesPlacementFee = (actor: Member, placement: { councilId: string }) =>
  readsCouncilInvoices(actor) && actor.organisationId === placement.councilId;
