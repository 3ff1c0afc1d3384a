import { type SQL, sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import { writeBeforeCommit } from "../../db/before-commit";
import type { DbOrTx, Tx } from "../../db/client";
import { rowsOf, UUID } from "../../db/rows";
import type { AuditDetails } from "../../db/schema";
import { canonicalJson } from "./canonical-json";
import { type AuditRecord, sealedJson } from "./row-hash";

export interface AuditEntryInput {
  /** A dotted verb: "auth.sign_in", "member.role_change", "child_profile.read". */
  action: string;
  /** The kind of record acted on, in snake_case: "user", "organisation", "child_profile". */
  recordType: string;
  /** The record's id, when there is one (a failed sign-in may have none). */
  recordId?: string | null;
  /** Who acted (a uuid); absent for the system or an unknown person. */
  actorUserId?: string | null;
  /** The organisation the actor acted for (a uuid). */
  actorOrganisationId?: string | null;
  /** The client's IP address, as the request saw it. */
  ip?: string | null;
  /** Why: for a disclosure of a child's data, the lawful basis relied on. */
  reason?: string | null;
  /** Ids and codes only: never names or free text about a child (this log is kept for years). */
  details?: AuditDetails;
}

export type { AuditRecord };

// Shared by every node of this app (any constant unlike the migration lock's, 7_240_611).
const AUDIT_APPEND_LOCK_KEY = 7_240_612;

// Entries recorded in a transaction and not yet appended, appended together at its end.
const queued = new WeakMap<Tx, EntryValues[]>();

/**
 * Records one entry in the hash-chained audit log. Pass the caller's transaction so the entry
 * commits or rolls back with the change it records: it is appended when the transaction
 * commits, with the transaction's other entries, in the order they were recorded. Given the
 * plain database, it is appended at once by one statement, which is its own transaction.
 */
export async function recordAudit(db: DbOrTx, entry: AuditEntryInput): Promise<void> {
  const values = normalise(entry);
  if (!(db instanceof PgTransaction)) return void (await append(db, [values]));
  // Every audited write in the service takes the chain's lock in turn, and holds it until its
  // transaction ends. Appended as the change happened, a transaction held it through all its
  // later work (an award: the placement, everyone told; about 15 ms) and every other audited
  // write waited. Now the entries are queued in one statement at the transaction's end, and the
  // database appends them inside the commit (migration 0033): the lock is never held while the
  // database waits for this process.
  let queue = queued.get(db);
  if (!queue) {
    const entries: EntryValues[] = [];
    if (!writeBeforeCommit(db, () => queueForCommit(entries.splice(0)))) return void (await append(db, [values]));
    queued.set(db, entries);
    queue = entries;
  }
  queue.push(values);
}

/**
 * Appends one entry at once (after any the transaction has queued) and answers the sealed row:
 * for a caller that needs its seq or hash before the transaction ends. It holds the chain's lock
 * from here to the commit, so keep what follows it short.
 */
export async function appendAuditNow(db: DbOrTx, entry: AuditEntryInput): Promise<AuditRecord> {
  const values = normalise(entry);
  const rows = await append(db, db instanceof PgTransaction ? [...(queued.get(db)?.splice(0) ?? []), values] : [values]);
  const row = rows.at(-1);
  if (!row) throw new Error("audit_log insert returned no row");
  return row;
}

type EntryValues = Omit<AuditRecord, "seq" | "occurredAt" | "prevHash" | "hash">;

/** What audit_append takes for each entry: its values, and its canonical JSON around the gaps the chain's head fills. */
const appendable = (entries: EntryValues[]) => JSON.stringify(entries.map((values) => ({ ...values, ...sealingParts(values) })));

/**
 * The statement that queues entries for the database to append when their transaction commits
 * (sent with its other end writes: writeBeforeCommit): a deferred trigger calls audit_append
 * inside the COMMIT (migration 0033), so the lock is taken and released there. A refusal (a
 * repeatable read transaction) fails the COMMIT, and the transaction rolls back.
 */
function queueForCommit(entries: EntryValues[]): SQL | undefined {
  if (entries.length === 0) return undefined;
  return sql`INSERT INTO audit_queue (lock_key, entries) VALUES (${AUDIT_APPEND_LOCK_KEY}, ${appendable(entries)}::jsonb)`;
}

async function append(db: DbOrTx, entries: EntryValues[]): Promise<AuditRecord[]> {
  if (entries.length === 0) return [];
  // Row N+1 needs row N's hash, so appends must take turns across transactions and app nodes.
  // A transaction-scoped advisory lock is held until the caller commits or rolls back, so no
  // one reads the head of the chain while an uncommitted row might still become the head.
  // Given the plain database, the statement is a transaction of its own (the lock is held while
  // it runs): one round trip where BEGIN, the append and COMMIT were three, for every audited
  // read of a child's profile (each search for matches is one).
  // audit_append takes the lock, reads the head, seals and inserts the rows in one round trip
  // (migration 0032 says why and how), from each row's canonical JSON written here.
  const rows = await rowsOf<{ seq: string | number; occurred_at: string; prev_hash: string; hash: string }>(
    db,
    sql`SELECT seq, occurred_at, prev_hash, hash FROM audit_append(${AUDIT_APPEND_LOCK_KEY}, ${appendable(entries)}::jsonb)`,
  );
  if (rows.length !== entries.length) throw new Error("audit_append returned fewer rows than it was given");
  return rows.map((row, i) => ({ ...entries[i]!, seq: Number(row.seq), occurredAt: new Date(row.occurred_at), prevHash: row.prev_hash, hash: row.hash }));
}

// What only the chain's head decides, left empty in the canonical JSON: keys are sorted, so the
// time and the previous hash are adjacent and the seq is last.
const GAPS = '"occurredAt":"","prevHash":"",';
const SEQ = '"seq":0}';

/** A row's canonical JSON (sealedJson) split around its time, previous hash and seq. */
function sealingParts(values: EntryValues): { before: string; after: string } {
  const blank = sealedJson({ ...values, occurredAt: "", prevHash: "", seq: 0 });
  // The last one: the details come before these keys, and quotes inside their strings are escaped.
  const at = blank.lastIndexOf(GAPS);
  if (at < 0 || !blank.endsWith(SEQ)) throw new Error("audit: the canonical row does not have the expected shape");
  // audit_append writes the time, `","prevHash":"`, the previous hash, `after`, the seq and `}`.
  return { before: `${blank.slice(0, at)}"occurredAt":"`, after: `",${blank.slice(at + GAPS.length, -SEQ.length)}"seq":` };
}

/** Puts each value in the form the database will give back, so the hash verifies on reading. */
function normalise(entry: AuditEntryInput): EntryValues {
  const details = entry.details ?? {};
  if (typeof details !== "object" || details === null || Array.isArray(details)) {
    throw new TypeError("recordAudit: details must be a JSON object");
  }
  return {
    action: entry.action,
    recordType: entry.recordType,
    recordId: entry.recordId ?? null,
    // The uuid column returns lower case whatever case it was given.
    actorUserId: uuidOrNull(entry.actorUserId, "actorUserId"),
    actorOrganisationId: uuidOrNull(entry.actorOrganisationId, "actorOrganisationId"),
    ip: entry.ip ?? null,
    reason: entry.reason ?? null,
    // jsonb drops undefined properties and reorders keys; hash exactly what it will store.
    details: JSON.parse(canonicalJson(details)) as AuditDetails,
  };
}

function uuidOrNull(value: string | null | undefined, field: string): string | null {
  if (value === undefined || value === null) return null;
  if (!UUID.test(value)) throw new TypeError(`recordAudit: ${field} must be a uuid`);
  return value.toLowerCase();
}
