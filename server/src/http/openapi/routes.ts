import { createRequire } from "node:module";
import { Router } from "express";
import { z } from "zod";
import { defineRoute } from "../route";
import { renderDocsPage } from "./docs-page";
import { buildOpenApiDocument } from "./document";

const require = createRequire(import.meta.url);
const GOVUK_CSS = require.resolve("govuk-frontend/dist/govuk/govuk-frontend.min.css");

export function openApiRoutes(): Router {
  const router = Router();
  defineRoute(router, {
    method: "get",
    path: "/api/v1/openapi.json",
    summary: "This API described as an OpenAPI 3.1 document",
    tag: "meta",
    access: "public",
    responses: { 200: { description: "The OpenAPI document", schema: z.object({ openapi: z.string() }).loose() } },
    handler: (_req, res) => {
      res.json(buildOpenApiDocument());
    },
  });
  // Human-readable docs are not part of the JSON API, so they are not operations in the document.
  router.get("/api/docs", (_req, res) => {
    res.type("html").send(renderDocsPage());
  });
  router.get("/api/docs/govuk-frontend.min.css", (_req, res) => {
    res.sendFile(GOVUK_CSS);
  });
  return router;
}
