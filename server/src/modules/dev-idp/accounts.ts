import { createHash } from "node:crypto";
import { asc } from "drizzle-orm";
import type { OrganisationKind } from "@shared/codes/organisation-kinds";
import { type Role, ROLE_ORGANISATION_KIND, ROLES } from "@shared/codes/roles";
import type { Db } from "../../db/client";
import { organisations } from "../../db/schema";

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  orgAdmin: boolean;
  organisationId: string;
  organisationName: string;
  organisationKind: OrganisationKind;
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/\(demo\)/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

const roleFor = (kind: OrganisationKind) => ROLES.find((role) => ROLE_ORGANISATION_KIND[role] === kind) as Role;

/**
 * The development provider's demo people, derived from the seeded organisations: an
 * administrator for every organisation, and a second, ordinary member for providers and the
 * hub. Addresses use the reserved .example domain, so they can never reach a real inbox.
 */
export async function demoAccounts(db: Db): Promise<DemoAccount[]> {
  const rows = await db.select().from(organisations).orderBy(asc(organisations.kind), asc(organisations.name));
  return rows.flatMap((org) => {
    const role = roleFor(org.kind);
    const domain = `${slug(org.name)}.example`;
    const base = { role, organisationId: org.id, organisationName: org.name, organisationKind: org.kind };
    const title = { regional_admin: "Regional administrator", commissioner: "Commissioner", provider: "Provider administrator", parent_panel: "Panel member" }[
      role
    ];
    const accounts: DemoAccount[] = [{ ...base, email: `${role.replace("_", ".")}@${domain}`, name: `${title}, ${org.name}`, orgAdmin: true }];
    if (org.kind === "provider" || org.kind === "regional_hub") {
      accounts.push({ ...base, email: `staff@${domain}`, name: `Staff member, ${org.name}`, orgAdmin: false });
    }
    return accounts;
  });
}

/** A stable subject per address, as a real provider keeps one per person. */
export const subjectFor = (email: string) => createHash("sha256").update(email.toLowerCase()).digest("hex").slice(0, 32);
