import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pino } from "pino";
import { answerClientErrors } from "../../server/src/http/client-errors";
import { startClosingScheduler } from "../../server/src/modules/placement-requests/scheduler";
import { CLIENT_DIST_DIR } from "../../server/src/paths";
import type { LiveLimitOptions } from "../../server/src/realtime/live-limits";
import { LIVE_SWEEP_MS, startLiveOutboxSweep } from "../../server/src/realtime/live-outbox";
import { createRealtimeServer } from "../../server/src/realtime/server";
import { createTestApp, type TestApp, type TestAppOptions } from "./test-app";

export interface TestServer {
  url: string;
  server: Server;
  testApp: TestApp;
  close(): Promise<void>;
}

/**
 * The app listening on a free port with PUBLIC_URL set to it (sign-in redirects and the
 * embedded identity provider's issuer need the real address), with live connections attached.
 */
export async function startTestServer(
  options: TestAppOptions & {
    requireClient?: boolean;
    clockTickMs?: number;
    sessionSweepMs?: number;
    liveLimits?: Partial<LiveLimitOptions>;
    /** The live outbox's sweep on this node (LIVE_SWEEP_MS and LIVE_CLAIM_MS by default), or none. */
    liveSweep?: { everyMs?: number; claimMs?: number } | false;
  } = {},
): Promise<TestServer> {
  if (options.requireClient !== false && !existsSync(join(CLIENT_DIST_DIR, "index.html"))) {
    throw new Error("client/dist is missing: run `npm run build` first (npm test does it for you)");
  }
  const server = createServer();
  answerClientErrors(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const testApp = await createTestApp({ seed: true, ...options, env: { PUBLIC_URL: url, ...options.env } });
  server.on("request", testApp.app);
  const realtime = await createRealtimeServer(server, {
    db: testApp.database.handle.db,
    env: testApp.env,
    logger: pino({ level: "silent" }),
    store: testApp.built.sessionStore,
    live: testApp.built.live,
    clockTickMs: options.clockTickMs,
    sessionSweepMs: options.sessionSweepMs,
    limits: options.liveLimits,
  });
  const scheduler = startClosingScheduler({ db: testApp.database.handle.db, logger: pino({ level: "silent" }) });
  const sweep = options.liveSweep === false ? undefined : { everyMs: LIVE_SWEEP_MS, ...options.liveSweep };
  const liveSweep = sweep && startLiveOutboxSweep({ db: testApp.database.handle.db, logger: pino({ level: "silent" }), ...sweep });
  return {
    url,
    server,
    testApp,
    async close() {
      await scheduler.stop();
      await liveSweep?.stop();
      await realtime.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await testApp.close();
    },
  };
}
