import { buildUser } from "../factories/users";
import { signInAs } from "../setup/browserless-sign-in";
import { startTestServer, type TestServer } from "../setup/test-server";
import { connected, disconnectedBy, type LiveClient, liveClient } from "./live-client";

// Each node checks its open connections again every so often (server/src/realtime/server.ts):
// a session that ended or a person disabled where no live event could say so (another node
// without Redis, a change made straight in the database) ends the connection by the next sweep.
// The people are checked together, so one person's end must not end anyone else's.
const SWEEP_MS = 300;
let t: TestServer;
const sockets: LiveClient[] = [];
const track = (s: LiveClient) => (sockets.push(s), s);
beforeAll(async () => {
  t = await startTestServer({ requireClient: false, sessionSweepMs: SWEEP_MS });
});
afterEach(() => sockets.splice(0).forEach((s) => s.disconnect()));
afterAll(() => t.close());
const db = () => t.testApp.database.handle.db;
const sql = (text: string, params: unknown[]) => t.testApp.database.handle.sql.query(text, params);

describe("The sweep of open live connections", () => {
  it("should end a disabled person's connections by the next sweep and keep everyone else's", async () => {
    const leaving = await buildUser(db(), { role: "provider" });
    const staying = await buildUser(db(), { role: "provider" });
    const gone = [track(liveClient(t.url, { token: leaving.token })), track(liveClient(t.url, { token: leaving.token }))];
    const kept = track(liveClient(t.url, { token: staying.token }));
    await Promise.all([...gone, kept].map((s) => connected(s)));
    const ended = gone.map((s) => disconnectedBy(s, SWEEP_MS * 30));
    await sql("UPDATE users SET disabled_at = now() WHERE id = $1", [leaving.user.id]);
    expect(await Promise.all(ended)).toEqual(["io server disconnect", "io server disconnect"]);
    await new Promise((r) => setTimeout(r, SWEEP_MS * 3));
    expect(kept.connected).toBe(true);
  });

  it("should end a browser's connection once its session has gone from the database", async () => {
    const { jar } = await signInAs(t.url, "commissioner@salford-council.example");
    const browser = track(liveClient(t.url, { cookie: jar.header(), origin: t.url }));
    const other = await buildUser(db(), { role: "commissioner" });
    const kept = track(liveClient(t.url, { token: other.token }));
    await Promise.all([connected(browser), connected(kept)]);
    const ended = disconnectedBy(browser, SWEEP_MS * 30);
    // Ended where no live event says so: as an idle timeout's expiry on a node without Redis.
    const deleted = await sql("DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = $1) RETURNING sid", [
      "commissioner@salford-council.example",
    ]);
    expect(deleted.length).toBeGreaterThan(0);
    expect(await ended).toBe("io server disconnect");
    expect(kept.connected).toBe(true);
  });
});
