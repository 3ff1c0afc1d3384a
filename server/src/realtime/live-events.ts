import type { Socket } from "socket.io";
import type { z } from "zod";
import type { ClientToServerEvents, LiveRefusal, ServerToClientEvents } from "@shared/events";
import { isDatabaseUnavailable } from "../db/errors";
import { AppError } from "../http/app-error";
import type { Logger } from "../logger";
import type { Actor } from "../modules/identity/actor";
import { BusyError, type Gate, type LiveLimitOptions, type TokenBucket } from "./live-limits";

export interface SocketData {
  actor: Actor;
  sessionId?: string;
  /** This connection's share of the live limits (live-limits.ts). */
  budget: { socket: TokenBucket; person: TokenBucket; refusals: TokenBucket; inFlight: number };
}

/** A connection on /live, typed by the shared event maps. */
export type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** What every live handler needs from the node: its log, its limits and its turn at the database. */
export interface LiveEventDeps {
  logger: Logger;
  limits: LiveLimitOptions;
  gate: Gate;
}

/** A refusal a handler may throw; the client gets it as its ack. */
export class LiveRefusalError extends Error {
  constructor(
    readonly code: LiveRefusal["code"],
    message: string,
  ) {
    super(message);
  }
}

export interface LiveEventContext {
  /** The connection's person as of now (sign-out and removal end the connection). */
  actor: Actor;
  /** Joins a watched record's room, within the per-connection cap. */
  join(room: string): Promise<void>;
  leave(room: string): Promise<void>;
}

// Rooms a client asks to join (a request or its provider view, a review round); the others
// (user:, org:, session:, token:, the socket's own) are joined on connection.
const WATCH_ROOM = /^(request|review):/;

const refusal = (code: LiveRefusal["code"], message: string): LiveRefusal => ({ ok: false, code, message });
const TOO_FAST = refusal("rate_limited", "Too many live requests from this page or person: wait a few seconds, then try again.");

function refusalFor(error: unknown): LiveRefusal | undefined {
  if (error instanceof LiveRefusalError) return refusal(error.code, error.message);
  if (error instanceof BusyError) return refusal("service_unavailable", "The service is busy: try again in a few seconds.");
  // The same answers as HTTP, where a record the person may not see "does not exist".
  if (error instanceof AppError) return refusal("not_found", error.message);
  // PostgreSQL restarting: the same words as the REST API's 503; the client asks again.
  if (isDatabaseUnavailable(error)) return refusal("service_unavailable", "The service cannot reach its database just now. Wait a few seconds and try again.");
  return undefined;
}

/**
 * What to tell a client whose event (or connection) failed: in words, never the error itself,
 * whose text can hold the SQL and its values. A failure that is not one of the known kinds is a
 * fault on our side, logged with what it was doing.
 */
export function failureRefusal(error: unknown, logger: Logger, doing: Record<string, unknown>): LiveRefusal {
  const known = refusalFor(error);
  if (known) return known;
  logger.error({ err: error, ...doing }, "live event failed");
  return refusal("internal_error", "Something went wrong on our side. Reload the page to see the latest.");
}

interface EventOptions<S extends z.ZodType> {
  /** Parses the payload; types are not validation. */
  schema?: S;
  /** What to tell a client whose payload does not parse. */
  invalid?: string;
  /** Reads or writes the database: waits for a turn at the node's gate. */
  usesDatabase?: boolean;
}

/**
 * Registers a client event. Every live event comes through here, so each one is rate limited
 * (per connection and per person), parsed, given a turn at the database, and answered: a
 * handler's failure is logged and acknowledged as an error, never left as a rejected promise
 * that would take the node down.
 */
export function onLiveEvent<S extends z.ZodType, R>(
  socket: LiveSocket,
  deps: LiveEventDeps,
  event: keyof ClientToServerEvents,
  options: EventOptions<S>,
  handler: (input: z.output<S>, context: LiveEventContext) => Promise<R> | R,
): void {
  const context: LiveEventContext = {
    get actor() {
      return socket.data.actor;
    },
    async join(room) {
      const watched = [...socket.rooms].filter((r) => WATCH_ROOM.test(r)).length;
      if (!socket.rooms.has(room) && watched >= deps.limits.roomsPerSocket) {
        throw new LiveRefusalError(
          "too_many_rooms",
          `One page may follow at most ${deps.limits.roomsPerSocket} requests and rounds at once: close some, then try again.`,
        );
      }
      await socket.join(room);
    },
    async leave(room) {
      await socket.leave(room);
    },
  };

  // The arguments are taken as unknown and parsed below (types are not validation); a listener of
  // unknown arguments fits every event's typed signature, so the socket stays a LiveSocket.
  const listener = (...args: unknown[]): void => {
    const ack = typeof args[args.length - 1] === "function" ? (args.pop() as (result: unknown) => void) : undefined;
    const reply = (result: unknown) => ack?.(result);
    const budget = socket.data.budget;
    // Both buckets are charged, so neither more connections nor one busy one gets round a limit.
    const withinSocket = budget.socket.take();
    const withinPerson = budget.person.take();
    if (!withinSocket || !withinPerson || budget.inFlight >= deps.limits.inFlightPerSocket) {
      if (budget.refusals.take()) return reply(TOO_FAST);
      if (socket.connected) deps.logger.warn({ event, userId: socket.data.actor.userId }, "live events flood: connection closed");
      return void socket.disconnect(true);
    }
    let input: unknown = args[0];
    if (options.schema) {
      const parsed = options.schema.safeParse(args[0]);
      if (!parsed.success) return reply(refusal("validation_error", options.invalid ?? "The event's payload is not valid."));
      input = parsed.data;
    }
    budget.inFlight += 1;
    const run = async () => handler(input as z.output<S>, context);
    void (async () => {
      try {
        const result = await (options.usesDatabase ? deps.gate.run(run) : run());
        // Events without an answer (unwatch) send none, even if the client asked for one.
        if (result !== undefined) reply(result);
      } catch (error) {
        reply(failureRefusal(error, deps.logger, { event, userId: socket.data.actor.userId }));
      } finally {
        budget.inFlight -= 1;
      }
    })();
  };
  socket.on(event, listener);
}
