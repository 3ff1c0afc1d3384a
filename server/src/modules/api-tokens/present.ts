import type { ApiToken } from "@shared/schemas/identity";
import type { apiTokens } from "../../db/schema";

type Row = typeof apiTokens.$inferSelect;

export function presentApiToken(row: Row): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
