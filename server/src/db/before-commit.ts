import type { Db, Tx } from "./client";

type Work = () => Promise<void>;
type Then = (db: Db) => void;

// The transactions opened through a database from openDatabase: the work to run last, and what
// to start once committed.
const ends = new WeakMap<Tx, { last: Work[]; committed: Then[] }>();

/**
 * Makes every `db.transaction(...)` of this database run the work registered with beforeCommit
 * at its end, inside it, after the caller's own work and before the commit: so something every
 * transaction does under a shared lock (the audit chain's) holds that lock only for the commit.
 * Work that throws rolls the transaction back, as the caller's own would. Once the commit has
 * succeeded, it starts what whenCommitted registered (live events: live-outbox.ts).
 */
export function withBeforeCommit(db: Db): Db {
  const begin = db.transaction.bind(db);
  const transaction: Db["transaction"] = async (work, config) => {
    const committed: Then[] = [];
    const result = await begin(async (tx) => {
      const last: Work[] = [];
      ends.set(tx, { last, committed });
      const value = await work(tx);
      for (let next = last.shift(); next; next = last.shift()) await next();
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
 * Starts `then` with the transaction's database (not awaited: it handles its own failures) once
 * `tx` has committed; never if it rolls back. False where that cannot be done (as beforeCommit).
 */
export function whenCommitted(tx: Tx, then: Then): boolean {
  const end = ends.get(tx);
  if (!end) return false;
  end.committed.push(then);
  return true;
}
