import { PAGE_PATHS } from "@shared/page-paths";
import { requestReference } from "@shared/tenders/request-reference";
import { standstillLastDay } from "@shared/tenders/standstill";

/**
 * What providers and commissioners are told about placement requests (issue 15). Pure functions
 * of plain values, so the tests and the Notify templates read the same words. Never pass child
 * data in: a request is named only by its number, its council and its deadline.
 */
export interface Message {
  title: string;
  body: string;
  link: string;
  personalisation: Record<string, string>;
}

/** The request's public reference (shared/src/tenders/request-reference.ts). */
export const requestNumber = requestReference;

// Notify sends in England: the deadline is read in London time, whatever the server's zone.
const DEADLINE_FORMAT = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/London" });
export const formatDeadline = (deadline: Date) => DEADLINE_FORMAT.format(deadline);

export const providerRequestLink = (requestId: string) => PAGE_PATHS.providerRequest.replace(":id", requestId);
export const commissionerRequestLink = (requestId: string) => PAGE_PATHS.commissionerRequest.replace(":id", requestId);

export interface RequestFacts {
  requestId: string;
  councilName: string;
  deadline: Date;
}

const base = (r: RequestFacts) => ({
  request_number: requestNumber(r.requestId),
  council_name: r.councilName,
  deadline: formatDeadline(r.deadline),
});

export function requestInvitedMessage(r: RequestFacts & { settingName: string }): Message {
  const p = { ...base(r), setting_name: r.settingName };
  return {
    title: `${p.setting_name} is invited to placement request ${p.request_number}`,
    body: `${p.council_name} invites ${p.setting_name} to offer a placement for request ${p.request_number}. Offers close on ${p.deadline}.`,
    link: providerRequestLink(r.requestId),
    personalisation: p,
  };
}

export function clarificationAnsweredMessage(r: RequestFacts & { toAll: boolean }): Message {
  const p = base(r);
  return {
    title: `A clarification on request ${p.request_number} is answered`,
    body: r.toAll
      ? `${p.council_name} answered a question about request ${p.request_number} for every invited provider. Offers close on ${p.deadline}.`
      : `${p.council_name} answered your question about request ${p.request_number}. Offers close on ${p.deadline}.`,
    link: providerRequestLink(r.requestId),
    personalisation: p,
  };
}

export function deadlineMessage(r: RequestFacts & { before: "24h" | "1h"; settingName: string }): Message {
  const p = { ...base(r), setting_name: r.settingName };
  const within = r.before === "24h" ? "24 hours" : "1 hour";
  return {
    title: `Request ${p.request_number} closes within ${within}`,
    body: `Offers for request ${p.request_number} from ${p.council_name} close on ${p.deadline}. ${p.setting_name} has not offered or declined yet.`,
    link: providerRequestLink(r.requestId),
    personalisation: p,
  };
}

export function offersOpenedMessage(r: RequestFacts): Message {
  const p = base(r);
  return {
    title: `The offers for request ${p.request_number} are opened`,
    body: `Request ${p.request_number} closed on ${p.deadline} and ${p.council_name} opened the offers. You will be told the outcome.`,
    link: providerRequestLink(r.requestId),
    personalisation: p,
  };
}

export function outcomeMessage(r: RequestFacts & { awarded: boolean }): Message {
  const p = { ...base(r), outcome: r.awarded ? "awarded" : "not awarded" };
  return {
    title: r.awarded ? `You are awarded request ${p.request_number}` : `Request ${p.request_number} is awarded to another provider`,
    body: r.awarded
      ? `${p.council_name} awarded request ${p.request_number} to your offer. Read the reasons and your scores on the request's page.`
      : `${p.council_name} awarded request ${p.request_number} to another offer. Read the reasons and your scores on the request's page.`,
    link: providerRequestLink(r.requestId),
    personalisation: p,
  };
}

/** One provider's own place in the evaluation, told with the intention to award (never a rival's). */
export interface OwnScores {
  rank: number;
  of: number;
  qualityScore: number;
  qualityWeight: number;
}

