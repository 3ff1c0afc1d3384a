import type { OrganisationKind } from "@shared/codes/organisation-kinds";
import { type Role, ROLE_LABELS, ROLE_ORGANISATION_KIND } from "@shared/codes/roles";
import { ORGANISATION_KIND_LABELS } from "@shared/codes/roles";
import { validationFailed } from "../../http/app-error";

/** A role belongs to one kind of organisation: a council has commissioners, a forum panel members. */
export function assertRoleFits(role: Role, kind: OrganisationKind, path: string): void {
  if (ROLE_ORGANISATION_KIND[role] === kind) return;
  const fitting = (Object.keys(ROLE_ORGANISATION_KIND) as Role[]).find((r) => ROLE_ORGANISATION_KIND[r] === kind);
  throw validationFailed([
    {
      path,
      message: `A ${ORGANISATION_KIND_LABELS[kind].toLowerCase()} cannot have a ${ROLE_LABELS[role].toLowerCase()}${fitting ? `; choose ${ROLE_LABELS[fitting].toLowerCase()}` : ""}`,
    },
  ]);
}
