import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { ALWAYS_EMAILED, type NotificationDelivery, type NotificationKind } from "@shared/codes/notifications";
import type { Role } from "@shared/codes/roles";
import type { DbOrTx } from "../../db/client";
import { emailOutbox, notificationPreferences, notifications, users } from "../../db/schema";

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
  // Who is still enabled and how each wants this kind, in one statement.
  const people = await tx
    .select({ id: users.id, email: users.email, delivery: notificationPreferences.delivery })
    .from(users)
    .leftJoin(notificationPreferences, and(eq(notificationPreferences.userId, users.id), eq(notificationPreferences.kind, props.kind)))
    .where(and(inArray(users.id, [...props.userIds]), isNull(users.disabledAt)));
  if (people.length === 0) return 0;
  // One statement for everyone told and one for their e-mails, not two per person: an answer to
  // every invited provider tells hundreds of people, inside the transaction of the answer.
  const entries = await tx
    .insert(notifications)
    .values(people.map((person) => ({ userId: person.id, kind: props.kind, about: props.about, title: props.title, body: props.body, link: props.link })))
    .onConflictDoNothing({ target: [notifications.userId, notifications.about] })
    .returning({ id: notifications.id, userId: notifications.userId });
  const byId = new Map(people.map((person) => [person.id, person]));
  const emails = entries.flatMap((entry) => {
    const person = byId.get(entry.userId);
    if (!person || deliveryFor(props.kind, person.delivery ?? undefined) !== "email") return [];
    return [
      {
        notificationId: entry.id,
        userId: person.id,
        emailAddress: person.email,
        template: props.kind,
        personalisation: { ...props.personalisation, title: props.title, body: props.body, link: props.link },
        reference: `notification-${entry.id}`,
      },
    ];
  });
  if (emails.length > 0) await tx.insert(emailOutbox).values(emails);
  return entries.length;
}

/** E-mail now unless the person chose otherwise, and always for the kinds that cannot be switched off. */
export const deliveryFor = (kind: NotificationKind, chosen: NotificationDelivery | undefined): NotificationDelivery =>
  ALWAYS_EMAILED.includes(kind) ? "email" : (chosen ?? "email");

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
