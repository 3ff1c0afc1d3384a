import { eq, sql } from "drizzle-orm";
import { type RequestWatchAck, RequestWatchSchema } from "@shared/events";
import { builtOnce } from "../../db/built-once";
import type { Db } from "../../db/client";
import {
  awards,
  type ClarificationRow,
  clarifications,
  offers,
  organisations,
  type PlacementRequestRow,
  placementRequests,
  requestInvitations,
} from "../../db/schema";
import { type LiveEventDeps, type LiveSocket, onLiveEvent } from "../../realtime/live-events";
import type { LiveHub } from "../../realtime/live-hub";
import type { LiveTopicHandlers } from "../../realtime/live-outbox";
import { markViewed } from "./commands/respond";
import { seesAsker, seesClarification, seesOwn, type Viewer } from "./policy";
import { presentClarification } from "./present";
import { loadRequestFor } from "./queries";
import { responseViews } from "./response-view";
import { buildRequestView } from "./view";

/**
 * Rooms per viewer of a request: the council's commissioners share one, each invited provider
 * organisation has its own. Every payload is built for the room it goes to, so what a provider
 * may not see is never in a message that reaches it.
 */
export const requestRooms = {
  buyer: (requestId: string) => `request:${requestId}`,
  provider: (requestId: string, organisationId: string) => `request:${requestId}:provider:${organisationId}`,
};
const REQUEST_ROOM = /^request:([0-9a-f-]{36})(?::provider:[0-9a-f-]{36})?$/;
/** The request a room belongs to, or undefined for any other room (user:, org:, a socket's own). */
export const requestIdOfRoom = (room: string): string | undefined => REQUEST_ROOM.exec(room)?.[1];
const roomOf = (requestId: string, viewer: Viewer) =>
  viewer.kind === "commissioner" ? requestRooms.buyer(requestId) : requestRooms.provider(requestId, viewer.organisationId);

/** Built once (builtOnce): every event to everyone in a request reads it. */
const invitedQuery = builtOnce((db) =>
  db
    .selectDistinct({ id: requestInvitations.organisationId })
    .from(requestInvitations)
    .where(eq(requestInvitations.requestId, sql.placeholder("requestId"))),
);

async function invitedOrganisations(db: Db, requestId: string): Promise<string[]> {
  return (await invitedQuery(db).execute({ requestId })).map((r) => r.id);
}

/** Every viewer of a request and its room. */
async function viewersOf(db: Db, requestId: string): Promise<Viewer[]> {
  return [{ kind: "commissioner" }, ...(await invitedOrganisations(db, requestId)).map((organisationId) => ({ kind: "provider" as const, organisationId }))];
}

/**
 * After an invitation changed (viewed, declined, offered, revised, withdrawn): each viewer's own
 * version of it. The request is read with the invitation (responseViews), not first on its own.
 */
export async function publishResponse(db: Db, live: LiveHub, requestId: string, settingId: string, providerId: string): Promise<void> {
  for (const { viewer, invitation, offer } of await responseViews(db, requestId, settingId, [
    { kind: "commissioner" },
    { kind: "provider", organisationId: providerId },
  ])) {
    live.emit(roomOf(requestId, viewer), "response:received", { requestId, invitation, offer });
  }
}

/** The rooms of everyone in a request: the council's and each invited provider organisation's. */
async function allRooms(db: Db, requestId: string): Promise<string[]> {
  return (await viewersOf(db, requestId)).map((viewer) => roomOf(requestId, viewer));
}

// What is the same for every viewer goes out as one emit to all their rooms, encoded once: a
// thousand sockets watching a request used to cost a message built per room (and, for an award
// or an answer, a whole request view read per room) before the first of them heard.

/** State changes go to everyone in the request. */
export async function publishState(db: Db, live: LiveHub, request: PlacementRequestRow, rooms?: string[]): Promise<void> {
  const payload = {
    requestId: request.id,
    state: request.state,
    deadline: request.deadline.toISOString(),
    priceRoundClosesAt: request.priceRoundClosesAt?.toISOString() ?? null,
  };
  live.emit(rooms ?? (await allRooms(db, request.id)), "request:updated", payload);
}

export async function publishClosed(db: Db, live: LiveHub, request: PlacementRequestRow): Promise<void> {
  const rooms = await allRooms(db, request.id);
  if (request.state === "evaluated") {
    await publishState(db, live, request, rooms);
    return publishRanks(db, live, request);
  }
  // The close is the change of state too (it carries the state): one message per socket, not a
  // close and then a request:updated. Each message to a thousand sockets is a thousand writes
  // and a thousand reads, and a second one queued behind the first delayed when the first was
  // heard (bench:live: 15 to 25 ms).
  const closedAt = (request.closedAt ?? request.deadline).toISOString();
  live.emit(rooms, "request:closed", { requestId: request.id, state: request.state, closedAt });
}

