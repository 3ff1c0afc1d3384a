import { and, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { ALWAYS_EMAILED, type NotificationDelivery, type NotificationKind } from "@shared/codes/notifications";
import type { Role } from "@shared/codes/roles";
import type { DbOrTx } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { emailOutbox, users } from "../../db/schema";
import { groupBy } from "../../lib/group-by";

export interface NotifyProps {
  kind: NotificationKind;
  /** The people told (see recipientsOf); disabled people are skipped. */
  userIds: readonly string[];
  /** What it is about, e.g. `invited:<requestId>:<settingId>`: a person is told of each thing once. */
  about: string;
  /** Short and plain, with no child data: a request by its public number, the council and the deadline. */
  title: string;
  body: string;
  /** A path of the app ("/provider/requests/<id>"); the e-mail gets it as a full address. */
  link: string;
  /** The template's own placeholders, beyond title, body and link which every template has. */
  personalisation?: Record<string, string>;
}

/** One message of `notifyEach`: its own people and wording. */
export type NotifyMessage = Omit<NotifyProps, "kind">;

/**
 * The one way a capability tells people something. Call it inside the transaction of the change
 * that causes it: the in-app entry and the e-mail to send (the outbox) commit or roll back with
 * the change, so nothing is announced that did not happen and nothing that happened is lost. The
 * outbox worker sends the e-mails and the live event afterwards, on whichever node takes them.
 */
export async function notify(tx: DbOrTx, { kind, ...message }: NotifyProps): Promise<number> {
  return notifyEach(tx, kind, [message]);
}

/**
 * notify() for several messages of one kind, each to its own people, in one statement. The
 * deadline reminders tell a hundred settings' staff in a batch: a statement each held the batch's
 * transaction for a hundred round trips more (docs/benchmarks.md, "The setup's reminders").
 */
export async function notifyEach(tx: DbOrTx, kind: NotificationKind, messages: readonly NotifyMessage[]): Promise<number> {
  // A person is told of each `about` once, so within one call the first message about it is kept.
  const told = new Set<string>();
  const people: { i: number; user_id: string }[] = [];
  messages.forEach((m, i) => {
    for (const userId of m.userIds) {
      if (told.has(`${userId} ${m.about}`)) continue;
      told.add(`${userId} ${m.about}`);
      people.push({ i, user_id: userId });
    }
  });
  if (people.length === 0) return 0;
  const wording = messages.map((m, i) => ({
    i,
    about: m.about,
    title: m.title,
    body: m.body,
    link: m.link,
    personalisation: { ...m.personalisation, title: m.title, body: m.body, link: m.link },
  }));
  // One statement, whoever is told: who is still enabled and how each wants this kind, their
  // entries, and the e-mails of those who want them now (deliveryFor, in SQL). An answer to all
  // or an award tells hundreds of people inside the transaction of the change, and everyone
  // watching hears of it only after that commits: three round trips and a row of parameters per
  // person (in and out of this process) took 10 ms of it on the bench. The messages and their
  // people go as two JSON parameters, which both drivers take whatever the text holds.
  const [result] = await rowsOf<{ n: number }>(
    tx,
    sql`WITH messages AS (
          SELECT * FROM jsonb_to_recordset(${JSON.stringify(wording)}::jsonb)
            AS m(i int, about text, title text, body text, link text, personalisation jsonb)
        ), people AS (
          SELECT t.i, u.id, u.email, ${deliverySql(kind, sql`p.delivery`)} = 'email' AS emailed
          FROM jsonb_to_recordset(${JSON.stringify(people)}::jsonb) AS t(i int, user_id uuid)
            JOIN users u ON u.id = t.user_id
            LEFT JOIN notification_preferences p ON p.user_id = u.id AND p.kind = ${kind}
          WHERE u.disabled_at IS NULL
        ), entries AS (
          INSERT INTO notifications (user_id, kind, about, title, body, link)
          SELECT p.id, ${kind}, m.about, m.title, m.body, m.link FROM people p JOIN messages m ON m.i = p.i
          ON CONFLICT (user_id, about) DO NOTHING
          RETURNING id, user_id, about
        ), emails AS (
          INSERT INTO email_outbox (notification_id, user_id, email_address, template, personalisation, reference)
          SELECT e.id, e.user_id, p.email, ${kind}, m.personalisation, 'notification-' || e.id
          FROM entries e JOIN people p ON p.id = e.user_id JOIN messages m ON m.i = p.i AND m.about = e.about
          WHERE p.emailed
        )
        SELECT count(*)::int AS n FROM entries`,
  );
  return Number(result?.n ?? 0);
}

const UNLESS_CHOSEN: NotificationDelivery = "email";

/** E-mail now unless the person chose otherwise, and always for the kinds that cannot be switched off. */
export const deliveryFor = (kind: NotificationKind, chosen: NotificationDelivery | undefined): NotificationDelivery =>
  ALWAYS_EMAILED.includes(kind) ? "email" : (chosen ?? UNLESS_CHOSEN);

/** deliveryFor in SQL, for notify's one statement, over the column of the person's choice: change the two together. */
const deliverySql = (kind: NotificationKind, chosen: SQL): SQL => (ALWAYS_EMAILED.includes(kind) ? sql`'email'` : sql`coalesce(${chosen}, ${UNLESS_CHOSEN})`);

/**
 * An e-mail to someone who is not a user yet (an invitation to join): outbox only. `reference`
 * names what it is for (e.g. `invitation-<id>`), so it is queued once.
 */
export async function queueEmail(
  tx: DbOrTx,
  props: { emailAddress: string; kind: NotificationKind; reference: string; personalisation: Record<string, string> },
): Promise<void> {
  await tx
    .insert(emailOutbox)
    .values({ emailAddress: props.emailAddress, template: props.kind, personalisation: props.personalisation, reference: props.reference })
    .onConflictDoNothing({ target: emailOutbox.reference });
}

/** The enabled members of an organisation, optionally of some roles or its administrators only. */
export async function recipientsOf(
  tx: DbOrTx,
  { organisationId, ...which }: { organisationId: string; roles?: readonly Role[]; adminsOnly?: boolean },
): Promise<string[]> {
  return (await recipientsOfEach(tx, { organisationIds: [organisationId], ...which })).get(organisationId) ?? [];
}

/** recipientsOf for several organisations in one query, by organisation. */
export async function recipientsOfEach(
  tx: DbOrTx,
  { organisationIds, roles, adminsOnly = false }: { organisationIds: readonly string[]; roles?: readonly Role[]; adminsOnly?: boolean },
): Promise<Map<string, string[]>> {
  if (organisationIds.length === 0) return new Map();
  const rows = await tx
    .select({ id: users.id, organisationId: users.organisationId })
    .from(users)
    .where(
      and(
        inArray(users.organisationId, [...new Set(organisationIds)]),
        isNull(users.disabledAt),
        roles ? inArray(users.role, [...roles]) : undefined,
        adminsOnly ? eq(users.orgAdmin, true) : undefined,
      ),
    )
    .orderBy(sql`${users.id}`);
  // Every row has one (it is what the query asks for); the column's type allows none.
  const members = rows.flatMap(({ id, organisationId }) => (organisationId ? [{ id, organisationId }] : []));
  const byOrganisation = groupBy(members, (r) => r.organisationId);
  return new Map([...byOrganisation].map(([organisationId, staff]) => [organisationId, staff.map((r) => r.id)]));
}
