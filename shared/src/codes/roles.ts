import type { OrganisationKind } from "./organisation-kinds";

/**
 * The four roles (DOMAIN.md, "Who uses it"). A user holds one role in one organisation, and an
 * organisation's administrators (orgAdmin) may also invite, re-role and remove its people.
 */
export const ROLES = ["regional_admin", "commissioner", "provider", "parent_panel"] as const;
export type Role = (typeof ROLES)[number];

/** The kind of organisation each role belongs to. */
export const ROLE_ORGANISATION_KIND: Record<Role, OrganisationKind> = {
  regional_admin: "regional_hub",
  commissioner: "council",
  provider: "provider",
  parent_panel: "parent_forum",
};

export const ROLE_LABELS: Record<Role, string> = {
  regional_admin: "Regional administrator",
  commissioner: "Commissioner",
  provider: "Provider",
  parent_panel: "Parent carer panel member",
};

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  regional_hub: "Regional commissioning hub",
  council: "Council",
  provider: "Provider",
  parent_forum: "Parent Carer Forum",
};
