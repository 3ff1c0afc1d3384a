/** Every user belongs to one organisation of one of these kinds (DOMAIN.md, "Who uses it"). */
export const ORGANISATION_KINDS = ["regional_hub", "council", "provider", "parent_forum"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
