import axios from "axios";
import { and, asc, eq, gte, inArray, isNull, lt, notInArray, sql } from "drizzle-orm";
import { NotifyClient } from "notifications-node-client";
import { ALWAYS_EMAILED, DIGEST_TEMPLATE, OUTBOX_GIVE_UP_HOURS } from "@shared/codes/notifications";
import type { Db } from "../../db/client";
import { emailOutbox, type EmailOutboxRow, notificationPreferences, notifications, users } from "../../db/schema";
import type { Env } from "../../env";
import { type Repeating, startRepeating } from "../../lib/repeat";
import type { Logger } from "../../logger";
import { type LiveHub, rooms } from "../../realtime/live-hub";
import { recordAudit } from "../audit/record-audit";

export interface OutboxDeps {
  db: Db;
  env: Pick<Env, "notify" | "publicUrl">;
  logger: Logger;
  /** Absent in the CLI: nothing to publish to. */
  live?: LiveHub;
  /** The clock, for the digest's hour (tests pass their own). */
  now?: () => Date;
}

// Long enough for one call to Notify (NOTIFY_TIMEOUT_MS is far shorter); a node killed mid-send
// leaves its row to be taken up again by any node once the lease is over.
const LEASE = sql`interval '2 minutes'`;
// A few sends at once per node: Notify answers in tens of milliseconds, and each lane leases one row
// at a time so a killed node strands at most this many rows for one lease.
const LANES = 4;
const FIRST_RETRY_SECONDS = 30;
const MAX_RETRY_SECONDS = 30 * 60;
const PUBLISH_BATCH = 200;
// The digest goes out once a day after this hour, UK time, with the day's notifications before it.
const DIGEST_HOUR = 7;

/** Every node runs one; the database decides which node publishes or sends what. */
export function startOutboxWorker(deps: OutboxDeps & { everyMs: number }): Repeating {
  const client = notifyClientFor(deps.env.notify);
  return startRepeating({
    everyMs: deps.everyMs,
    logger: deps.logger,
    failure: "outbox worker run failed",
    work: (stopped) => runOutbox(deps, { stopped, client }),
  });
}

/** One run: live events for new notifications, today's digests, then the e-mails due. */
export async function runOutbox(deps: OutboxDeps, opts: { stopped?: () => boolean; client?: NotifyClient | null } = {}): Promise<void> {
  const stopped = opts.stopped ?? (() => false);
  const client = opts.client === undefined ? notifyClientFor(deps.env.notify) : opts.client;
  await publishNew(deps);
  await queueDigests(deps);
  if (!client) {
    await holdDue(deps.db);
    return;
  }
  await Promise.all(Array.from({ length: LANES }, () => sendLane(deps, client, stopped)));
}

/**
 * How long one call to Notify may take. The client sets no timeout of its own (axios waits for
 * ever), so a Notify that took the connection and never answered held the lane for good: four such
 * calls stopped the node's outbox (its e-mails, digests and notification events) until a restart,
 * and held its shutdown. Notify answers in tens of milliseconds; a call that timed out is retried
 * like any other failure, and the retry first looks for the e-mail by its reference (sendOne).
 */
export const NOTIFY_TIMEOUT_MS = 10_000;

export function notifyClientFor(notify: Env["notify"], timeoutMs = NOTIFY_TIMEOUT_MS): NotifyClient | null {
  if (notify.apiKey === undefined) return null;
  const client = notify.apiBase ? new NotifyClient(notify.apiBase, notify.apiKey) : new NotifyClient(notify.apiKey);
  client.setClient(axios.create({ timeout: timeoutMs }));
  return client;
}

/**
 * notification:new for each committed, unpublished notification. Marking and taking is one
 * statement, so two nodes never publish the same one; a node killed between it and the emit loses
 * that live event only (the centre still lists the notification when opened).
 */
