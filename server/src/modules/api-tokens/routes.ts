import { Router } from "express";
import { ApiTokenCreatedSchema, ApiTokenCreateSchema, ApiTokenListSchema } from "@shared/schemas/identity";
import { IdParamsSchema } from "@shared/schemas/params";
import type { Db } from "../../db/client";
import { forbidden } from "../../http/app-error";
import type { RateLimiters } from "../../http/rate-limits";
import { actorOf, requireSignedIn } from "../../http/require-actor";
import { defineRoute } from "../../http/route";
import type { LiveHub } from "../../realtime/live-hub";
import { createApiToken } from "./commands/create-api-token";
import { revokeApiToken } from "./commands/revoke-api-token";
import { canMakeTokens, canManageTokens } from "./policy";
import { presentApiToken } from "./present";
import { listTokensOf } from "./queries";

export function apiTokenRoutes({ db, live, limits }: { db: Db; live: LiveHub; limits: RateLimiters }): Router {
  const router = Router();
  const sessionOnly = (actor: ReturnType<typeof actorOf>) => {
    if (!canManageTokens(actor)) throw forbidden("Manage API tokens from your account page in the browser, not with a token.");
  };

  defineRoute(router, {
    method: "get",
    path: "/api/v1/me/tokens",
    summary: "Your API tokens (never their secrets)",
    tag: "identity",
    access: "signed-in",
    before: [requireSignedIn],
    responses: { 200: { description: "Your tokens, newest first", schema: ApiTokenListSchema } },
    handler: async (req, res) => {
      const actor = actorOf(req);
      res.json({ data: (await listTokensOf(db, actor.userId)).map(presentApiToken) });
    },
  });

  defineRoute(router, {
    method: "post",
    path: "/api/v1/me/tokens",
    summary: "Make a personal API token for an integration; the secret is shown once (not for parent carer panels)",
    tag: "identity",
    access: "signed-in",
    before: [requireSignedIn, limits.tokens],
    input: { body: ApiTokenCreateSchema },
    responses: { 201: { description: "The token, with its secret", schema: ApiTokenCreatedSchema } },
    handler: async (req, res, input) => {
      const actor = actorOf(req);
      sessionOnly(actor);
      if (!canMakeTokens(actor)) throw forbidden("Parent carer panels do not use API tokens: they are for councils' and providers' own systems.");
      const { row, token } = await createApiToken({
        db,
        userId: actor.userId,
        organisationId: actor.organisationId,
        input: input.body,
        via: "session",
        ip: req.ip,
      });
      res
        .status(201)
        .setHeader("Cache-Control", "no-store")
        .json({ data: { ...presentApiToken(row), token } });
    },
  });

  defineRoute(router, {
    method: "delete",
    path: "/api/v1/me/tokens/:id",
    summary: "Revoke one of your API tokens",
    tag: "identity",
    access: "signed-in",
    before: [requireSignedIn],
    input: { params: IdParamsSchema },
    responses: { 204: { description: "Revoked" } },
    handler: async (req, res, input) => {
      const actor = actorOf(req);
      sessionOnly(actor);
      await revokeApiToken({ db, live, actor, tokenId: input.params.id, ip: req.ip });
      res.status(204).end();
    },
  });
  return router;
}
