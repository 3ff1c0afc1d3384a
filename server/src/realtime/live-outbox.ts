import { inArray, type SQL, sql } from "drizzle-orm";
import type { OfferReceipt } from "@shared/schemas/placement-requests";
import { whenCommitted, writeBeforeCommit } from "../db/before-commit";
import type { Db, Tx } from "../db/client";
import { liveOutbox } from "../db/schema";
import { type Repeating, startRepeating } from "../lib/repeat";
import type { Logger } from "../logger";
import { publishLogged } from "./publish-logged";

/**
 * The live events a write can queue, by topic, each with what its publisher needs to build it
 * again from the database. Only ids (and the receipt, which the author's organisation sees):
 * a row here is as private as the change it tells of, and is deleted once published.
 */
export interface LiveTopics {
  /** An invitation changed (viewed, declined, offered, revised, withdrawn): its viewers' own versions. */
  "request:response": { requestId: string; settingId: string; providerId: string };
  /** An offer or price stored: its receipt to the author's organisation. */
  "request:receipt": { organisationId: string; receipt: OfferReceipt };
  "request:state": { requestId: string };
  "request:ranks": { requestId: string };
  "request:awarded": { requestId: string };
  "request:closed": { requestId: string };
  "request:clarification": { requestId: string; clarificationId: string };
  "review:totals": { roundId: string };
  "review:comment": { commentId: string };
}
export type LiveTopic = keyof LiveTopics;
export type LiveTopicHandlers = { [T in LiveTopic]: (args: LiveTopics[T]) => Promise<void> };

interface Publisher {
  topics: LiveTopicHandlers;
  logger: Logger;
}
interface Queued {
  topic: LiveTopic;
  args: Record<string, unknown>;
}

/**
 * Live events go out through this outbox, the one way a write's live events leave the server.
 * A command queues its events inside its transaction (queueLive); they are stored with the
 * change, in one statement at the transaction's end, so there is no event for a change that
 * rolled back and no committed change without its event. Once the commit succeeds, the node
 * publishes them at once (its answer and the publish go out side by side, as before) and then
 * deletes them. If the node dies first, any node's sweep publishes what is left once the
 * committing node's claim has lapsed: a change answered with 201 just before its node was killed
 * still reaches every open page within seconds, without waiting for them to reconnect.
 *
 * Publishers read the current state by the ids queued, so a late or repeated event tells
 * nothing untrue; pages apply events by id. The CLI attaches no publisher: what it queues is
 * published by the server's sweep.
 */
const publishers = new WeakMap<Db, Publisher>();
const queues = new WeakMap<Tx, Queued[]>();

/** How long the committing node has to publish before another node may (its retries take 5.25 s). */
export const LIVE_CLAIM_MS = 10_000;
const SWEEP_BATCH = 100;
/**
 * Sweeps that may fail to publish an event before it is given up (logged as an error): about
 * ten minutes of claims. A database outage fails the sweep itself, so it does not count.
 */
export const LIVE_SWEEPS_MAX = 60;
/** How often each node looks for events left unpublished: an index scan of a near-empty table. */
export const LIVE_SWEEP_MS = 1000;

/** The node's publisher for this database: the topics' handlers, built on its live hub. */
export function attachLivePublisher(db: Db, publisher: Publisher): void {
  publishers.set(db, publisher);
}

/**
 * Queues a live event for when `tx` commits: stored at the transaction's end with any others it
 * queued, published once it has committed. In a savepoint (no end of its own to wait for) it is
 * stored at once and left to the sweep.
 */
export async function queueLive<T extends LiveTopic>(tx: Tx, topic: T, args: LiveTopics[T]): Promise<void> {
  const event: Queued = { topic, args: args as Record<string, unknown> };
  const queued = queues.get(tx);
  if (queued) return void queued.push(event);
  const events = [event];
  const stored = (rows: Record<string, unknown>[]) => whenStored(tx, events, rows);
  if (writeBeforeCommit(tx, () => storeStatement(tx, events), stored)) return void queues.set(tx, events);
  await tx.insert(liveOutbox).values(events);
}

