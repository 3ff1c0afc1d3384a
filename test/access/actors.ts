import { randomBytes } from "node:crypto";
import { type Role, ROLE_ORGANISATION_KIND } from "@shared/codes/roles";
import type { Db } from "../../server/src/db/client";
import { invitations } from "../../server/src/db/schema";
import { buildOrganisation, buildRegion } from "../factories/organisations";
import { buildUnaffiliatedUser, buildUser, type BuiltUser } from "../factories/users";

/** Everyone the access matrix asks about. */
export const WHO = [
  "anonymous",
  "unaffiliated",
  "regional_admin",
  "regional_staff",
  "commissioner",
  "commissioner_admin",
  "provider",
  "provider_admin",
  "parent_panel",
  "parent_panel_admin",
] as const;
export type Who = (typeof WHO)[number];

export interface MatrixActor {
  who: Who;
  headers: Record<string, string>;
  person?: BuiltUser;
  role?: Role;
  /** Their own organisation, and another they have no business with. */
  ownOrgId?: string;
  otherOrgId?: string;
  /** The region all the actors share, and one none of them belongs to. */
  regionId: string;
  otherRegionId: string;
}

const roleOf = (who: Who): { role: Role; orgAdmin: boolean } | undefined => {
  if (who === "anonymous" || who === "unaffiliated") return undefined;
  if (who === "regional_admin") return { role: "regional_admin", orgAdmin: true };
  if (who === "regional_staff") return { role: "regional_admin", orgAdmin: false };
  const admin = who.endsWith("_admin");
  return { role: who.replace(/_admin$/, "") as Role, orgAdmin: admin };
};

/**
 * One actor per kind of person, each in an organisation of their own in one region. "Other" is
 * an organisation of the same kind in the same region — or, for the regional admin, in another
 * region, since every organisation of their own region is theirs to see.
 */
export async function buildMatrixActors(db: Db): Promise<Record<Who, MatrixActor>> {
  const region = await buildRegion(db);
  const otherRegion = await buildRegion(db);
  const actors = {} as Record<Who, MatrixActor>;
  for (const who of WHO) {
    const fit = roleOf(who);
    if (!fit) {
      const person = who === "unaffiliated" ? await buildUnaffiliatedUser(db) : undefined;
      actors[who] = { who, headers: person ? person.auth : {}, regionId: region.id, otherRegionId: otherRegion.id, ...(person ? { person } : {}) };
      continue;
    }
    const kind = ROLE_ORGANISATION_KIND[fit.role];
    const own = await buildOrganisation(db, { kind, regionId: region.id });
    const other = await buildOrganisation(db, { kind, regionId: fit.role === "regional_admin" ? otherRegion.id : region.id });
    const person = await buildUser(db, { role: fit.role, orgAdmin: fit.orgAdmin, organisationId: own.id });
    actors[who] = {
      who,
      headers: person.auth,
      person,
      role: fit.role,
      ownOrgId: own.id,
      otherOrgId: other.id,
      regionId: region.id,
      otherRegionId: otherRegion.id,
    };
  }
  return actors;
}

/** A fresh, ordinary member of the organisation (a target for re-roling or removal). */
export async function freshMember(db: Db, organisationId: string, role: Role) {
  return (await buildUser(db, { role, organisationId })).user.id;
}

export async function freshInvitation(db: Db, organisationId: string, role: Role) {
  const [row] = await db
    .insert(invitations)
    .values({ organisationId, email: `invitee-${randomBytes(5).toString("hex")}@test.example`, role, expiresAt: new Date(Date.now() + 86_400_000) })
    .returning();
  return row?.id ?? "";
}

export const uniqueEmail = () => `new-${randomBytes(5).toString("hex")}@test.example`;
