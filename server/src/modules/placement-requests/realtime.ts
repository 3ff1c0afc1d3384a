import { eq } from "drizzle-orm";
import { type RequestWatchAck, RequestWatchSchema } from "@shared/events";
import type { Db } from "../../db/client";
import { type PlacementRequestRow, requestInvitations } from "../../db/schema";
import { publishLogged } from "../../realtime/after-commit";
import { type LiveEventDeps, type LiveSocket, onLiveEvent } from "../../realtime/live-events";
import type { LiveHub } from "../../realtime/live-hub";
import { markViewed } from "./commands/respond";
import type { Viewer } from "./policy";
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

async function invitedOrganisations(db: Db, requestId: string): Promise<string[]> {
  const rows = await db.selectDistinct({ id: requestInvitations.organisationId }).from(requestInvitations).where(eq(requestInvitations.requestId, requestId));
  return rows.map((r) => r.id);
}

/** Every viewer of a request and its room. */
async function viewersOf(db: Db, requestId: string): Promise<Viewer[]> {
  return [{ kind: "commissioner" }, ...(await invitedOrganisations(db, requestId)).map((organisationId) => ({ kind: "provider" as const, organisationId }))];
}

/** After an invitation changed (viewed, declined, offered, revised, withdrawn): each viewer's own version of it. */
export async function publishResponse(db: Db, live: LiveHub, request: PlacementRequestRow, settingId: string, providerId: string): Promise<void> {
  for (const { viewer, invitation, offer } of await responseViews(db, request, settingId, [
    { kind: "commissioner" },
    { kind: "provider", organisationId: providerId },
  ])) {
    live.emit(roomOf(request.id, viewer), "response:received", { requestId: request.id, invitation, offer });
  }
}

/** State changes go to everyone in the request. */
export async function publishState(db: Db, live: LiveHub, request: PlacementRequestRow): Promise<void> {
  const payload = {
    requestId: request.id,
    state: request.state,
    deadline: request.deadline.toISOString(),
    priceRoundClosesAt: request.priceRoundClosesAt?.toISOString() ?? null,
  };
  for (const viewer of await viewersOf(db, request.id)) live.emit(roomOf(request.id, viewer), "request:updated", payload);
}

export async function publishClosed(db: Db, live: LiveHub, request: PlacementRequestRow): Promise<void> {
  await publishState(db, live, request);
  if (request.state === "evaluated") return publishRanks(db, live, request);
  const closedAt = (request.closedAt ?? request.deadline).toISOString();
  for (const viewer of await viewersOf(db, request.id))
    live.emit(roomOf(request.id, viewer), "request:closed", { requestId: request.id, state: request.state, closedAt });
}

export async function publishAwarded(db: Db, live: LiveHub, request: PlacementRequestRow): Promise<void> {
  await publishState(db, live, request);
  for (const viewer of await viewersOf(db, request.id)) {
    const view = await buildRequestView(db, request, viewer);
    // The intention to award is a change of state (above); "awarded" is said once it is confirmed.
    if (view.award?.confirmedAt)
      live.emit(roomOf(request.id, viewer), "request:awarded", { requestId: request.id, awardedAt: view.award.awardedAt, yours: view.award.yours });
  }
}

/** Ranked mode: each provider its own rank, nothing about anyone else. */
export async function publishRanks(db: Db, live: LiveHub, request: PlacementRequestRow): Promise<void> {
  for (const viewer of await viewersOf(db, request.id)) {
    if (viewer.kind !== "provider") continue;
    const view = await buildRequestView(db, request, viewer);
    for (const r of view.ranks) live.emit(roomOf(request.id, viewer), "rank:changed", { requestId: request.id, ...r });
  }
}

/** A clarification to those who may see it: the council always; the asker; every provider once answered to all. */
export async function publishClarification(db: Db, live: LiveHub, request: PlacementRequestRow, clarificationId: string): Promise<void> {
  for (const viewer of await viewersOf(db, request.id)) {
    const view = await buildRequestView(db, request, viewer);
    const clarification = view.clarifications.find((c) => c.id === clarificationId);
    if (clarification) live.emit(roomOf(request.id, viewer), "clarification:published", { requestId: request.id, clarification });
  }
}

export async function publishReceipt(
  live: LiveHub,
  organisationId: string,
  receipt: { requestId: string; offerId: string; settingId: string; version: number; weeklyFeePence: number; serverTime: string },
) {
  live.emit(requestRooms.provider(receipt.requestId, organisationId), "offer:receipt", receipt);
}

/** `request:watch` joins the viewer's room after the same access check as the HTTP API; the ack is the snapshot. */
export function registerRequestEvents(socket: LiveSocket, deps: LiveEventDeps & { db: Db; live: LiveHub }): void {
  const { db, live } = deps;
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
      if (found.viewer.kind === "provider") {
        const { organisationId } = found.viewer;
        // Committed: the council hears of the look even if this watcher's snapshot then fails, and a
        // failed publish is logged, never turned into a refused watch.
        for (const settingId of await markViewed(db, found.request.id, { userId: context.actor.userId, organisationId })) {
          await publishLogged(deps.logger, "response:received (viewed)", () => publishResponse(db, live, found.request, settingId, organisationId), {
            requestId: found.request.id,
          });
        }
      }
      return { ok: true, view: await buildRequestView(db, found.request, found.viewer) };
    },
  );
  onLiveEvent(socket, deps, "request:unwatch", { schema: RequestWatchSchema, invalid }, async ({ requestId }, context) => {
    await context.leave(requestRooms.buyer(requestId));
    if (context.actor.organisationId) await context.leave(requestRooms.provider(requestId, context.actor.organisationId));
  });
}
