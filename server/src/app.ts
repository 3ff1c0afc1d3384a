import express, { type Express } from "express";
import type { DbHandle } from "./db/client";
import type { Env } from "./env";
import { jsonBody } from "./http/body-parsing";
import { clientStatic } from "./http/client-static";
import { apiNotFound, errorHandler } from "./http/error-handler";
import { openApiRoutes } from "./http/openapi/routes";
import { createRateLimiters, type RateLimiters, type RateLimitOptions } from "./http/rate-limits";
import { requestLogging } from "./http/request-logging";
import { securityHeaders } from "./http/security";
import { openRedisLink, type RedisLink } from "./lib/redis-link";
import type { Logger } from "./logger";
import { apiTokenRoutes } from "./modules/api-tokens/routes";
import { authenticate } from "./modules/auth/authenticate";
import { csrfProtection } from "./modules/auth/csrf";
import { oidcSettings } from "./modules/auth/oidc-client";
import { authRoutes } from "./modules/auth/routes";
import { sessionMiddleware } from "./modules/auth/session-middleware";
import type { PostgresSessionStore } from "./modules/auth/session-store";
import { createSignInFlow } from "./modules/auth/sign-in-flow";
import { childRoutes } from "./modules/children/routes";
import { createDevIdentityProvider, type DevIdentityProvider } from "./modules/dev-idp/provider";
import { devIdentityProviderRoutes } from "./modules/dev-idp/routes";
import { claimRoutes } from "./modules/directory/claim-routes";
import { openDataRoutes } from "./modules/directory/open-data-routes";
import { settingRoutes } from "./modules/directory/routes";
import { frameworkRoutes } from "./modules/framework/routes";
import { createDrainState, type DrainState, probeRoutes } from "./modules/health/probes";
import { healthRoutes } from "./modules/health/routes";
import { highRiskRoutes } from "./modules/high-risk/routes";
import { identityRoutes } from "./modules/identity/routes";
import { createInsightsCache } from "./modules/insights/cache";
import { publicInsightsRoutes } from "./modules/insights/public-routes";
import { insightsRoutes } from "./modules/insights/routes";
import { matchingRoutes } from "./modules/matching/routes";
import { outboxRoutes } from "./modules/notifications/outbox-routes";
import { notificationRoutes } from "./modules/notifications/routes";
import { peopleRoutes } from "./modules/organisations/people-routes";
import { organisationRoutes } from "./modules/organisations/routes";
import { childOutcomeRoutes } from "./modules/outcome-reviews/outcome-routes";
import { outcomeReviewRoutes } from "./modules/outcome-reviews/routes";
import { billingRunRoutes } from "./modules/payments/billing/routes";
import { feeRoutes } from "./modules/payments/fees/routes";
import { paymentsReadRoutes } from "./modules/payments/read-routes";
import { paymentsStripeRoutes } from "./modules/payments/stripe-routes";
import { stripeWebhookRoutes } from "./modules/payments/webhooks/routes";
import { awardRoutes } from "./modules/placement-requests/award-routes";
import { evaluationRoutes } from "./modules/placement-requests/evaluation-routes";
import { openContractingRoutes } from "./modules/placement-requests/ocds-routes";
import { placementRoutes } from "./modules/placement-requests/placement-routes";
import { requestLiveTopics } from "./modules/placement-requests/realtime";
import { responseRoutes } from "./modules/placement-requests/response-routes";
import { placementRequestRoutes } from "./modules/placement-requests/routes";
import { placementsStandardRoutes } from "./modules/placements-standard/routes";
import { regionRoutes } from "./modules/regions/routes";
import { reviewCommentRoutes } from "./modules/review-rounds/comment-routes";
import { publicReviewRoutes } from "./modules/review-rounds/public-routes";
import { reviewLiveTopics } from "./modules/review-rounds/realtime";
import { reviewRoundRoutes } from "./modules/review-rounds/routes";
import { serviceFeedbackRoutes } from "./modules/service-feedback/routes";
import { settingFeedbackRoutes } from "./modules/setting-feedback/routes";
import { CLIENT_DIST_DIR } from "./paths";
import { createLiveHub, type LiveHub } from "./realtime/live-hub";
import { attachLivePublisher } from "./realtime/live-outbox";

export interface AppDeps {
  env: Env;
  database: DbHandle;
  logger: Logger;
  /** Where the built client lives; tests may point elsewhere. */
  clientDistDir?: string;
  /** Live connections to end on sign-out or removal; attach socket.io to it after listening. */
  live?: LiveHub;
  rateLimits?: RateLimitOptions;
  /** Whether this node is shutting down (readiness then fails); main.ts sets it on SIGTERM. */
  drain?: DrainState;
}

export interface BuiltApp {
  app: Express;
  live: LiveHub;
  sessionStore: PostgresSessionStore;
  /** The embedded development provider, when no OIDC_ISSUER is configured. */
  devIdp: DevIdentityProvider | undefined;
  /** With REDIS_URL: the node's command connection (rate limits, health); close it on shutdown. */
  redis: RedisLink | undefined;
  drain: DrainState;
}

