import { type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "./client";
import { rowsOf } from "./rows";

type Work = () => Promise<void>;
type Then = (db: Db) => void;
/** One write of the transaction's end (writeBeforeCommit). */
interface Write {
  build: () => SQL | undefined;
  returned?: ((rows: Record<string, unknown>[]) => void) | undefined;
}

// The transactions opened through a database from openDatabase: the work to run last, the
// writes to send last, and what to start once committed.
const ends = new WeakMap<Tx, { last: Work[]; writes: Write[]; committed: Then[] }>();

/**
 * Makes every `db.transaction(...)` of this database run the work registered with beforeCommit
 * at its end, inside it, after the caller's own work and before the commit: so something every
 * transaction does under a shared lock (the audit chain's) holds that lock only for the commit.
 * Work that throws rolls the transaction back, as the caller's own would. Then it sends the
 * writes registered with writeBeforeCommit, as one statement. Once the commit has succeeded, it
 * starts what whenCommitted registered (live events: live-outbox.ts).
 */
export function withBeforeCommit(db: Db): Db {
  const begin = db.transaction.bind(db);
  const transaction: Db["transaction"] = async (work, config) => {
    const committed: Then[] = [];
    const result = await begin(async (tx) => {
      const last: Work[] = [];
      const writes: Write[] = [];
      ends.set(tx, { last, writes, committed });
      const value = await work(tx);
      for (;;) {
        const next = last.shift();
        if (next) await next();
        else if (writes.length > 0) await sendWrites(tx, writes.splice(0));
        else break;
      }
      ends.delete(tx);
      return value;
    }, config);
    for (const then of committed) then(db);
    return result;
  };
  db.transaction = transaction;
  return db;
}

/**
 * Runs `work` at the end of `tx`, just before it commits. False where that cannot be done (a
 * savepoint's `tx`, or one whose end has come): the caller does the work at once instead.
 */
export function beforeCommit(tx: Tx, work: Work): boolean {
  const end = ends.get(tx);
  if (!end) return false;
  end.last.push(work);
  return true;
}

/**
 * Sends `build()`'s statement (an INSERT, UPDATE or DELETE; none if it answers undefined) at the
 * end of `tx`, after its beforeCommit work, in one statement with the transaction's other such
 * writes: each is a data-modifying WITH of it. An offer ended with three writes (its
 * Idempotency-Key's answer, its audit entry, its live events), each a round trip while its
 * request was locked; with PostgreSQL a network away, round trips are most of an offer's time and
 * of how long offers on one request wait for each other (ADR 0026: 20 providers at once went
 * through 42 to 48 offers a second, now 56 to 68). The writes see the same snapshot, not each
 * other's rows: they must not depend on each other. `returned` gets the rows of the statement's
 * RETURNING, as JSON objects. False where that cannot be done (as beforeCommit): the caller
 * writes at once.
 */
export function writeBeforeCommit(tx: Tx, build: Write["build"], returned?: Write["returned"]): boolean {
  const end = ends.get(tx);
  if (!end) return false;
  end.writes.push({ build, returned });
  return true;
}

async function sendWrites(tx: Tx, writes: Write[]): Promise<void> {
  const parts = writes.flatMap((write) => {
    const statement = write.build();
    return statement ? [{ statement, returned: write.returned }] : [];
  });
  if (parts.length === 0) return;
  const name = (i: number) => sql.raw(`w${i}`);
  const withs = sql.join(
    parts.map((p, i) => sql`${name(i)} AS (${p.statement})`),
    sql`, `,
  );
  // Only a write with RETURNING can be selected from; the others run all the same.
  const selects = parts.flatMap((p, i) => (p.returned ? [sql`SELECT ${sql.raw(String(i))} AS part, to_jsonb(${name(i)}) AS row FROM ${name(i)}`] : []));
  const select = selects.length > 0 ? sql.join(selects, sql` UNION ALL `) : sql`SELECT NULL::int AS part, NULL::jsonb AS row`;
  const rows = await rowsOf<{ part: number; row: Record<string, unknown> }>(tx, sql`WITH ${withs} ${select}`);
  parts.forEach((p, i) => p.returned?.(rows.filter((r) => Number(r.part) === i).map((r) => r.row)));
}

/**
 * Starts `then` with the transaction's database (not awaited: it handles its own failures) once
 * `tx` has committed; never if it rolls back. False where that cannot be done (as beforeCommit).
 */
export function whenCommitted(tx: Tx, then: Then): boolean {
  const end = ends.get(tx);
  if (!end) return false;
  end.committed.push(then);
  return true;
}
