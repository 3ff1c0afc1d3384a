import type { Router } from "express";
import { IdParamsSchema } from "@shared/schemas/params";
import { EvaluationDeclarationSchema, EvaluationStateResponseSchema, ModerationSaveSchema } from "@shared/schemas/placement-requests";
import type { Db } from "../../db/client";
import { requireMember } from "../../http/require-actor";
import { defineRoute } from "../../http/route";
import { declareConflict } from "./commands/evaluate";
import { saveModeration, startModeration } from "./commands/moderate";
import { buildEvaluationState, evaluationReportCsv } from "./evaluation-report";
import { loadAsBuyer } from "./load";
import { buildRequestView } from "./view";

const R = "/api/v1/placement-requests/:id";
const common = { tag: "placement requests", access: "signed-in" as const, before: [requireMember()] };
const evaluationResponses = {
  200: { description: "The evaluation as this commissioner sees it", schema: EvaluationStateResponseSchema },
  409: { description: "Not possible at this point of the evaluation (the reason says why)" },
};

/**
 * The evaluation's own steps beside the scores and the completion (evaluation-routes.ts): the
 * declarations of interest, moderation, and the report. Each answers with the evaluation as the
 * caller sees it; every one is the council's commissioners' alone (loadAsBuyer).
 */
export function scoringRoutes(router: Router, { db }: { db: Db }): void {
  defineRoute(router, {
    ...common,
    method: "get",
    path: `${R}/evaluation`,
    summary: "The evaluation: every declaration of interest, your own scores, everyone's once moderation has started, and the moderation",
    input: { params: IdParamsSchema },
    responses: { 200: evaluationResponses[200] },
    handler: async (req, res, input) => {
      const { actor, request } = await loadAsBuyer(db, req, input.params.id);
      res.json({ data: await buildEvaluationState(db, actor, request) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "put",
    path: `${R}/evaluation/declaration`,
    summary: "Declare any conflict of interest before scoring (once; an evaluator with a conflict does not score or moderate)",
    input: { params: IdParamsSchema, body: EvaluationDeclarationSchema },
    responses: evaluationResponses,
    handler: async (req, res, input) => {
      const { actor, request } = await loadAsBuyer(db, req, input.params.id);
      await declareConflict({ db, actor, request, input: input.body, ip: req.ip });
      res.json({ data: await buildEvaluationState(db, actor, request) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "post",
    path: `${R}/evaluation/moderation`,
    summary: "Start moderation and become its moderator: every evaluator's scores and reasons must be complete; they are then fixed and shown side by side",
    input: { params: IdParamsSchema },
    responses: evaluationResponses,
    handler: async (req, res, input) => {
      const { actor, request } = await loadAsBuyer(db, req, input.params.id);
      await startModeration({ db, actor, request, ip: req.ip });
      res.json({ data: await buildEvaluationState(db, actor, request) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "put",
    path: `${R}/evaluation/moderation`,
    summary: "The moderator saves the agreed score and reason per offer and criterion, and the moderation note (a draft until the evaluation is completed)",
    input: { params: IdParamsSchema, body: ModerationSaveSchema },
    responses: evaluationResponses,
    handler: async (req, res, input) => {
      const { actor, request } = await loadAsBuyer(db, req, input.params.id);
      await saveModeration({ db, actor, request, scores: input.body.scores, note: input.body.note, ip: req.ip });
      res.json({ data: await buildEvaluationState(db, actor, request) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "get",
    path: `${R}/evaluation-report.csv`,
    summary: "The evaluation report as CSV for sign-off: every evaluator's scores and reasons, the agreed ones, totals and ranks, declarations, moderation",
    input: { params: IdParamsSchema },
    responses: { 200: { description: "text/csv (UTF-8)" } },
    handler: async (req, res, input) => {
      const { actor, request } = await loadAsBuyer(db, req, input.params.id);
      const state = await buildEvaluationState(db, actor, request);
      const view = await buildRequestView(db, request, { kind: "commissioner" });
      res
        .type("text/csv; charset=utf-8")
        .setHeader("Content-Disposition", `attachment; filename="evaluation-report-${request.id}.csv"`)
        // The byte order mark makes spreadsheets read the names and reasons as UTF-8.
        .send(`\uFEFF${evaluationReportCsv(state, view)}`);
    },
  });
}