async function publishNew({ db, live }: OutboxDeps): Promise<void> {
  const published = await db
    .update(notifications)
    .set({ publishedAt: sql`now()` })
    .where(
      sql`${notifications.id} IN (SELECT id FROM notifications WHERE published_at IS NULL ORDER BY created_at LIMIT ${PUBLISH_BATCH} FOR UPDATE SKIP LOCKED)`,
    )
    .returning();
  if (published.length === 0 || !live) return;
  const people = [...new Set(published.map((n) => n.userId))];
  const counts = await db
    .select({ userId: notifications.userId, n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(inArray(notifications.userId, people), isNull(notifications.readAt)))
    .groupBy(notifications.userId);
  const unread = new Map(counts.map((c) => [c.userId, Number(c.n)]));
  for (const n of published) {
    live.emit(rooms.user(n.userId), "notification:new", {
      notification: {
        id: n.id,
        kind: n.kind,
        title: n.title,
        body: n.body,
        link: n.link,
        createdAt: n.createdAt.toISOString(),
        readAt: n.readAt ? n.readAt.toISOString() : null,
      },
      unread: unread.get(n.userId) ?? 0,
    });
  }
}

/** Without NOTIFY_API_KEY nothing is sent: due e-mails are kept as 'held' for the CLI and the development page. */
async function holdDue(db: Db): Promise<void> {
  await db
    .update(emailOutbox)
    .set({ status: "held" })
    .where(and(eq(emailOutbox.status, "pending"), sql`${emailOutbox.dueAt} <= now()`));
}

/** Takes one due e-mail for this node alone, leased, in a statement of its own (no transaction is open while Notify is called). */
async function claimOne(db: Db): Promise<EmailOutboxRow | undefined> {
  const [row] = await db
    .update(emailOutbox)
    .set({ nextAttemptAt: sql`now() + ${LEASE}`, attempts: sql`${emailOutbox.attempts} + 1` })
    .where(
      sql`${emailOutbox.id} IN (SELECT id FROM email_outbox WHERE status = 'pending' AND next_attempt_at <= now() AND due_at <= now()
          ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)`,
    )
    .returning();
  return row;
}

async function sendLane(deps: OutboxDeps, client: NotifyClient, stopped: () => boolean): Promise<void> {
  while (!stopped()) {
    const row = await claimOne(deps.db);
    if (!row) return;
    await sendOne(deps, client, row);
  }
}

/**
 * Sends one claimed e-mail. Notify keeps no idempotency key, so a node dying between Notify's 201
 * and the UPDATE below would leave an e-mail sent but still pending. Any later attempt therefore
 * first asks Notify for the e-mail's reference, and records what Notify has instead of sending
 * it again (docs/domain/notifications-sending.md).
 */
async function sendOne(deps: OutboxDeps, client: NotifyClient, row: EmailOutboxRow): Promise<void> {
  const templateId = deps.env.notify.templates[row.template];
  if (!templateId) {
    await giveUp(deps, row, `No Notify template is set for "${row.template}": set NOTIFY_TEMPLATE_${row.template.toUpperCase()}.`);
    return;
  }
  const personalisation = { ...row.personalisation, link: absolute(deps.env.publicUrl, row.personalisation.link ?? "/") };
  try {
    const already = row.attempts > 1 ? await sentBefore(client, row.reference) : undefined;
    const notifyId = already ?? (await client.sendEmail(templateId, row.emailAddress, { personalisation, reference: row.reference })).data.id;
    await deps.db
      .update(emailOutbox)
      .set({ status: "sent", notifyId, sentAt: sql`now()`, lastError: null })
      .where(and(eq(emailOutbox.id, row.id), eq(emailOutbox.status, "pending")));
  } catch (error) {
    const failure = describeFailure(error);
    if (failure.final) return giveUp(deps, row, failure.message);
    if (Date.now() - row.createdAt.getTime() >= OUTBOX_GIVE_UP_HOURS * 3_600_000) {
      return giveUp(deps, row, `${failure.message} Given up after ${OUTBOX_GIVE_UP_HOURS} hours of trying.`);
    }
    const wait = Math.min(FIRST_RETRY_SECONDS * 2 ** Math.max(0, row.attempts - 1), MAX_RETRY_SECONDS);
    await deps.db
      .update(emailOutbox)
      .set({ lastError: failure.message, nextAttemptAt: sql`now() + make_interval(secs => ${wait})` })
      .where(and(eq(emailOutbox.id, row.id), eq(emailOutbox.status, "pending")));
    deps.logger.warn({ outboxId: row.id, attempts: row.attempts, retryInSeconds: wait }, "e-mail not sent; will retry");
  }
}

/** Notify's id for an e-mail it already has under this reference (an earlier attempt's answer was lost), if any. */
async function sentBefore(client: NotifyClient, reference: string): Promise<string | undefined> {
  const response = await client.getNotifications("email", undefined, reference);
  const found = (response.data as { notifications?: { id?: unknown; reference?: unknown }[] }).notifications ?? [];
  const match = found.find((n) => n.reference === reference && typeof n.id === "string");
  return typeof match?.id === "string" ? match.id : undefined;
}

/** Failed for good, audited, in one transaction; the details name the outbox row, never the address. */
async function giveUp(deps: OutboxDeps, row: EmailOutboxRow, reason: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const [failed] = await tx
      .update(emailOutbox)
      .set({ status: "failed", lastError: reason })
      .where(and(eq(emailOutbox.id, row.id), eq(emailOutbox.status, "pending")))
      .returning({ id: emailOutbox.id });
    if (!failed) return;
    await recordAudit(tx, {
      action: "notifications.email_failed",
      recordType: "email_outbox",
      recordId: row.id,
      details: { outboxId: row.id, template: row.template, attempts: row.attempts },
    });
  });
  deps.logger.warn({ outboxId: row.id, attempts: row.attempts }, "e-mail given up");
}

