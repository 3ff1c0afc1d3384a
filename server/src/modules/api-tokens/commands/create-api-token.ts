import type { ApiTokenCreateInput } from "@shared/schemas/identity";
import type { Db } from "../../../db/client";
import { apiTokens } from "../../../db/schema";
import { recordAudit } from "../../audit/record-audit";
import { generateTokenSecret } from "../token-secret";

export interface CreateApiTokenProps {
  db: Db;
  /** Whose token it is; it acts with exactly that person's role and organisation. */
  userId: string;
  organisationId: string | null;
  input: ApiTokenCreateInput;
  /** Who asked: the person themselves, or "cli" for `npm run cli -- token create`. */
  via: "session" | "cli";
  ip?: string | undefined;
}

/** Makes a personal API token. The secret is returned once and stored only as a hash. */
export async function createApiToken({ db, userId, organisationId, input, via, ip }: CreateApiTokenProps) {
  const secret = generateTokenSecret();
  const expiresAt = new Date(Date.now() + input.expiresInDays * 86_400_000);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(apiTokens).values({ userId, name: input.name, prefix: secret.prefix, tokenHash: secret.hash, expiresAt }).returning();
    if (!row) throw new Error("token insert returned nothing");
    await recordAudit(tx, {
      action: "token.create",
      recordType: "api_token",
      recordId: row.id,
      actorUserId: userId,
      actorOrganisationId: organisationId,
      ip,
      details: { via, expiresInDays: input.expiresInDays },
    });
    return { row, token: secret.token };
  });
}
