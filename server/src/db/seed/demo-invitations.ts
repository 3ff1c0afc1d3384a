import { and, eq, isNull } from "drizzle-orm";
import { demoAccounts } from "../../modules/dev-idp/accounts";
import type { Db } from "../client";
import { invitations, users } from "../schema";

/**
 * Open, non-expiring invitations for the development provider's demo people, so that each demo
 * person's first sign-in goes through the same onboarding as a real one.
 */
export async function seedDemoInvitations(db: Db): Promise<number> {
  const accounts = await demoAccounts(db);
  return db.transaction(async (tx) => {
    let created = 0;
    for (const account of accounts) {
      const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, account.email)).limit(1);
      const [open] = await tx
        .select({ id: invitations.id })
        .from(invitations)
        .where(and(eq(invitations.email, account.email), isNull(invitations.revokedAt)))
        .limit(1);
      if (user || open) continue;
      await tx.insert(invitations).values({
        organisationId: account.organisationId,
        email: account.email,
        role: account.role,
        orgAdmin: account.orgAdmin,
        expiresAt: null,
      });
      created++;
    }
    return created;
  });
}
