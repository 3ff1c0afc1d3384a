import { and, eq } from "drizzle-orm";
import { demoAccounts, subjectFor } from "../../modules/dev-idp/accounts";
import { EMBEDDED_ISSUER_KEY } from "../../modules/dev-idp/issuer-key";
import type { Db } from "../client";
import { users } from "../schema";

/**
 * The development provider's demo people, already members of their organisations, so a fresh
 * demo can be used at once (and `npm run cli -- token create --email` works for them).
 */
export async function seedDemoPeople(db: Db): Promise<number> {
  const accounts = await demoAccounts(db);
  return db.transaction(async (tx) => {
    let created = 0;
    for (const account of accounts) {
      const subject = subjectFor(account.email);
      const [existing] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.issuer, EMBEDDED_ISSUER_KEY), eq(users.subject, subject)));
      if (existing) continue;
      await tx.insert(users).values({
        issuer: EMBEDDED_ISSUER_KEY,
        subject,
        email: account.email,
        emailVerified: true,
        displayName: account.name,
        organisationId: account.organisationId,
        role: account.role,
        orgAdmin: account.orgAdmin,
      });
      created++;
    }
    return created;
  });
}
