import { DIGEST_TEMPLATE, NOTIFICATION_KINDS, type NotificationKind } from "@shared/codes/notifications";

/** A template kept in the repository and pasted into GOV.UK Notify (`npm run cli -- notify templates`). */
export interface EmailTemplate {
  /** The kind, or "digest": NOTIFY_TEMPLATE_<name in upper case> holds its Notify id. */
  name: NotificationKind | typeof DIGEST_TEMPLATE;
  subject: string;
  /** Notify's markdown with ((placeholders)). */
  body: string;
}

// Every template reads only ((title)), ((body)) and ((link)), which notify() always fills: a
// template asking for more would make Notify refuse (400) any caller that did not pass it, and the
// e-mail would be lost. The title and body already name the request by its public number, the
// council and the deadline, and never a child.
const PREFERENCES = "You can choose which e-mails you get in Placement Exchange, under Notifications and then Preferences.";
const ALWAYS = "We always e-mail you about this, because missing it could cost you a placement or your access.";

const standard = (name: NotificationKind, lead: string, footer = PREFERENCES): EmailTemplate => ({
  name,
  subject: "((title))",
  body: [lead, "", "((body))", "", "[Open it in Placement Exchange](((link)))", "", "---", "", footer].join("\n"),
});

const LEADS: Record<NotificationKind, string> = {
  request_invited: "Your setting has been invited to respond to a placement request.",
  clarification_answered: "A question about a placement request you were invited to has been answered.",
  request_amended: "The council has amended a placement request you were invited to.",
  deadline_24h: "A placement request you were invited to closes in 24 hours.",
  deadline_1h: "A placement request you were invited to closes in 1 hour.",
  offers_opened: "The council has opened the offers for a placement request you responded to.",
  outcome: "The council has decided a placement request you responded to.",
  question_received: "A provider has asked a question about your placement request.",
  request_closed: "Your placement request has closed.",
  request_no_offers: "Your placement request closed with no offers.",
  round_opened: "A review round has opened to your parent carer forum.",
  round_closed: "A review round has closed.",
  round_summary_published: "The summary of a review round has been published.",
  moderation_decided: "Your comment or feedback has been moderated.",
  application_decided: "A framework application has been decided.",
  band_ceiling_lowered: "The regional hub has lowered a price band ceiling below your organisation's price.",
  claim_decided: "A claim to a setting has been decided.",
  membership_payment_failed: "A membership payment for your organisation has failed.",
  join_invitation: "You have been invited to join an organisation in Placement Exchange.",
};

const ALWAYS_FOOTER: Partial<Record<NotificationKind, string>> = {
  outcome: ALWAYS,
  deadline_24h: ALWAYS,
  deadline_1h: ALWAYS,
  join_invitation: "If you were not expecting this invitation, you can ignore this e-mail.",
};

export const EMAIL_TEMPLATES: readonly EmailTemplate[] = [
  ...NOTIFICATION_KINDS.map((kind) => standard(kind, LEADS[kind], ALWAYS_FOOTER[kind])),
  {
    name: DIGEST_TEMPLATE,
    subject: "((title))",
    body: ["Here is what happened in Placement Exchange today.", "", "((body))", "", "[See all your notifications](((link)))", "", "---", "", PREFERENCES].join(
      "\n",
    ),
  },
];

export const templateNamed = (name: string): EmailTemplate | undefined => EMAIL_TEMPLATES.find((t) => t.name === name);

/** The environment variable holding a template's Notify id. */
export const templateEnvName = (name: string): string => `NOTIFY_TEMPLATE_${name.toUpperCase()}`;

const PLACEHOLDER = /\(\(([^()]+?)\)\)/g;

/** What the e-mail would say: the template with its placeholders filled (the development page shows it). */
export const renderTemplate = (template: EmailTemplate, values: Record<string, string>): { subject: string; body: string } => {
  const fill = (text: string) => text.replace(PLACEHOLDER, (_, name: string) => values[name.trim()] ?? `((${name}))`);
  return { subject: fill(template.subject), body: fill(template.body) };
};
