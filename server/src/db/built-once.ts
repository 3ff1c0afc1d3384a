import { Placeholder } from "drizzle-orm";
import type { DbOrTx } from "./client";

interface Buildable {
  prepare(name: string): { getQuery(): { params: unknown[] } };
}

/**
 * A query built once per database and kept, for the reads every request's view, watch and
 * publish runs. Drizzle builds a query anew on each call, and for these reads building took the
 * node more CPU than running them (docs/benchmarks.md, "Hot reads built once"). Values are
 * `sql.placeholder`s, given to `execute`; a value written into the query would be the first
 * caller's for every caller after, so a query with one is refused when it is built.
 *
 * Unnamed by default (`prepare("")`): PostgreSQL still parses and plans the statement with its
 * values each time, as for any other query. A named statement may switch to a generic plan that
 * ignores the values after five runs; name one (as the token's lookup) only where its plan is the
 * same whatever the values. Mind the tables' sizes too: PostgreSQL keeps a generic plan until the
 * tables' statistics change (an ANALYZE) or the connection closes. A trial that named the
 * request's view had it planned while the national benchmark's competitions had no offers yet
 * (scanning the empty tables was cheapest), and it went on scanning every offer for each version
 * once there were thousands: 100 to 500 ms a view, and 503s (docs/benchmarks.md, "A cheaper
 * re-watch"). The token's lookup is one table by a unique hash: at worst a scan of a small
 * table. Planning unnamed statements costs PostgreSQL about a millisecond a view: the price of
 * plans that follow the data. A transaction's `tx` is a new object each time, so inside one the
 * query is built once per transaction: no better than drizzle's own, and no worse.
 */
export function builtOnce<Q extends Buildable>(build: (db: DbOrTx) => Q, name = ""): (db: DbOrTx) => ReturnType<Q["prepare"]> {
  const built = new WeakMap<DbOrTx, ReturnType<Q["prepare"]>>();
  return (db) => {
    let query = built.get(db);
    if (!query) built.set(db, (query = prepareOnce(build(db), name)));
    return query;
  };
}

/** Prepares (builds) the query, and checks the values of the statement it built: one build, not two. */
function prepareOnce<Q extends Buildable>(query: Q, name: string): ReturnType<Q["prepare"]> {
  const prepared = query.prepare(name) as ReturnType<Q["prepare"]>;
  if (prepared.getQuery().params.some((p) => !(p instanceof Placeholder)))
    throw new Error("builtOnce: a value is written into the query; give every value as sql.placeholder(...) and pass it to execute");
  return prepared;
}
