import type { Invitation, Member, Organisation } from "@shared/schemas/identity";
import type { invitations, organisations, users } from "../../db/schema";

export function presentOrganisation(row: typeof organisations.$inferSelect): Organisation {
  return {
    id: row.id,
    regionId: row.regionId,
    kind: row.kind,
    name: row.name,
    laCode: row.laCode,
    companiesHouseNumber: row.companiesHouseNumber,
    contactEmail: row.contactEmail,
    contactPhone: row.contactPhone,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentMember(row: typeof users.$inferSelect): Member {
  if (!row.role) throw new Error("a member always has a role");
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    orgAdmin: row.orgAdmin,
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
  };
}

export function presentInvitation(row: typeof invitations.$inferSelect): Invitation {
  return {
    id: row.id,
    organisationId: row.organisationId,
    email: row.email,
    role: row.role,
    orgAdmin: row.orgAdmin,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
