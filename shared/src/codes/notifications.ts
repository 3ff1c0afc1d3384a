/**
 * What people are told (issue 15). Each kind is one Notify template (NOTIFY_TEMPLATE_<KIND in
 * upper case>) and one in-app entry. No message holds child data: a request is named by its
 * public number, the council and the deadline, and linked.
 */
export const NOTIFICATION_KINDS = [
  // A provider's staff
  "request_invited",
  "clarification_answered",
  "request_amended",
  "deadline_24h",
  "deadline_1h",
  "offers_opened",
  "outcome",
  // A commissioner
  "question_received",
  "request_closed",
  "request_no_offers",
  // A parent carer panel member
  "round_opened",
  "round_closed",
  "round_summary_published",
  "moderation_decided",
  // An organisation's administrators
  "application_decided",
  "band_ceiling_lowered",
  "claim_decided",
  "membership_payment_failed",
  // Someone invited to join an organisation (not yet a user: e-mail only, always sent)
  "join_invitation",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  request_invited: "Your setting is invited to a placement request",
  clarification_answered: "A clarification is answered",
  request_amended: "A request you are invited to is amended",
  deadline_24h: "A request's deadline is 24 hours away",
  deadline_1h: "A request's deadline is 1 hour away",
  offers_opened: "The offers of a request are opened",
  outcome: "The outcome of a request you responded to",
  question_received: "A provider asks a question about your request",
  request_closed: "Your request closed",
  request_no_offers: "Your request closed with no offers",
  round_opened: "A review round opens to your forum",
  round_closed: "A review round closes",
  round_summary_published: "A review round's summary is published",
  moderation_decided: "Your comment or feedback is moderated",
  application_decided: "A framework application is decided",
  band_ceiling_lowered: "A price band ceiling is lowered below your price",
  claim_decided: "A setting claim is decided",
  membership_payment_failed: "A membership payment failed",
  join_invitation: "An invitation to join an organisation",
};

/** How a person wants each kind: e-mail now (the default), one daily digest, or in the app only. */
export const NOTIFICATION_DELIVERIES = ["email", "digest", "in_app"] as const;
export type NotificationDelivery = (typeof NOTIFICATION_DELIVERIES)[number];
export const NOTIFICATION_DELIVERY_LABELS: Record<NotificationDelivery, string> = {
  email: "E-mail straight away",
  digest: "One e-mail a day",
  in_app: "Only in Placement Exchange",
};

/** Kinds that are always e-mailed at once: missing them costs a provider a placement or a person their access. */
export const ALWAYS_EMAILED: readonly NotificationKind[] = ["join_invitation", "outcome", "deadline_24h", "deadline_1h"];

/** The daily digest is one e-mail of its own template (NOTIFY_TEMPLATE_DIGEST). */
export const DIGEST_TEMPLATE = "digest";

export const OUTBOX_STATUSES = ["pending", "sent", "failed", "held"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const REMINDER_BEFORE = ["24h", "1h"] as const;
export type ReminderBefore = (typeof REMINDER_BEFORE)[number];

/** An e-mail is given up after a day of failures; the hub sees why. */
export const OUTBOX_GIVE_UP_HOURS = 24;