const scoresLine = (scores: readonly OwnScores[]) =>
  scores.map((s) => `Your offer ranked ${s.rank} of ${s.of}, with a quality score of ${s.qualityScore} out of ${s.qualityWeight}.`).join(" ");

/**
 * The intention to award, to every provider that offered: its own outcome and scores, and to the
 * others the successful provider's name (as a standstill notice gives it). The council's reasons are
 * free text and stay on the request's page, never in an e-mail.
 */
export function intentionMessage(
  r: RequestFacts & { successful: boolean; successfulProviderName: string; standstillEndsAt: Date; scores: readonly OwnScores[] },
): Message {
  const p = { ...base(r), outcome: r.successful ? "successful" : "unsuccessful", standstill_ends: standstillLastDay(r.standstillEndsAt) };
  const scores = scoresLine(r.scores);
  return {
    title: r.successful
      ? `${p.council_name} intends to award request ${p.request_number} to your offer`
      : `${p.council_name} intends to award request ${p.request_number} to another provider`,
    body: [
      r.successful
        ? `${p.council_name} intends to award request ${p.request_number} to your offer. This is not yet the award: the standstill period ends at the end of ${p.standstill_ends}, and the council confirms the award after that. Do not make arrangements for the placement before then.`
        : `${p.council_name} intends to award request ${p.request_number} to ${r.successfulProviderName}. The standstill period ends at the end of ${p.standstill_ends}: if you have concerns about the decision, raise them with the council before then.`,
      scores,
      "Read the council's reasons and your scores on the request's page.",
    ]
      .filter((line) => line !== "")
      .join(" "),
    link: providerRequestLink(r.requestId),
    personalisation: p,
  };
}

/** The council withdrew its intention to award: the request is back with the council to decide again. */
export function intentionWithdrawnMessage(r: RequestFacts): Message {
  const p = base(r);
  return {
    title: `The intention to award request ${p.request_number} is withdrawn`,
    body: `${p.council_name} withdrew its intention to award request ${p.request_number} and will decide again. Read why on the request's page. You will be told the outcome.`,
    link: providerRequestLink(r.requestId),
    personalisation: p,
  };
}

export function questionReceivedMessage(r: RequestFacts): Message {
  const p = base(r);
  return {
    title: `A provider asked a question about request ${p.request_number}`,
    body: `A provider asked a question about request ${p.request_number}. Answer it to every invited provider or privately before ${p.deadline}.`,
    link: commissionerRequestLink(r.requestId),
    personalisation: p,
  };
}

export function requestClosedMessage(r: RequestFacts & { offers: number }): Message {
  const p = { ...base(r), offers: String(r.offers) };
  const offers = r.offers === 1 ? "1 offer" : `${r.offers} offers`;
  return {
    title: `Request ${p.request_number} closed with ${offers}`,
    body: `Request ${p.request_number} closed on ${p.deadline} with ${offers}. The offers are open to score.`,
    link: commissionerRequestLink(r.requestId),
    personalisation: p,
  };
}

export function requestNoOffersMessage(r: RequestFacts): Message {
  const p = base(r);
  return {
    title: `Request ${p.request_number} closed with no offers`,
    body: `Request ${p.request_number} closed on ${p.deadline} and no provider offered. You can make a new request.`,
    link: commissionerRequestLink(r.requestId),
    personalisation: p,
  };
}

/** An amendment: what changed, in words (the deadline in London time); the reason and details are on the request's page. */
export function amendedMessage(r: RequestFacts & { number: number; deadlineFrom: Date | null }): Message {
  const p = { ...base(r), amendment_number: String(r.number) };
  const change = r.deadlineFrom ? `The deadline is extended from ${formatDeadline(r.deadlineFrom)} to ${p.deadline}.` : `Offers still close on ${p.deadline}.`;
  return {
    title: `Request ${p.request_number} is amended`,
    body: `${p.council_name} made amendment ${p.amendment_number} to request ${p.request_number}. ${change} Read what changed and why on the request's page.`,
    link: providerRequestLink(r.requestId),
    personalisation: p,
  };
}