export async function publishAwarded(db: Db, live: LiveHub, request: PlacementRequestRow): Promise<void> {
  const [viewers, [award]] = await Promise.all([
    viewersOf(db, request.id),
    db
      .select({ awardedAt: awards.awardedAt, confirmedAt: awards.confirmedAt, winner: offers.organisationId })
      .from(awards)
      .innerJoin(offers, eq(offers.id, awards.offerId))
      .where(eq(awards.requestId, request.id)),
  ]);
  const everyone = viewers.map((viewer) => roomOf(request.id, viewer));
  // The intention to award is a change of state only. A confirmed award is said instead of the
  // change of state, with the state in it (as the close): one message per socket.
  if (!award?.confirmedAt) return publishState(db, live, request, everyone);
  const said = (yours: boolean | null) => ({ requestId: request.id, state: request.state, awardedAt: award.awardedAt.toISOString(), yours });
  // Three messages: the council's (yours: null), the successful provider's, everyone else's.
  const rooms = { council: [] as string[], won: [] as string[], lost: [] as string[] };
  for (const viewer of viewers) {
    const group = viewer.kind === "commissioner" ? rooms.council : seesOwn(viewer, award.winner) ? rooms.won : rooms.lost;
    group.push(roomOf(request.id, viewer));
  }
  if (rooms.council.length) live.emit(rooms.council, "request:awarded", said(null));
  if (rooms.won.length) live.emit(rooms.won, "request:awarded", said(true));
  if (rooms.lost.length) live.emit(rooms.lost, "request:awarded", said(false));
}

/** Ranked mode: each provider its own rank, nothing about anyone else. */
export async function publishRanks(db: Db, live: LiveHub, request: PlacementRequestRow): Promise<void> {
  for (const viewer of await viewersOf(db, request.id)) {
    if (viewer.kind !== "provider") continue;
    const view = await buildRequestView(db, request, viewer);
    for (const r of view.ranks) live.emit(roomOf(request.id, viewer), "rank:changed", { requestId: request.id, ...r });
  }
}

/**
 * A clarification to those who may see it: the council always; the asker; every provider once
 * answered to all. The same rules as the request's view (seesClarification, seesAsker), applied
 * to the one clarification: the council and the asker read the asker's name, the others do not.
 */
export async function publishClarification(db: Db, live: LiveHub, request: PlacementRequestRow, row: ClarificationRow): Promise<void> {
  // The row as its command committed it, not read again; who may see it and the asker's name at once.
  const [viewers, [asker]] = await Promise.all([
    viewersOf(db, request.id),
    row.askedByOrganisationId ? db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, row.askedByOrganisationId)) : [],
  ]);
  const named: string[] = [];
  const anonymous: string[] = [];
  for (const viewer of viewers) {
    if (!seesClarification(viewer, row)) continue;
    (seesAsker(viewer, row.askedByOrganisationId) ? named : anonymous).push(roomOf(request.id, viewer));
  }
  if (named.length) live.emit(named, "clarification:published", { requestId: request.id, clarification: presentClarification(row, asker?.name ?? null) });
  if (anonymous.length) live.emit(anonymous, "clarification:published", { requestId: request.id, clarification: presentClarification(row, null) });
}

export async function publishReceipt(
  live: LiveHub,
  organisationId: string,
  receipt: { requestId: string; offerId: string; settingId: string; version: number; weeklyFeePence: number; serverTime: string },
) {
  live.emit(requestRooms.provider(receipt.requestId, organisationId), "offer:receipt", receipt);
}

/** `request:watch` joins the viewer's room after the same access check as the HTTP API; the ack is the snapshot. */
export function registerRequestEvents(socket: LiveSocket, deps: LiveEventDeps & { db: Db }): void {
  const { db } = deps;
  const invalid = "Send { requestId } with the request's id.";
  onLiveEvent(
    socket,
    deps,
    "request:watch",
    { schema: RequestWatchSchema, invalid, usesDatabase: true },
    async ({ requestId }, context): Promise<RequestWatchAck> => {
      const found = await loadRequestFor(db, context.actor, requestId);
      // Join first, then snapshot: an event committed in between arrives twice at worst, never not at all.
      await context.join(roomOf(found.request.id, found.viewer));
      // The first look is marked (and the council told, live-outbox.ts) even if the snapshot then fails.
      if (found.viewer.kind === "provider" && found.unviewed)
        await markViewed(db, found.request.id, { userId: context.actor.userId, organisationId: found.viewer.organisationId });
      return { ok: true, view: await buildRequestView(db, found.request, found.viewer) };
    },
  );
  onLiveEvent(socket, deps, "request:unwatch", { schema: RequestWatchSchema, invalid }, async ({ requestId }, context) => {
    await context.leave(requestRooms.buyer(requestId));
    if (context.actor.organisationId) await context.leave(requestRooms.provider(requestId, context.actor.organisationId));
  });
}

const requestById = builtOnce((db) =>
  db
    .select()
    .from(placementRequests)
    .where(eq(placementRequests.id, sql.placeholder("id"))),
);

/**
 * The request's live topics (live-outbox.ts): each event built from the request as it is now,
 * by the ids its command queued. A request or clarification gone by then has nothing to tell.
 */
export function requestLiveTopics(db: Db, live: LiveHub): Pick<LiveTopicHandlers, `request:${string}` & keyof LiveTopicHandlers> {
  const withRequest =
    <A extends { requestId: string }>(publish: (request: PlacementRequestRow, args: A) => Promise<void> | void) =>
    async (args: A) => {
      const [request] = await requestById(db).execute({ id: args.requestId });
      if (request) await publish(request, args);
    };
  return {
    "request:response": (a) => publishResponse(db, live, a.requestId, a.settingId, a.providerId),
    "request:receipt": async (a) => publishReceipt(live, a.organisationId, a.receipt),
    "request:state": withRequest((request) => publishState(db, live, request)),
    "request:ranks": withRequest((request) => publishRanks(db, live, request)),
    "request:awarded": withRequest((request) => publishAwarded(db, live, request)),
    "request:closed": withRequest((request) => publishClosed(db, live, request)),
    "request:clarification": withRequest(async (request, a) => {
      const [row] = await db.select().from(clarifications).where(eq(clarifications.id, a.clarificationId));
      if (row) await publishClarification(db, live, request, row);
    }),
  };
}
