import { Router } from "express";
import { HsdsDirectorySchema } from "@shared/schemas/open-data";
import type { Db } from "../../db/client";
import { defineRoute } from "../../http/route";
import { openReferralDirectory } from "./open-data";

export function openDataRoutes(db: Db): Router {
  const router = Router();
  defineRoute(router, {
    method: "get",
    path: "/api/v1/open-data/services",
    summary: "Every listed setting as Open Referral UK (HSDS) organizations, services and locations; no sign-in",
    tag: "open data",
    access: "public",
    responses: { 200: { description: "The directory", schema: HsdsDirectorySchema } },
    handler: async (_req, res) => {
      res.setHeader("Cache-Control", "public, max-age=300").json(await openReferralDirectory(db));
    },
  });
  return router;
}
