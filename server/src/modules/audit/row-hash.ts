import { createHash } from "node:crypto";
import type { auditLog } from "../../db/schema";
import { canonicalJson } from "./canonical-json";

/** One row of the audit log as stored. */
export type AuditRecord = typeof auditLog.$inferSelect;

/** The prev_hash of row 1: there is no row before it. audit_append (migration 0032) writes the same; test/audit checks they agree. */
export const GENESIS_HASH = "0".repeat(64);

/**
 * The SHA-256 (hex) that seals a row: its every column but the hash itself, prev_hash included,
 * so changing any row breaks its own hash and moving or dropping one breaks the next row's link.
 * Absent values are hashed as null so that adding a column later cannot collide with old rows.
 */
export function auditRowHash(row: Omit<AuditRecord, "hash">): string {
  return createHash("sha256").update(sealedJson(row), "utf8").digest("hex");
}

/** What auditRowHash hashes. The database writes the same when it appends (record-audit.ts). */
export function sealedJson(row: Omit<AuditRecord, "hash" | "occurredAt"> & { occurredAt: Date | string }): string {
  return canonicalJson({
    seq: row.seq,
    occurredAt: typeof row.occurredAt === "string" ? row.occurredAt : row.occurredAt.toISOString(),
    actorUserId: row.actorUserId,
    actorOrganisationId: row.actorOrganisationId,
    action: row.action,
    recordType: row.recordType,
    recordId: row.recordId,
    ip: row.ip,
    reason: row.reason,
    details: row.details,
    prevHash: row.prevHash,
  });
}
