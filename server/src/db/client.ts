import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import type { Logger } from "../logger";
import { withBeforeCommit } from "./before-commit";
import { acquireDataDirLock } from "./data-dir-lock";
import { isDatabaseUnavailable } from "./errors";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The query builder the rest of the server uses; the same for a PostgreSQL server and PGlite. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** The `tx` that `db.transaction(async (tx) => ...)` hands its callback. */
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** The database, or a transaction the caller has open (reads that must see its writes). */
export type DbOrTx = Db | Tx;

/** Raw SQL for migrations and checks that the query builder doesn't express. */
export interface SqlRunner {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /** Runs several statements (a migration file) inside one transaction. */
  execInTransaction(script: string, after: (tx: Pick<SqlRunner, "query">) => Promise<void>): Promise<void>;
  /** Holds a lock so only one process migrates at a time (several app nodes may start together). */
  withMigrationLock<T>(fn: () => Promise<T>): Promise<T>;
}

export interface DbHandle {
  db: Db;
  driver: "pg" | "pglite";
  sql: SqlRunner;
  /** Rejects if the database does not answer within timeoutMs. */
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A PostgreSQL server; when absent, embedded PostgreSQL (PGlite) is used. */
  databaseUrl?: string | undefined;
  /** Where PGlite keeps its files; omit for an in-memory database (tests). */
  dataDir?: string | undefined;
  logger?: Logger | undefined;
  poolSize?: number;
  /**
   * How long a statement may go unanswered on a PostgreSQL server before it fails (a 503) and its
   * connection is dropped. Omitted: no limit (the CLI, whose imports and checks may run long).
   */
  queryTimeoutMs?: number | undefined;
}

/** A served request's statements: far above any query's time under load, far below a hung server's. */
export const SERVING_QUERY_TIMEOUT_MS = 10_000;
// A transaction idle between statements for three query timeouts (30 s) has been left by its node.
const IDLE_IN_TRANSACTION_FACTOR = 3;
// The health check's connection is given up on sooner; its probe has answered "down" long before.
const HEALTH_QUERY_TIMEOUT_MS = 5000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`database did not answer within ${ms} ms`)), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolvePromise(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });
}

// An arbitrary constant shared by every node of this app: the key of the migration advisory lock.
const MIGRATION_LOCK_KEY = 7_240_611;

/**
 * A statement that got no answer within query_timeout (a hung server, a network that drops
 * packets) fails, but pg leaves it in flight on its connection. Whatever is sent next there would
 * wait behind it: the transaction's ROLLBACK, then the next request's statements once the
 * connection is back in the pool, run inside the transaction it left open (and committed by that
 * request's COMMIT). And Drizzle never releases a connection whose BEGIN failed, so each such
 * failure (a timeout, a connection a restart ended) would lose a pool slot for good. So a
 * connection whose statement failed that way is released at once as broken: the pool closes it
 * (the server rolls its transaction back when it sees the close) and opens new ones; later
 * statements on it fail at once, and the caller's own release does nothing. (The pool's own
 * query() releases a failed connection as broken already; this is for connections checked out
 * for a transaction.)
 */
function dropWhenBroken(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const drop = (error: unknown) => {
    const release = client.release;
    client.release = () => undefined;
    try {
      release(error instanceof Error ? error : new Error(String(error)));
    } catch {
      // Released already: the pool has it.
    }
  };
  Object.assign(client, {
    query(...args: unknown[]) {
      const result = query(...args);
      if (result instanceof Promise) result.catch((error: unknown) => isDatabaseUnavailable(error) && drop(error));
      return result;
    },
  });
}

/**
 * A connection of its own, without the pool's query timeout: a migration may run longer than a
 * request may wait, and the migration lock waits while another node migrates.
 */
