import { pino } from "pino";
import request from "supertest";
import { startClosingScheduler } from "../../server/src/modules/placement-requests/scheduler";
import type { LiveHub } from "../../server/src/realtime/live-hub";
import { buildMarket, inSeconds, type Market, offerBody, openRequest } from "../factories/placement-requests";
import { createTestApp, type TestApp } from "../setup/test-app";

let t: TestApp;
// What the app published: the closes are told by the node whose scheduler closed them.
const hub = recordingHub();
let m: Market;
const query = <T>(text: string, params: unknown[] = []) => t.database.handle.sql.query<T & Record<string, unknown>>(text, params);
const quiet = pino({ level: "silent" });

/** A hub that only records what would have been sent. */
function recordingHub(): LiveHub & { sent: { room: string; event: string }[] } {
  const sent: { room: string; event: string }[] = [];
  return {
    sent,
    attach: () => undefined,
    disconnect: () => undefined,
    crossNode: () => undefined,
    apartSince: () => undefined,
    setCrossNode: () => undefined,
    // One emit may name several rooms (each gets the event once): recorded per room.
    emit: ((room: string | string[], event: string) => void sent.push(...[room].flat().map((r) => ({ room: r, event })))) as LiveHub["emit"],
  };
}

async function until<T>(what: () => Promise<T | undefined>, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await what();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}
const closedRow = (id: string) => async () =>
  (
    await query<{ state: string; late_ms: number }>(
      "SELECT state, extract(epoch FROM closed_at - deadline) * 1000 AS late_ms FROM placement_requests WHERE id = $1 AND closed_at IS NOT NULL",
      [id],
    )
  )[0];

beforeAll(async () => {
  t = await createTestApp({ seed: false, live: hub });
  m = await buildMarket(t.database.handle.db);
});
afterAll(() => t.close());

describe("The closing scheduler", () => {
  it("should close a request within a second of its deadline, by the database's clock, and open the sealed offers", async () => {
    const scheduler = startClosingScheduler({ db: t.database.handle.db, logger: quiet });
    try {
      const { request: made } = await openRequest(t.app, m, { deadline: inSeconds(2) });
      expect(
        (await request(t.app).post(`/api/v1/placement-requests/${made.id}/offers`).set(m.providers[0]!.person.auth).send(offerBody(m.providers[0]!.settingId)))
          .status,
      ).toBe(201);
      const row = await until(closedRow(made.id));
      expect(row.state).toBe("closed");
      expect(Number(row.late_ms)).toBeGreaterThanOrEqual(0);
      expect(Number(row.late_ms)).toBeLessThan(1000);
      await until(async () => (hub.sent.some((s) => s.event === "request:closed" && s.room === `request:${made.id}`) ? true : undefined));
    } finally {
      await scheduler.stop();
    }
  });

  it("should catch up on deadlines that passed while no scheduler ran, and close each once with several running", async () => {
    const { request: made } = await openRequest(t.app, m, { deadline: inSeconds(1) });
    await new Promise((r) => setTimeout(r, 1500));
    expect((await closedRow(made.id)()) ?? null).toBeNull();
    const schedulers = [1, 2, 3].map(() => startClosingScheduler({ db: t.database.handle.db, logger: quiet }));
    try {
      const row = await until(closedRow(made.id));
      expect(row.state).toBe("no_offers");
      await new Promise((r) => setTimeout(r, 600));
      const audit = await query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_log WHERE record_id = $1 AND action LIKE 'placement_request.%' AND action <> 'placement_request.open'",
        [made.id],
      );
      expect(audit[0]?.n).toBe(1);
    } finally {
      await Promise.all(schedulers.map((s) => s.stop()));
    }
  });
});
