import type { z } from "zod";
import {
  ClarificationPublishedSchema,
  RankChangedSchema,
  RequestAwardedSchema,
  RequestClosedSchema,
  RequestUpdatedSchema,
  ResponseReceivedSchema,
  ServerTimeSchema,
  type ServerToClientEvents,
} from "@shared/events";
import { type OfferReceipt, OfferReceiptSchema, type RequestView } from "@shared/schemas/placement-requests";
import { withClarification, withNewState, withRank, withResponse, withState } from "./request-live-state";

/** What a request's events may do to the page following it. */
export interface RequestLiveActions {
  apply(change: (view: RequestView) => RequestView): void;
  /** Ask for a whole new snapshot: what this viewer may see has changed (the offers opened, the award). */
  resync(): void;
  receipt(receipt: OfferReceipt): void;
  serverTime(iso: string): void;
}

type Handler = (payload: unknown, requestId: string, actions: RequestLiveActions) => void;

/** Parses the payload with the shared schema first: a payload of another request or shape is ignored. */
const on =
  <T extends { requestId: string }>(schema: z.ZodType<T>, act: (payload: T, actions: RequestLiveActions) => void): Handler =>
  (payload, requestId, actions) => {
    const parsed = schema.safeParse(payload);
    if (parsed.success && parsed.data.requestId === requestId) act(parsed.data, actions);
  };

/** A close or an award: the state at once, then a whole new snapshot (what this viewer may see has changed). */
const newState = (state: RequestView["request"]["state"], a: RequestLiveActions) => {
  a.apply((v) => withNewState(v, state));
  a.resync();
};

const HANDLERS: [keyof ServerToClientEvents, Handler][] = [
  ["response:received", on(ResponseReceivedSchema, (p, a) => a.apply((v) => withResponse(v, p)))],
  ["clarification:published", on(ClarificationPublishedSchema, (p, a) => a.apply((v) => withClarification(v, p.clarification)))],
  ["rank:changed", on(RankChangedSchema, (p, a) => a.apply((v) => withRank(v, p)))],
  [
    "request:updated",
    on(RequestUpdatedSchema, (p, a) => {
      a.apply((v) => withState(v, p));
      a.resync();
    }),
  ],
  ["request:closed", on(RequestClosedSchema, (p, a) => newState(p.state, a))],
  ["request:awarded", on(RequestAwardedSchema, (p, a) => newState(p.state, a))],
  ["offer:receipt", on(OfferReceiptSchema, (p, a) => a.receipt(p))],
  [
    "time",
    on(ServerTimeSchema, (p, a) => {
      a.serverTime(p.serverTime);
      a.apply((v) => (v.request.state === "open" ? { ...v, request: { ...v.request, deadline: p.deadline } } : v));
    }),
  ],
];
const BY_EVENT = new Map<string, Handler>(HANDLERS);

/** One event off the live connection, for the page following `requestId`; any other event is not its business. */
export function handleRequestEvent(event: string, payload: unknown, requestId: string, actions: RequestLiveActions): void {
  BY_EVENT.get(event)?.(payload, requestId, actions);
}