async function withOwnConnection<T>(options: OpenDatabaseOptions, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: options.databaseUrl, connectionTimeoutMillis: 3000, keepAlive: true });
  client.on("error", (error) => options.logger?.warn({ err: error }, "database connection lost"));
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function openServer(options: OpenDatabaseOptions): DbHandle {
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: options.poolSize ?? 10,
    // While PostgreSQL is down or restarting a request waits at most this long for a connection
    // (queued behind a full pool included), then answers 503 with Retry-After (http/error-handler.ts).
    connectionTimeoutMillis: 3000,
    idleTimeoutMillis: 30_000,
    // A server that vanished without closing its connections (a failover, a cut network) is
    // noticed by TCP keepalive instead of leaving queries waiting on a dead socket.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    // A server that answers nothing with its connections open (hung, or a network dropping
    // packets) would otherwise hold a request until TCP gives up, many minutes later.
    query_timeout: options.queryTimeoutMs,
  });
  // The health check's own connection: a pool busy with traffic (queued live events, a slow
  // report) is not a database that is down, and an orchestrator would restart a healthy node.
  const healthPool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: 1,
    connectionTimeoutMillis: 3000,
    idleTimeoutMillis: 30_000,
    query_timeout: HEALTH_QUERY_TIMEOUT_MS,
  });
  // Without a listener, a server restart would crash the process through an idle client's error.
  for (const p of [pool, healthPool]) p.on("error", (error) => options.logger?.warn({ err: error }, "database connection lost"));
  // The pool listens only to idle connections. One checked out (a transaction between its
  // statements) that PostgreSQL ends (a restart's 57P01) would raise an 'error' nobody hears,
  // an uncaught exception that takes the whole node down. With this listener the statement in
  // flight fails (a 503), and the pool drops the broken connection when it is released.
  for (const p of [pool, healthPool])
    p.on("connect", (client) => {
      client.on("error", (error) => options.logger?.warn({ err: error }, "database connection lost"));
      dropWhenBroken(client);
    });
  // The close of a connection dropped after a timeout may never reach the server (the network
  // still drops packets, while the server is fine): its session would hold the transaction's
  // locks (a request's row, the audit chain's) against every other node until TCP gives up,
  // hours later. So the server ends a transaction left idle this long; ours never pause that
  // long between statements. Set by SET, which pg sends before anything else on the connection,
  // not as a startup parameter, which a pooler such as PgBouncer refuses.
  const idleInTransactionMs = options.queryTimeoutMs && options.queryTimeoutMs * IDLE_IN_TRANSACTION_FACTOR;
  if (idleInTransactionMs)
    pool.on("connect", (client) => {
      client
        .query(`SET idle_in_transaction_session_timeout = ${Math.round(idleInTransactionMs)}`)
        .catch((error: unknown) => options.logger?.warn({ err: error }, "database: could not limit idle transactions"));
    });
  const sql: SqlRunner = {
    async query(text, params) {
      return (await pool.query(text, params)).rows;
    },
    execInTransaction: (script, after) =>
      withOwnConnection(options, async (client) => {
        try {
          await client.query("BEGIN");
          await client.query(script);
          await after({ query: async (text, params) => (await client.query(text, params)).rows });
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK").catch(() => undefined);
          throw error;
        }
      }),
    // Ending the lock's connection releases the lock, however the work ended.
    withMigrationLock: (fn) =>
      withOwnConnection(options, async (client) => {
        await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
        return await fn();
      }),
  };
  return {
    db: withBeforeCommit(drizzlePg(pool, { schema }) as unknown as Db),
    driver: "pg",
    sql,
    async ping(timeoutMs = 2000) {
      await withTimeout(healthPool.query("SELECT 1"), timeoutMs);
    },
    async close() {
      await Promise.all([pool, healthPool].filter((p) => !p.ended).map((p) => p.end()));
    },
  };
}

async function openEmbedded(options: OpenDatabaseOptions): Promise<DbHandle> {
  let releaseLock = () => {};
  let pglite: PGlite;
  if (options.dataDir) {
    const dir = resolve(options.dataDir);
    mkdirSync(dir, { recursive: true });
    releaseLock = acquireDataDirLock(dir);
    pglite = await PGlite.create(resolve(dir, "pgdata"));
  } else {
    pglite = await PGlite.create();
  }
  const sql: SqlRunner = {
    async query(text, params) {
      return (await pglite.query(text, params)).rows as never[];
    },
    async execInTransaction(script, after) {
      await pglite.transaction(async (tx) => {
        await tx.exec(script);
        await after({ query: async (text, params) => (await tx.query(text, params)).rows as never[] });
      });
    },
    // PGlite serves one process (the data-dir lock sees to that), so there is no one to race.
    withMigrationLock: (fn) => fn(),
  };
  return {
    db: withBeforeCommit(drizzlePglite(pglite, { schema }) as unknown as Db),
    driver: "pglite",
    sql,
    async ping(timeoutMs = 2000) {
      await withTimeout(pglite.query("SELECT 1"), timeoutMs);
    },
    async close() {
      if (!pglite.closed) await pglite.close();
      releaseLock();
    },
  };
}

/** Opens the database the environment names: a PostgreSQL server, or PGlite in dataDir. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DbHandle> {
  return options.databaseUrl ? openServer(options) : openEmbedded(options);
}