/** The events' insert, sent with the transaction's other end writes (writeBeforeCommit). */
function storeStatement(tx: Tx, events: Queued[]): SQL {
  // Anything queued from here on (by other end-of-transaction work) starts a queue of its own.
  queues.delete(tx);
  return tx.insert(liveOutbox).values(events).returning({ id: liveOutbox.id }).getSQL();
}

/** Once stored, their ids (a serial, so in the order inserted) for the publish after the commit. */
function whenStored(tx: Tx, events: Queued[], rows: Record<string, unknown>[]): void {
  const ids = rows.map((r) => Number(r.id)).sort((a, b) => a - b);
  whenCommitted(
    tx,
    (db) =>
      void publishStored(
        db,
        events.map((e, i) => ({ ...e, id: ids[i] ?? 0 })),
      ),
  );
}

/**
 * Publishes stored events in order, then deletes those published. One that failed (after
 * publishLogged's retries, and logged) stays for the sweep to try again, until it has been swept
 * LIVE_SWEEPS_MAX times. One whose topic this node does not know (a newer version queued it
 * during a rolling deploy) stays for a node that does.
 */
async function publishStored(db: Db, events: (Queued & { id: number; sweeps?: number })[]): Promise<void> {
  const publisher = publishers.get(db);
  if (!publisher) return;
  const done: number[] = [];
  for (const { id, topic, args, sweeps = 0 } of events) {
    const handler = publisher.topics[topic] as ((args: Record<string, unknown>) => Promise<void>) | undefined;
    if (!handler) continue;
    if (await publishLogged(publisher.logger, topic, () => handler(args), { outboxId: id })) done.push(id);
    else if (sweeps >= LIVE_SWEEPS_MAX) {
      publisher.logger.error({ outboxId: id, topic, sweeps }, "live event given up: pages show the change at their next reload or reconnection");
      done.push(id);
    }
  }
  if (done.length === 0) return;
  await db
    .delete(liveOutbox)
    .where(inArray(liveOutbox.id, done))
    .catch((error: unknown) => publisher.logger.warn({ err: error }, "published live events not deleted: the sweep publishes them again"));
}

/**
 * Takes the events whose claim has lapsed (their node died, or could not publish), renewing the
 * claim in the same statement so two nodes never take the same ones, and publishes them.
 * Answers how many it took.
 */
export async function sweepLiveOutbox(db: Db, claimMs: number = LIVE_CLAIM_MS): Promise<number> {
  if (!publishers.has(db)) return 0;
  const rows = await db
    .update(liveOutbox)
    .set({ claimedAt: sql`clock_timestamp()`, sweeps: sql`${liveOutbox.sweeps} + 1` })
    .where(
      sql`${liveOutbox.id} IN (SELECT id FROM live_outbox WHERE claimed_at < clock_timestamp() - make_interval(secs => ${claimMs / 1000})
        ORDER BY id LIMIT ${SWEEP_BATCH} FOR UPDATE SKIP LOCKED)`,
    )
    .returning();
  rows.sort((a, b) => a.id - b.id);
  await publishStored(
    db,
    rows.map((r) => ({ id: r.id, topic: r.topic as LiveTopic, args: r.args, sweeps: r.sweeps })),
  );
  return rows.length;
}

/** Every node runs one; the claims decide which node publishes what. */
export function startLiveOutboxSweep(props: { db: Db; logger: Logger; everyMs: number; claimMs?: number }): Repeating {
  return startRepeating({
    everyMs: props.everyMs,
    logger: props.logger,
    failure: "live outbox sweep failed",
    work: async () => void (await sweepLiveOutbox(props.db, props.claimMs)),
  });
}
