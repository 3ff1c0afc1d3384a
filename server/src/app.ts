import express, { type Express } from "express";
import type { DbHandle } from "./db/client";
import type { Env } from "./env";
import { jsonBody } from "./http/body-parsing";
import { clientStatic } from "./http/client-static";
import { apiNotFound, errorHandler } from "./http/error-handler";
import { openApiRoutes } from "./http/openapi/routes";
import { requestLogging } from "./http/request-logging";
import { securityHeaders } from "./http/security";
import type { Logger } from "./logger";
import { healthRoutes } from "./modules/health/routes";
import { regionRoutes } from "./modules/regions/routes";
import { serviceFeedbackRoutes } from "./modules/service-feedback/routes";
import { CLIENT_DIST_DIR } from "./paths";

export interface AppDeps {
  env: Env;
  database: DbHandle;
  logger: Logger;
  /** Where the built client lives; tests may point elsewhere. */
  clientDistDir?: string;
}

/** The API router: every JSON route of every capability, in one place the OpenAPI test can walk. */
export function apiRouter({ database }: Pick<AppDeps, "database">): express.Router {
  const router = express.Router();
  router.use(openApiRoutes());
  router.use(healthRoutes(database));
  router.use(regionRoutes(database.db));
  router.use(serviceFeedbackRoutes(database.db));
  return router;
}

/** Builds the Express app without listening, so tests can drive it with supertest. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable("x-powered-by");
  // Behind a load balancer, req.ip and req.secure come from the first proxy's headers.
  app.set("trust proxy", 1);
  app.use(requestLogging(deps.logger));
  app.use(securityHeaders(deps.env.publicUrl));
  app.use("/api", jsonBody());
  app.use(apiRouter(deps));
  app.use("/api", apiNotFound);
  app.use(clientStatic(deps.clientDistDir ?? CLIENT_DIST_DIR));
  app.use(errorHandler);
  return app;
}
