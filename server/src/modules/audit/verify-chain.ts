import { asc, gt } from "drizzle-orm";
import type { Db } from "../../db/client";
import { auditLog } from "../../db/schema";
import { type AuditRecord, auditRowHash, GENESIS_HASH } from "./row-hash";

/** rows: how many rows verified (when broken, how many before the first broken one). */
export type AuditChainReport = { ok: true; rows: number } | { ok: false; rows: number; firstBrokenSeq: number; reason: string };

export interface VerifyAuditChainOptions {
  /** Rows read per query; the log grows for years, so it is never held in memory whole. */
  batchSize?: number;
}

/**
 * Walks the audit log in seq order and recomputes every link: seqs run 1, 2, 3... with no gap,
 * each prev_hash is the previous row's hash, and each hash matches its row's contents.
 * Stops at the first broken row. Rows appended while it runs are checked if it reaches them.
 */
export async function verifyAuditChain(db: Db, options: VerifyAuditChainOptions = {}): Promise<AuditChainReport> {
  const batchSize = options.batchSize ?? 1000;
  let rows = 0;
  let previous: Pick<AuditRecord, "seq" | "hash"> = { seq: 0, hash: GENESIS_HASH };
  for (;;) {
    // Keyset pagination on the primary key: each batch costs the same however long the log.
    const batch = await db.select().from(auditLog).where(gt(auditLog.seq, previous.seq)).orderBy(asc(auditLog.seq)).limit(batchSize);
    for (const row of batch) {
      const broken = findBreak(row, previous);
      if (broken) return { ok: false, rows, ...broken };
      rows++;
      previous = row;
    }
    if (batch.length < batchSize) return { ok: true, rows };
  }
}

function findBreak(row: AuditRecord, previous: Pick<AuditRecord, "seq" | "hash">): { firstBrokenSeq: number; reason: string } | undefined {
  const expected = previous.seq + 1;
  if (row.seq !== expected) {
    const missing = row.seq - 1 === expected ? `row ${expected} is missing` : `rows ${expected} to ${row.seq - 1} are missing`;
    return { firstBrokenSeq: expected, reason: missing };
  }
  if (row.prevHash !== previous.hash) {
    const reason = previous.seq === 0 ? "prev_hash of row 1 is not 64 zeros" : `prev_hash does not match row ${previous.seq}'s hash`;
    return { firstBrokenSeq: row.seq, reason };
  }
  if (row.hash !== auditRowHash(row)) return { firstBrokenSeq: row.seq, reason: "hash does not match the row's contents" };
  return undefined;
}
