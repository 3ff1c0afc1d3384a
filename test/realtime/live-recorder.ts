import type { ZodType } from "zod";
import {
  ClarificationPublishedSchema,
  LiveIdentitySchema,
  LivePartialSchema,
  RankChangedSchema,
  RequestAwardedSchema,
  RequestClosedSchema,
  RequestUpdatedSchema,
  type RequestWatchAck,
  RequestWatchAckSchema,
  ResponseReceivedSchema,
  ServerTimeSchema,
  type ServerToClientEvents,
} from "@shared/events";
import { OfferReceiptSchema } from "@shared/schemas/placement-requests";
import type { LiveClient } from "./live-client";

type EventName = keyof ServerToClientEvents;
type PayloadOf<E extends EventName> = Parameters<ServerToClientEvents[E]>[0];

// Every event a request watcher may get, with the schema a client parses it with. An event
// missing here is reported as unexpected, so a new one cannot reach sockets unchecked.
const SCHEMAS: Partial<Record<EventName, ZodType>> = {
  "live:ready": LiveIdentitySchema,
  "live:partial": LivePartialSchema,
  "request:updated": RequestUpdatedSchema,
  "response:received": ResponseReceivedSchema,
  "offer:receipt": OfferReceiptSchema,
  "rank:changed": RankChangedSchema,
  "clarification:published": ClarificationPublishedSchema,
  "request:closed": RequestClosedSchema,
  "request:awarded": RequestAwardedSchema,
  time: ServerTimeSchema,
};

export interface Received {
  event: string;
  payload: unknown;
  /** performance.now() when it arrived. */
  at: number;
}

export interface EventLog {
  events: Received[];
  /** Events that failed their schema, or that have none. */
  problems: string[];
  /** Everything received, as the raw JSON a client would have read. */
  json(): string;
  of<E extends EventName>(event: E): PayloadOf<E>[];
  /** The first event (already received or still to come) that matches. */
  waitFor<E extends EventName>(event: E, match?: (payload: PayloadOf<E>) => boolean, timeoutMs?: number): Promise<PayloadOf<E>>;
}

/** Records every event the socket receives from now on, each parsed with its shared schema. */
export function recordEvents(socket: LiveClient): EventLog {
  const events: Received[] = [];
  const problems: string[] = [];
  const waiters = new Set<() => void>();
  socket.onAny((event: string, payload: unknown) => {
    const schema = SCHEMAS[event as EventName];
    const parsed = schema?.safeParse(payload);
    if (!schema) problems.push(`unexpected event ${event}`);
    else if (!parsed?.success) problems.push(`${event} failed its schema: ${JSON.stringify(parsed?.error.issues)}`);
    events.push({ event, payload, at: performance.now() });
    for (const wake of waiters) wake();
  });
  const of = <E extends EventName>(event: E) => events.filter((e) => e.event === event).map((e) => e.payload as PayloadOf<E>);
  return {
    events,
    problems,
    json: () => JSON.stringify(events),
    of,
    waitFor(event, match = () => true, timeoutMs = 3000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = of(event).find(match);
          if (found === undefined) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching ${event} within ${timeoutMs} ms; got ${events.map((e) => e.event).join(", ") || "nothing"}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
  };
}

/** `request:watch` and its ack, parsed. */
export async function watchRequest(socket: LiveClient, requestId: string): Promise<RequestWatchAck> {
  return RequestWatchAckSchema.parse(await socket.timeout(5000).emitWithAck("request:watch", { requestId }));
}

/** The snapshot of a watch that must succeed. */
export async function snapshotOf(socket: LiveClient, requestId: string) {
  const ack = await watchRequest(socket, requestId);
  if (!ack.ok) throw new Error(`watch refused: ${ack.code} ${ack.message}`);
  return ack.view;
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
