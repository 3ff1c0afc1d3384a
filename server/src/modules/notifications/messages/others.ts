import { type Role, ROLE_LABELS } from "@shared/codes/roles";
import { PAGE_PATHS } from "@shared/page-paths";

/**
 * What parents, administrators and invitees are told. Pure: the hooks pass in only names of
 * organisations, rounds, frameworks and settings (never a person's or a child's details), so a
 * message can go to everyone it is for without telling them about anyone else.
 */
interface Message {
  title: string;
  body: string;
  link: string;
}

const on = (at: Date): string => at.toLocaleString("en-GB", { timeZone: "Europe/London", dateStyle: "long", timeStyle: "short" });

export const roundOpened = (round: { id: string; title: string; opensAt: Date; closesAt: Date }): Message => ({
  title: `Review round: ${round.title}`,
  body: `Your forum is asked to review "${round.title}". It opens on ${on(round.opensAt)} and closes on ${on(round.closesAt)}.`,
  link: PAGE_PATHS.parentReviewRound.replace(":id", round.id),
});

export const commentModerated = (round: { id: string; title: string }, hidden: boolean): Message => ({
  title: hidden ? "Your comment was hidden" : "Your comment is shown again",
  body: hidden
    ? `The regional hub hid your comment on "${round.title}". You can see why on the round's page.`
    : `The regional hub shows your comment on "${round.title}" again.`,
  link: PAGE_PATHS.parentReviewRound.replace(":id", round.id),
});

export const feedbackModerated = (settingName: string, decision: "approved" | "rejected"): Message => ({
  title: decision === "approved" ? "Your feedback is published" : "Your feedback was not published",
  body:
    decision === "approved"
      ? `Your feedback on ${settingName} was approved and is now shown.`
      : `Your feedback on ${settingName} was not published. You can see why in your feedback.`,
  link: PAGE_PATHS.parentYourFeedback,
});

const ADMISSION_WORDS: Record<"admitted" | "rejected" | "suspended", string> = {
  admitted: "admitted to",
  rejected: "not admitted to",
  suspended: "suspended from",
};

export const applicationDecided = (framework: string, lotNumber: number, status: "admitted" | "rejected" | "suspended"): Message => ({
  title: `Framework application: lot ${lotNumber} decided`,
  body: `Your organisation is ${ADMISSION_WORDS[status]} lot ${lotNumber} of ${framework}. The regional hub's reason is on your framework page.`,
  link: PAGE_PATHS.providerFramework,
});

/** A ceiling lowered below the provider's current weekly price (`price`, `ceiling`: formatted money). */
export const bandCeilingLowered = (framework: string, lotNumber: number, band: string, price: string, ceiling: string): Message => ({
  title: `Lot ${lotNumber} band ${band}: the ceiling is now below your price`,
  body: `The regional hub lowered the weekly ceiling for band ${band} on lot ${lotNumber} of ${framework} to ${ceiling}. Your price is ${price}: offers above the ceiling need a justification. Review your prices on your framework page.`,
  link: PAGE_PATHS.providerFramework,
});

export const claimDecided = (settingName: string, decision: "approved" | "rejected"): Message => ({
  title: decision === "approved" ? "Your setting claim is approved" : "Your setting claim was rejected",
  body:
    decision === "approved"
      ? `${settingName} is now your organisation's. Complete its details before it is published.`
      : `Your organisation's claim to ${settingName} was rejected. The reason is on your claims page.`,
  link: PAGE_PATHS.providerSettingClaim,
});

export const membershipPaymentFailed = (): Message => ({
  title: "Your membership payment failed",
  body: "The last payment for your organisation's membership did not go through. Update the payment details to keep your membership.",
  link: PAGE_PATHS.payments,
});

/**
 * The invitation e-mail's placeholders: the organisation, the role, who invited and where to sign
 * in. The link is a path, as notify() gives the outbox; the sender makes it a full address.
 */
export function joinInvitation(p: { organisation: string; role: Role; orgAdmin: boolean; invitedBy: string }): Record<string, string> {
  // Wording only: what the invitation grants was decided by the organisations policy.
  const { orgAdmin: administrator } = p;
  const role = `${ROLE_LABELS[p.role]}${administrator ? " (administrator)" : ""}`;
  return {
    organisation: p.organisation,
    role,
    invited_by: p.invitedBy,
    title: `Join ${p.organisation} on Placement Exchange`,
    body: `${p.invitedBy} invited you to join ${p.organisation} as ${role}. Sign in with this e-mail address to accept.`,
    link: PAGE_PATHS.signIn,
  };
}

export const roundClosed = (round: { id: string; title: string }): Message => ({
  title: `Review round closed: ${round.title}`,
  body: `"${round.title}" has closed; its results are final. What the forums said, and the regional hub's answers, are public in the round's summary.`,
  link: PAGE_PATHS.publicReviewSummary.replace(":id", round.id),
});

export const roundSummaryPublished = (round: { id: string; title: string }): Message => ({
  title: `The hub has answered: ${round.title}`,
  body: `The regional hub has published what it will do about what the forums said on "${round.title}".`,
  link: PAGE_PATHS.publicReviewSummary.replace(":id", round.id),
});
