import type { Router } from "express";
import { apiRouter, rawBodyRouter } from "../../server/src/app";
import type { DbHandle } from "../../server/src/db/client";
import { createRateLimiters } from "../../server/src/http/rate-limits";
import { createLiveHub } from "../../server/src/realtime/live-hub";
import { testEnv } from "./test-app";

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle: Router & { stack?: Layer[] };
}

function walk(stack: Layer[]): { method: string; path: string }[] {
  return stack.flatMap((layer) =>
    layer.route
      ? Object.keys(layer.route.methods)
          .filter((m) => m !== "_all")
          .map((method) => ({ method, path: layer.route!.path }))
      : layer.handle.stack
        ? walk(layer.handle.stack)
        : [],
  );
}

/**
 * Every method and path the API router really serves, however it was added (defineRoute or
 * plain router.get): what the OpenAPI and access-matrix tests hold their lists against.
 */
export function servedApiRoutes(database: DbHandle): { method: string; path: string }[] {
  const router = apiRouter({ env: testEnv(), database, live: createLiveHub(), limits: createRateLimiters() });
  const raw = rawBodyRouter({ env: testEnv(), database });
  return walk([...(raw as unknown as { stack: Layer[] }).stack, ...(router as unknown as { stack: Layer[] }).stack]);
}
