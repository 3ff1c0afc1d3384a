import { and, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { ALWAYS_EMAILED, type NotificationDelivery, type NotificationKind } from "@shared/codes/notifications";
import type { Role } from "@shared/codes/roles";
import type { DbOrTx } from "../../db/client";
import { rowsOf, uuidArray } from "../../db/rows";
import { emailOutbox, users } from "../../db/schema";

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

/**
 * The one way a capability tells people something. Call it inside the transaction of the change
 * that causes it: the in-app entry and the e-mail to send (the outbox) commit or roll back with
 * the change, so nothing is announced that did not happen and nothing that happened is lost. The
 * outbox worker sends the e-mails and the live event afterwards, on whichever node takes them.
 */
export async function notify(tx: DbOrTx, props: NotifyProps): Promise<number> {
  if (props.userIds.length === 0) return 0;
  const personalisation = JSON.stringify({ ...props.personalisation, title: props.title, body: props.body, link: props.link });
  // One statement, whoever is told: who is still enabled and how each wants this kind, their
  // entries, and the e-mails of those who want them now (deliveryFor, in SQL). An answer to all
  // or an award tells hundreds of people inside the transaction of the change, and everyone
  // watching hears of it only after that commits: three round trips and a row of parameters per
  // person (in and out of this process) took 10 ms of it on the bench.
  const [told] = await rowsOf<{ n: number }>(
    tx,
    sql`WITH people AS (
          SELECT u.id, u.email, ${deliverySql(props.kind, sql`p.delivery`)} = 'email' AS emailed
          FROM users u LEFT JOIN notification_preferences p ON p.user_id = u.id AND p.kind = ${props.kind}
          WHERE u.id = ANY(${uuidArray(props.userIds)}) AND u.disabled_at IS NULL
        ), entries AS (
          INSERT INTO notifications (user_id, kind, about, title, body, link)
          SELECT id, ${props.kind}, ${props.about}, ${props.title}, ${props.body}, ${props.link} FROM people
          ON CONFLICT (user_id, about) DO NOTHING
          RETURNING id, user_id
        ), emails AS (
          INSERT INTO email_outbox (notification_id, user_id, email_address, template, personalisation, reference)
          SELECT e.id, e.user_id, p.email, ${props.kind}, ${personalisation}::jsonb, 'notification-' || e.id
          FROM entries e JOIN people p ON p.id = e.user_id
          WHERE p.emailed
        )
        SELECT count(*)::int AS n FROM entries`,
  );
  return Number(told?.n ?? 0);
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
  { organisationId, roles, adminsOnly = false }: { organisationId: string; roles?: readonly Role[]; adminsOnly?: boolean },
): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.organisationId, organisationId),
        isNull(users.disabledAt),
        roles ? inArray(users.role, [...roles]) : undefined,
        adminsOnly ? eq(users.orgAdmin, true) : undefined,
      ),
    )
    .orderBy(sql`${users.id}`);
  return rows.map((r) => r.id);
}
