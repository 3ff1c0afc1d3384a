import request from "supertest";
import { createApiToken } from "../../server/src/modules/api-tokens/commands/create-api-token";
import { buildMarket, type Market, offerBody, openRequest } from "../factories/placement-requests";
import { buildUser } from "../factories/users";
import { startTestServer, type TestServer } from "../setup/test-server";
import { connected, type LiveClient, liveClient } from "./live-client";
import { pause, snapshotOf } from "./live-recorder";

// Issue 11, hole 2: a connection that presents another connection's session id and offset (or
// its own, from before its person was removed) must not get that connection's rooms back, nor
// the events it missed. Every frame a socket receives is checked, from the first.

let t: TestServer;
let m: Market;
const sockets: LiveClient[] = [];
const db = () => t.testApp.database.handle.db;

beforeAll(async () => {
  t = await startTestServer({ requireClient: false, seed: false });
  m = await buildMarket(db(), { providers: 2 });
});
afterEach(() => sockets.splice(0).forEach((s) => s.disconnect()));
afterAll(() => t.close());

/** socket.io-client keeps the session id and the offset of the last event it got here. */
interface RecoveryState {
  _pid?: string;
  _lastOffset?: string;
}
const stateOf = (socket: LiveClient) => ({ pid: (socket as unknown as RecoveryState)._pid, offset: (socket as unknown as RecoveryState)._lastOffset });

/** A socket that records every raw frame from the server, before socket.io-client sees it. */
async function rawSocket(token: string, recovery?: { pid?: string | undefined; offset?: string | undefined }) {
  const socket = liveClient(t.url, { token });
  if (recovery?.pid) (socket as unknown as { auth: Record<string, unknown> }).auth = { token, pid: recovery.pid, offset: recovery.offset };
  const frames: string[] = [];
  socket.io.on("open", () => socket.io.engine.on("message", (data: unknown) => frames.push(String(data))));
  sockets.push(socket);
  await connected(socket);
  return { socket, frames };
}

/** An offer by provider i (201), or a revision of its offer (200). */
async function offer(i: number, requestId: string, corePence: number) {
  const res = await request(t.url)
    .post(`/api/v1/placement-requests/${requestId}/offers`)
    .set(m.providers[i]!.person.auth)
    .send(offerBody(m.providers[i]!.settingId, { fee: { corePence, staffingPence: 0, therapiesPence: 0, otherPence: 0 } }));
  expect([200, 201]).toContain(res.status);
}

/** The victim watches its provider view of a sealed request, gets one event, then loses its transport. */
async function victimAway(token: string, requestId: string) {
  const victim = await rawSocket(token);
  await snapshotOf(victim.socket, requestId);
  await offer(0, requestId, 150_000);
  await pause(300);
  const state = stateOf(victim.socket);
  victim.socket.io.engine.close();
  await pause(100);
  return state;
}

describe("Connection-state recovery", () => {
  it("should give a connection that presents another organisation's session id and offset none of its rooms or missed events", async () => {
    const { request: made } = await openRequest(t.testApp.app, m);
    const stolen = await victimAway(m.providers[0]!.person.token, made.id);
    // While the victim is away its organisation revises its sealed offer: 187,654 pence.
    await offer(0, made.id, 187_654);

    const thief = await rawSocket(m.providers[1]!.person.token, stolen);
    expect(thief.socket.recovered).toBeFalsy();
    expect((await thief.socket.timeout(3000).emitWithAck("live:whoami")) as unknown).toMatchObject({ organisationId: m.providers[1]!.organisationId });
    // Another revision after the thief connected: nothing of it may reach the thief either.
    await offer(0, made.id, 176_543);
    await pause(500);
    const received = thief.frames.join("\n");
    expect(received).not.toContain(made.id);
    expect(received).not.toContain("187654");
    expect(received).not.toContain("176543");
  });

  it("should give a person removed from their organisation, signed in again, nothing of the organisation's request", async () => {
    const { request: made } = await openRequest(t.testApp.app, m);
    const leaver = await buildUser(db(), { role: "provider", organisationId: m.providers[0]!.organisationId });
    const admin = await buildUser(db(), { role: "provider", orgAdmin: true, organisationId: m.providers[0]!.organisationId });
    const before = await victimAway(leaver.token, made.id);
    const removed = await request(t.url).delete(`/api/v1/organisations/${m.providers[0]!.organisationId}/members/${leaver.user.id}`).set(admin.auth);
    expect(removed.status).toBe(204);
    await offer(0, made.id, 165_432);

    // Signed in again: a person with no organisation, presenting their old connection's state.
    const { token } = await createApiToken({ db: db(), userId: leaver.user.id, organisationId: null, input: { name: "again", expiresInDays: 1 }, via: "cli" });
    const again = await rawSocket(token, before);
    expect(again.socket.recovered).toBeFalsy();
    expect((await again.socket.timeout(3000).emitWithAck("live:whoami")) as unknown).toMatchObject({ organisationId: null });
    await offer(0, made.id, 154_321);
    await pause(500);
    const received = again.frames.join("\n");
    expect(received).not.toContain(made.id);
    expect(received).not.toContain("165432");
    expect(received).not.toContain("154321");
  });
});
