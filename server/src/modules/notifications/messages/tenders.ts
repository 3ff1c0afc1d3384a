import { PAGE_PATHS } from "@shared/page-paths";

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

/**
 * A request has no number of its own; the OCDS ocid ends in its id. The first 8 characters of
 * the id, in capitals, are short enough to read out on the phone and appear in every link.
 */
export const requestNumber = (requestId: string) => `PR-${requestId.slice(0, 8).toUpperCase()}`;

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