export interface ApiRouterDeps {
  env: Env;
  database: DbHandle;
  live: LiveHub;
  limits: RateLimiters;
  redis?: RedisLink | undefined;
  drain?: DrainState;
}

/** The API router: every JSON route of every capability, in one place the OpenAPI test can walk. */
export function apiRouter({ env, database, live, limits, redis, drain = createDrainState() }: ApiRouterDeps): express.Router {
  const db = database.db;
  const router = express.Router();
  router.use(openApiRoutes());
  router.use(healthRoutes(database, redis, live));
  router.use(probeRoutes(database, drain));
  router.use(regionRoutes(db));
  router.use(serviceFeedbackRoutes(db));
  router.use(identityRoutes());
  router.use(apiTokenRoutes({ db, live, limits }));
  router.use(organisationRoutes(db));
  router.use(peopleRoutes({ db, live }));
  router.use(frameworkRoutes(db));
  router.use(settingRoutes(db));
  router.use(claimRoutes(db));
  router.use(openDataRoutes(db));
  router.use(settingFeedbackRoutes(db));
  router.use(reviewRoundRoutes({ db }));
  router.use(reviewCommentRoutes({ db }));
  router.use(publicReviewRoutes(db));
  router.use(childRoutes(db));
  router.use(placementRequestRoutes({ db }));
  router.use(responseRoutes({ db }));
  router.use(evaluationRoutes({ db }));
  router.use(awardRoutes({ db }));
  router.use(placementRoutes({ db }));
  router.use(highRiskRoutes({ db }));
  router.use(notificationRoutes({ db }));
  router.use(outboxRoutes({ db, env }));
  router.use(openContractingRoutes({ db, env }));
  router.use(matchingRoutes(db));
  router.use(placementsStandardRoutes(db));
  router.use(childOutcomeRoutes(db));
  router.use(outcomeReviewRoutes(db));
  router.use(feeRoutes({ db }));
  router.use(billingRunRoutes({ db, env }));
  router.use(paymentsReadRoutes({ db }));
  router.use(paymentsStripeRoutes({ db, env }));
  // The insights' facts are held in memory per app (per node), derived from placement_facts.
  const insights = createInsightsCache(db);
  router.use(insightsRoutes({ db, cache: insights }));
  router.use(publicInsightsRoutes({ db, cache: insights }));
  return router;
}

/**
 * Routes that read their own raw body, mounted before the JSON parser, sessions and CSRF: the
 * Stripe webhook checks a signature over the exact bytes and authenticates by it alone.
 */
export function rawBodyRouter({ env, database }: Pick<ApiRouterDeps, "env" | "database">): express.Router {
  const router = express.Router();
  router.use(stripeWebhookRoutes({ db: database.db, env }));
  return router;
}

/** Builds the Express app without listening, so tests can drive it with supertest. */
export async function createApp(deps: AppDeps): Promise<BuiltApp> {
  const { env, database, logger } = deps;
  const db = database.db;
  const live = deps.live ?? createLiveHub();
  // This node publishes the live events its writes queue (and, in main.ts, sweeps up others').
  attachLivePublisher(db, { logger, topics: { ...requestLiveTopics(db, live), ...reviewLiveTopics(db, live) } });
  const redis = env.redisUrl ? openRedisLink(env.redisUrl, logger) : undefined;
  // Counters are shared by the nodes of one deployment: those on the same database.
  const scope = redis ? (await database.sql.query<{ name: string }>("SELECT current_database() AS name"))[0]?.name : undefined;
  const limits = createRateLimiters(deps.rateLimits, { redis, scope, logger });
  const drain = deps.drain ?? createDrainState();
  const devIdp = env.oidc.issuer ? undefined : await createDevIdentityProvider(env);
  const flow = createSignInFlow({ db, env, logger, settings: oidcSettings(env, devIdp?.client) });
  const sessions = sessionMiddleware({ db, env });

  const app = express();
  app.disable("x-powered-by");
  // Behind a load balancer, req.ip and req.secure come from the first proxy's headers.
  app.set("trust proxy", 1);
  app.use(requestLogging(logger));
  app.use(securityHeaders(env.publicUrl));
  if (devIdp) app.use(devIdentityProviderRoutes({ db, idp: devIdp }));
  // Before the JSON parser: the webhook's signature is over the raw bytes (see rawBodyRouter).
  app.use(rawBodyRouter({ env, database }));
  app.use("/api", jsonBody());
  for (const prefix of ["/api", "/auth"]) app.use(prefix, sessions.middleware, authenticate(db), csrfProtection(env.publicUrl));
  app.use(authRoutes({ db, env, live, limits, flow }));
  app.use(apiRouter({ env, database, live, limits, redis, drain }));
  app.use("/api", apiNotFound);
  app.use(clientStatic(deps.clientDistDir ?? CLIENT_DIST_DIR));
  app.use(errorHandler);
  return { app, live, sessionStore: sessions.store, devIdp, drain, redis };
}
