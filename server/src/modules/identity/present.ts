import type { Me } from "@shared/schemas/identity";
import type { Actor } from "./actor";

export function presentMe(actor: Actor, csrfToken: string | undefined): Me {
  return {
    user: { id: actor.userId, email: actor.email, displayName: actor.displayName, role: actor.role, orgAdmin: actor.orgAdmin },
    organisation:
      actor.organisationId && actor.organisationName && actor.organisationKind
        ? { id: actor.organisationId, name: actor.organisationName, kind: actor.organisationKind }
        : null,
    authenticatedBy: actor.via,
    ...(csrfToken ? { csrfToken } : {}),
  };
}
