import { Router } from "express";
import { OcdsReleasePackageSchema } from "@shared/schemas/ocds";
import type { Db } from "../../db/client";
import type { Env } from "../../env";
import { defineRoute } from "../../http/route";
import { awardedContractingProcesses } from "./ocds-query";
import { releasePackageOf } from "./ocds-releases";
import { databaseNow } from "./queries";

const PATH = "/api/v1/open-data/ocds";

/** Awarded placement requests as Open Contracting Data Standard releases: public procurement information, no child data. */
export function openContractingRoutes({ db, env }: { db: Db; env: Pick<Env, "ocdsOcidPrefix" | "publicUrl"> }): Router {
  const router = Router();
  defineRoute(router, {
    method: "get",
    path: PATH,
    summary: "Every awarded placement request as an OCDS 1.1 release package (tender, award and contract releases); no sign-in, no child data",
    tag: "open data",
    access: "public",
    responses: { 200: { description: "The release package; values are a year of the weekly fee (x 52), in pounds", schema: OcdsReleasePackageSchema } },
    handler: async (_req, res) => {
      const processes = await awardedContractingProcesses(db);
      const publishedAt = await databaseNow(db);
      res
        .setHeader("Cache-Control", "public, max-age=300")
        .json(releasePackageOf(processes, { uri: `${env.publicUrl}${PATH}`, publicUrl: env.publicUrl, ocidPrefix: env.ocdsOcidPrefix, publishedAt }));
    },
  });
  return router;
}
