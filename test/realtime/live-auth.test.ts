import request from "supertest";
import { LiveConnectErrorSchema, LiveIdentitySchema } from "@shared/events";
import { MeSchema } from "@shared/schemas/identity";
import { followLiveStatus, type LiveStatus } from "../../client/src/realtime/live-status";
import { buildUser } from "../factories/users";
import { signInAs } from "../setup/browserless-sign-in";
import { startTestServer, type TestServer } from "../setup/test-server";
import { connected, disconnectedBy, type LiveClient, liveClient } from "./live-client";
import { pause } from "./live-recorder";

let t: TestServer;
const sockets: LiveClient[] = [];
const track = (s: LiveClient) => (sockets.push(s), s);
beforeAll(async () => {
  t = await startTestServer({ requireClient: false });
});
afterEach(() => sockets.splice(0).forEach((s) => s.disconnect()));
afterAll(() => t.close());
const db = () => t.testApp.database.handle.db;

describe("Live connections (/live)", () => {
  it("should refuse a connection with no credentials, saying why", async () => {
    const error = await connected(track(liveClient(t.url))).then(
      () => undefined,
      (e: { data?: unknown }) => e,
    );
    expect(LiveConnectErrorSchema.parse(error?.data).code).toBe("unauthorized");
  });

  it("should accept the session cookie and say who is connected", async () => {
    const { jar } = await signInAs(t.url, "commissioner@salford-council.example");
    const socket = track(liveClient(t.url, { cookie: jar.header(), origin: t.url }));
    const ready = new Promise((resolve) => socket.once("live:ready", resolve));
    await connected(socket);
    const identity = LiveIdentitySchema.parse(await ready);
    expect(identity).toMatchObject({ role: "commissioner", organisationKind: "council" });
    const again = await socket.timeout(2000).emitWithAck("live:whoami");
    expect(again).toEqual(identity);
  });

  it("should accept an API token in auth, and end the connection when the token is revoked", async () => {
    const { jar } = await signInAs(t.url, "commissioner@salford-council.example");
    const me = MeSchema.parse(await (await fetch(`${t.url}/api/v1/me`, { headers: { cookie: jar.header() } })).json());
    const created = await request(t.url)
      .post("/api/v1/me/tokens")
      .set({ cookie: jar.header(), "X-CSRF-Token": me.data.csrfToken ?? "" })
      .send({ name: "live" });
    const socket = track(liveClient(t.url, { token: created.body.data.token }));
    await connected(socket);
    const ended = disconnectedBy(socket);
    await request(t.url)
      .delete(`/api/v1/me/tokens/${created.body.data.id}`)
      .set({ cookie: jar.header(), "X-CSRF-Token": me.data.csrfToken ?? "" });
    expect(await ended).toBe("io server disconnect");
    await expect(connected(socket)).rejects.toMatchObject({ data: { code: "unauthorized" } });
  });

  it("should refuse a browser connection from another site's page", async () => {
    const { jar } = await signInAs(t.url, "commissioner@salford-council.example");
    await expect(connected(track(liveClient(t.url, { cookie: jar.header(), origin: "https://evil.example" })))).rejects.toBeTruthy();
  });

  it("should end the connection at sign-out, and re-check credentials when it reconnects", async () => {
    const { jar } = await signInAs(t.url, "commissioner@salford-council.example");
    const socket = track(liveClient(t.url, { cookie: jar.header(), origin: t.url }));
    await connected(socket);
    const ended = disconnectedBy(socket);
    const out = await fetch(`${t.url}/auth/logout`, { method: "POST", redirect: "manual", headers: { cookie: jar.header(), origin: t.url } });
    expect(out.status).toBe(303);
    expect(await ended).toBe("io server disconnect");
    await expect(connected(socket)).rejects.toMatchObject({ data: { code: "unauthorized" } });
  });

  it("should give a page the status it shows: reconnecting after a dropped connection, connected again, stopped at sign-out", async () => {
    const { jar } = await signInAs(t.url, "commissioner@salford-council.example");
    const socket = track(liveClient(t.url, { cookie: jar.header(), origin: t.url, reconnect: true }));
    const seen: LiveStatus[] = [];
    followLiveStatus(socket, (status) => seen.push(status));
    await connected(socket);
    const back = new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    socket.io.engine.close();
    await back;
    const ended = disconnectedBy(socket);
    await fetch(`${t.url}/auth/logout`, { method: "POST", redirect: "manual", headers: { cookie: jar.header(), origin: t.url } });
    await ended;
    // The server ended it: the page does not reconnect, so nothing after "stopped".
    await pause(300);
    expect(seen).toEqual(["reconnecting", "connected", "reconnecting", "connected", "stopped"]);
  });

  it("should not let connection-state recovery skip the credential check after a dropped connection", async () => {
    const { jar } = await signInAs(t.url, "commissioner@salford-council.example");
    const socket = track(liveClient(t.url, { cookie: jar.header(), origin: t.url, reconnect: true }));
    await connected(socket);
    // The session ends without telling this node (as when another node without Redis signs it out).
    const sid = decodeURIComponent(jar.get("px.sid") ?? "")
      .slice(2)
      .split(".")[0];
    await t.testApp.database.handle.sql.query("DELETE FROM sessions WHERE sid = $1", [sid]);
    const refused = new Promise<{ data?: unknown }>((resolve) => socket.once("connect_error", resolve));
    socket.io.engine.close();
    expect(LiveConnectErrorSchema.parse((await refused).data).code).toBe("unauthorized");
    expect(socket.connected).toBe(false);
  });

  it("should end a removed person's connections at once", async () => {
    const admin = await buildUser(db(), { role: "provider", orgAdmin: true });
    const colleague = await buildUser(db(), { role: "provider", organisationId: admin.user.organisationId ?? "" });
    const socket = track(liveClient(t.url, { token: colleague.token }));
    await connected(socket);
    const ended = disconnectedBy(socket);
    const res = await request(t.url).delete(`/api/v1/organisations/${admin.user.organisationId}/members/${colleague.user.id}`).set(admin.auth);
    expect(res.status).toBe(204);
    expect(await ended).toBe("io server disconnect");
  });
});
