import { randomBytes } from "node:crypto";
import { type Role, ROLE_ORGANISATION_KIND } from "@shared/codes/roles";
import type { Db } from "../../server/src/db/client";
import { users } from "../../server/src/db/schema";
import { createApiToken } from "../../server/src/modules/api-tokens/commands/create-api-token";
import { buildOrganisation } from "./organisations";

export interface BuiltUser {
  user: typeof users.$inferSelect;
  /** A live API token for the user: send as `Authorization: Bearer <token>`. */
  token: string;
  auth: { Authorization: string };
}

/**
 * A person with a role in an organisation (a new one of the right kind unless given), and an
 * API token to act as them: most API tests need a signed-in actor, not the sign-in itself.
 */
export async function buildUser(
  db: Db,
  options: { role?: Role; orgAdmin?: boolean; organisationId?: string; regionId?: string; email?: string } = {},
): Promise<BuiltUser> {
  const role = options.role ?? "commissioner";
  const organisationId =
    options.organisationId ??
    (await buildOrganisation(db, { kind: ROLE_ORGANISATION_KIND[role], ...(options.regionId ? { regionId: options.regionId } : {}) })).id;
  const id = randomBytes(6).toString("hex");
  const [user] = await db
    .insert(users)
    .values({
      issuer: "https://idp.test.example",
      subject: `subject-${id}`,
      email: options.email ?? `person-${id}@test.example`,
      emailVerified: true,
      displayName: `Test person ${id}`,
      organisationId,
      role,
      orgAdmin: options.orgAdmin ?? false,
    })
    .returning();
  if (!user) throw new Error("no user");
  const { token } = await createApiToken({ db, userId: user.id, organisationId, input: { name: "test", expiresInDays: 1 }, via: "cli" });
  return { user, token, auth: { Authorization: `Bearer ${token}` } };
}

/** A person who has signed in but belongs to no organisation yet. */
export async function buildUnaffiliatedUser(db: Db): Promise<BuiltUser> {
  const id = randomBytes(6).toString("hex");
  const [user] = await db
    .insert(users)
    .values({ issuer: "https://idp.test.example", subject: `subject-${id}`, email: `nobody-${id}@test.example`, emailVerified: true })
    .returning();
  if (!user) throw new Error("no user");
  const { token } = await createApiToken({ db, userId: user.id, organisationId: null, input: { name: "test", expiresInDays: 1 }, via: "cli" });
  return { user, token, auth: { Authorization: `Bearer ${token}` } };
}
