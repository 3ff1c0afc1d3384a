import { createServer } from "node:http";
import type { Socket } from "node:net";
import { createApp } from "./app";
import { openDatabase, SERVING_QUERY_TIMEOUT_MS } from "./db/client";
import { prepareDatabase } from "./db/prepare";
import { loadEnv } from "./env";
import { answerClientErrors } from "./http/client-errors";
import { listenForLive } from "./http/live-listener";
import { createLogger } from "./logger";
import { startInsightsRefresher } from "./modules/insights/facts/refresher";
import { startOutboxWorker } from "./modules/notifications/outbox-worker";
import { startReminderScheduler } from "./modules/notifications/reminders";
import { startRoundAnnouncer } from "./modules/notifications/round-announcer";
import { startBillingScheduler } from "./modules/payments/billing/scheduler";
import { startClosingScheduler } from "./modules/placement-requests/scheduler";
import { VERSION } from "./paths";
import { installProcessGuards } from "./process-guards";
import { LIVE_SWEEP_MS, startLiveOutboxSweep } from "./realtime/live-outbox";
import { createRealtimeServer } from "./realtime/server";
import { SHUTDOWN_GRACE_MS } from "./shutdown";

/** Connections the kernel holds for this node before it accepts them (see the listen below). */
const LISTEN_BACKLOG = 4096;

async function main(): Promise<void> {
  const env = loadEnv();
  const logger = createLogger(env);
  installProcessGuards(logger);
  const database = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir, logger, queryTimeoutMs: SERVING_QUERY_TIMEOUT_MS });
  await prepareDatabase(database, { seedDemo: env.seedDemo, logger });

  const { app, live, sessionStore, drain } = await createApp({ env, database, logger });
  const server = createServer(app);
  answerClientErrors(server);
  const realtime = await createRealtimeServer(server, { db: database.db, env, logger, store: sessionStore, live });
  const scheduler = startClosingScheduler({ db: database.db, logger });
  const liveSweep = startLiveOutboxSweep({ db: database.db, logger, everyMs: LIVE_SWEEP_MS });
  const insightsRefresher = startInsightsRefresher({ db: database.db, logger });
  const reminders = startReminderScheduler({ db: database.db, logger });
  const roundAnnouncer = startRoundAnnouncer({ db: database.db, logger });
  const billing = startBillingScheduler({ db: database.db, env, logger, intervalMs: env.billingIntervalMs });
  const outbox = startOutboxWorker({ db: database.db, env, logger, live, everyMs: env.outboxIntervalMs });
  const prune = setInterval(() => void sessionStore.prune().catch(() => undefined), 15 * 60_000);
  prune.unref();
  const sockets = new Set<Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  // The kernel's queue of connections not yet accepted: Node's default of 511 filled when a lost
  // node's thousand-odd pages reconnected at once while this loop was busy; the kernel then
  // dropped the rest, and the load balancer, whose connect waits 1 s, counted this healthy node
  // as down and turned the pages away ("no live upstreams"). Capped by net.core.somaxconn (4096
  // on current kernels, in a pod's network namespace too). docs/benchmarks.md, 2026-12-06.
  await new Promise<void>((resolve) => server.listen({ port: env.port, host: env.host, backlog: LISTEN_BACKLOG }, resolve));
  // Live connections on a queue of their own, behind a load balancer that sends them there.
  const liveListener = env.livePort === undefined ? undefined : await listenForLive(server, { port: env.livePort, host: env.host, backlog: LISTEN_BACKLOG });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.port;
  logger.info(
    { port, livePort: env.livePort, version: VERSION, database: database.driver, dataDir: database.driver === "pglite" ? env.dataDir : undefined },
    `Placement Exchange is ready on http://localhost:${port}`,
  );

  let stopping = false;
  // Stopping runs in three steps. 1. Drain: readiness fails at once while the node still serves
  // everything, for DRAIN_DELAY_MS, so the load balancer stops sending it new work (and new live
  // connections) first. 2. Close live connections: socket.io clients see the transport close and
  // reconnect, now to another node, and re-watch what they showed. 3. Stop accepting, finish the
  // HTTP requests in flight (SHUTDOWN_GRACE_MS at most), stop the schedulers, close the pools.
  const close = () => {
    logger.info({ open: sockets.size }, "drained: closing live connections, finishing requests in flight");
    const force = setTimeout(() => {
      logger.warn({ open: sockets.size }, "grace period over: closing remaining connections");
      server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    // Live connections are long-lived by design: close them so server.close() can finish.
    void realtime.close();
    const finish = async () => {
      clearTimeout(force);
      await scheduler.stop();
      await liveSweep.stop();
      await insightsRefresher.stop();
      await reminders.stop();
      await roundAnnouncer.stop();
      await billing.stop();
      await outbox.stop();
      await database.close().catch((error: unknown) => logger.error({ err: error }, "closing the database failed"));
      logger.info("stopped");
      process.exit(0);
    };
    // close() ignores what its callback returns: the shutdown runs as its own promise.
    liveListener?.close();
    server.close(() => void finish());
    // Idle keep-alive connections would otherwise hold close() open until they time out.
    server.closeIdleConnections();
  };
  const shutdown = (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, "second signal: exiting now");
      process.exit(1);
    }
    stopping = true;
    drain.draining = true;
    logger.info({ signal, drainDelayMs: env.drainDelayMs }, "shutting down: readiness now fails; serving on while the load balancer stops sending");
    if (env.drainDelayMs === 0) close();
    else setTimeout(close, env.drainDelayMs);
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  process.stderr.write(`Placement Exchange failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
