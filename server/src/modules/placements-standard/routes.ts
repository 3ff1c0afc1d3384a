import { Router } from "express";
import { z } from "zod";
import { PDS_VERSION, profileToReferral } from "@shared/placements-standard";
import { ChildProfileResponseSchema } from "@shared/schemas/children";
import { IdParamsSchema } from "@shared/schemas/params";
import type { Db } from "../../db/client";
import { memberOf, requireMember } from "../../http/require-actor";
import { defineRoute } from "../../http/route";
import { asCommissioner } from "../children/policy";
import { databaseToday, presentChildRow, readChild } from "../children/queries";
import { currentDistanceOf } from "../outcome-reviews/queries";
import { agreedPlacementOf } from "./agreed-placement";
import { importReferral } from "./commands/import-referral";

const DOCUMENT_DESCRIPTION =
  `A document in the ${PDS_VERSION}: entity name -> object of its fields (PlacementAvailability, PlacementRequirements, ` +
  "PlacementRecommendation and Risks required; QualityAssurance optional, its referral fields only), plus our optional " +
  "placementExchange object of profile fields the standard lacks. See docs/domain/placements-data-standard.md in the repository.";

/**
 * The import body is any JSON at this layer, described for the API docs: the handler checks it
 * against shared/src/placements-standard/definition.json after the role check, listing every
 * failing field in the usual 400 body, where a zod shape here would stop at the first level.
 */
const ImportBodySchema = z.unknown().describe(DOCUMENT_DESCRIPTION);
/** Loose on purpose (the definition, not zod, is the schema): entity -> fields. */
const ExportResponseSchema = z.object({ data: z.record(z.string(), z.record(z.string(), z.unknown())).describe(DOCUMENT_DESCRIPTION) });

export function placementsStandardRoutes(db: Db): Router {
  const router = Router();
  const common = { tag: "placements-standard", access: "signed-in" as const, before: [requireMember()] };

  defineRoute(router, {
    ...common,
    method: "post",
    path: "/api/v1/children/import/placements-standard",
    summary: "Record a child from a council's referral in the Placements Data Standard v2 (commissioners)",
    input: { body: ImportBodySchema },
    responses: {
      201: { description: "Recorded; missingForMatching says what matching still needs", schema: ChildProfileResponseSchema },
      400: { description: "Every field that does not meet the standard or the profile's rules, each with its path; nothing recorded" },
      409: { description: "The council already has a child with this reference (placementExchange.reference, or PDS-<childId>)" },
    },
    handler: async (req, res, input) => {
      const row = await importReferral({ db, actor: asCommissioner(memberOf(req)), document: input.body, ip: req.ip });
      res.status(201).json({ data: await presentChildRow(db, row) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "get",
    path: "/api/v1/children/:id/placements-standard",
    summary:
      "A child's profile as a Placements Data Standard v2 referral, for its council's commissioners (with the current placement's distance travelled under placementExchange); audited as an export",
    input: { params: IdParamsSchema },
    responses: {
      200: { description: "The referral, and ActualPlacement while the child is in a residential placement made here", schema: ExportResponseSchema },
      404: { description: "No such profile, or not your council's" },
    },
    handler: async (req, res, input) => {
      const { profile } = await readChild({ db, actor: memberOf(req), id: input.params.id, purpose: "export", ip: req.ip });
      const today = await databaseToday(db);
      const [placement, distanceTravelled] = await Promise.all([agreedPlacementOf(db, profile, today), currentDistanceOf(db, profile.id, today)]);
      res.json({ data: profileToReferral(profile, { today, placement, distanceTravelled }) });
    },
  });
  return router;
}