interface NotifyErrorShape {
  response?: { status?: number; data?: { errors?: { error?: string; message?: string }[] } };
  code?: string;
}

/**
 * A sentence for last_error, without the key or the personalisation: Notify's own error name and
 * message (it names a missing placeholder, never a value). A 400 is Notify refusing this e-mail as
 * it is, so retrying cannot help.
 */
function describeFailure(error: unknown): { message: string; final: boolean } {
  const e = error as NotifyErrorShape;
  const status = e.response?.status;
  if (e.code === "ECONNABORTED" || e.code === "ETIMEDOUT") return { message: "Notify did not answer in time.", final: false };
  if (status === undefined) return { message: `Notify could not be reached (${e.code ?? "no answer"}).`, final: false };
  const first = e.response?.data?.errors?.[0];
  const said = first ? `${first.error ?? "Error"}: ${first.message ?? "no message"}`.slice(0, 300) : "no details";
  if (status === 400) return { message: `Notify refused the e-mail (400, ${said}).`, final: true };
  if (status === 403) return { message: `Notify refused the API key (403, ${said}); check NOTIFY_API_KEY.`, final: false };
  return { message: `Notify answered ${status} (${said}).`, final: false };
}

const absolute = (publicUrl: string, link: string) => (/^https?:\/\//.test(link) ? link : `${publicUrl}${link.startsWith("/") ? "" : "/"}${link}`);

// Made once: every node's outbox asks the UK day every second, and making the two formatters
// with a time zone took 0.3 ms a call, where formatting alone takes 8 µs.
const UK_DAY_HOUR = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  hourCycle: "h23",
});
const UK_HOUR = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", hourCycle: "h23" });

/** The UK date and hour of an instant, and 07:00 UK time of that date as an instant. */
export function ukDay(at: Date): { day: string; hour: number; sevenAm: Date } {
  const parts = Object.fromEntries(UK_DAY_HOUR.formatToParts(at).map((p) => [p.type, p.value]));
  const [y, m, d] = [Number(parts.year), Number(parts.month), Number(parts.day)];
  const guess = new Date(Date.UTC(y, m - 1, d, DIGEST_HOUR));
  // 07:00 UTC is 07:00 or 08:00 in London: take off the summer hour when there is one.
  const londonHour = Number(UK_HOUR.format(guess));
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    sevenAm: new Date(guess.getTime() - (londonHour - DIGEST_HOUR) * 3_600_000),
  };
}

/**
 * After 07:00 UK time, one digest e-mail per person who chose "one e-mail a day" for some kinds,
 * listing those kinds' notifications of the 24 hours to 07:00. Its reference names the person and
 * the day, so every node may try and one row is made; a person with nothing to list gets none.
 */
async function queueDigests(deps: OutboxDeps): Promise<void> {
  const { day, hour, sevenAm } = ukDay((deps.now ?? (() => new Date()))());
  if (hour < DIGEST_HOUR) return;
  const from = new Date(sevenAm.getTime() - 24 * 3_600_000);
  const prefix = `digest-`;
  const rows = await deps.db
    .select({ userId: notifications.userId, email: users.email, title: notifications.title, link: notifications.link })
    .from(notifications)
    .innerJoin(
      notificationPreferences,
      and(
        eq(notificationPreferences.userId, notifications.userId),
        eq(notificationPreferences.kind, notifications.kind),
        eq(notificationPreferences.delivery, "digest"),
      ),
    )
    .innerJoin(users, and(eq(users.id, notifications.userId), isNull(users.disabledAt)))
    .where(
      and(
        gte(notifications.createdAt, from),
        lt(notifications.createdAt, sevenAm),
        notInArray(notifications.kind, [...ALWAYS_EMAILED]),
        sql`NOT EXISTS (SELECT 1 FROM email_outbox o WHERE o.reference = ${prefix} || ${notifications.userId}::text || ${`-${day}`})`,
      ),
    )
    .orderBy(asc(notifications.userId), asc(notifications.createdAt));
  const byPerson = new Map<string, { email: string; lines: string[] }>();
  for (const r of rows) {
    const entry = byPerson.get(r.userId) ?? { email: r.email, lines: [] };
    entry.lines.push(`* [${r.title}](${absolute(deps.env.publicUrl, r.link)})`);
    byPerson.set(r.userId, entry);
  }
  const dayName = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "long", year: "numeric" }).format(sevenAm);
  for (const [userId, { email, lines }] of byPerson) {
    await deps.db
      .insert(emailOutbox)
      .values({
        userId,
        emailAddress: email,
        template: DIGEST_TEMPLATE,
        personalisation: {
          title: `Your Placement Exchange notifications for ${dayName}`,
          body: lines.join("\n"),
          link: "/notifications",
        },
        reference: `${prefix}${userId}-${day}`,
      })
      .onConflictDoNothing({ target: emailOutbox.reference });
  }
}
