import { Router } from "express";
import { IdParamsSchema } from "../../../../shared/src/schemas/params";
import {
  SettingFeedbackCreateSchema,
  SettingFeedbackListQuerySchema,
  SettingFeedbackListSchema,
  SettingFeedbackModerationSchema,
  SettingFeedbackResponseSchema,
  SettingFeedbackSummarySchema,
} from "../../../../shared/src/schemas/setting-feedback";
import type { Db } from "../../db/client";
import { forbidden, notFound } from "../../http/app-error";
import { actorOf, requireRole } from "../../http/require-actor";
import { defineRoute } from "../../http/route";
import { isListed, loadSetting } from "../directory/queries";
import type { Actor } from "../identity/actor";
import { giveFeedback } from "./commands/give-feedback";
import { moderateFeedback } from "./commands/moderate-feedback";
import { canGiveFeedback, canModerateFeedback, canSeeFeedbackSummary } from "./policy";
import { feedbackSummary, listVisibleFeedback, loadFeedbackRow } from "./queries";

/** A listed setting in the actor's region; anything else is "not found". */
async function loadListedSetting(db: Db, actor: Actor, id: string) {
  const found = await loadSetting(db, id);
  if (!found || found.owner.regionId !== actor.regionId || !(await isListed(db, id))) throw notFound("The setting");
  return found.setting;
}

export function settingFeedbackRoutes(db: Db): Router {
  const router = Router();
  const common = { tag: "feedback", access: "signed-in" as const, before: [requireRole()] };

  defineRoute(router, {
    ...common,
    method: "post",
    path: "/api/v1/settings/:id/feedback",
    summary: "Give feedback on a setting you know (parent carer panel members); it counts once the regional hub approves it",
    input: { params: IdParamsSchema, body: SettingFeedbackCreateSchema },
    responses: { 201: { description: "Received, waiting for moderation", schema: SettingFeedbackResponseSchema } },
    handler: async (req, res, input) => {
      const actor = actorOf(req);
      if (!canGiveFeedback(actor) || !actor.organisationId) throw forbidden("Feedback on settings comes from parent carer panel members.");
      const setting = await loadListedSetting(db, actor, input.params.id);
      const row = await giveFeedback({ db, actor: { ...actor, organisationId: actor.organisationId }, settingId: setting.id, input: input.body, ip: req.ip });
      const [view] = await listVisibleFeedback(db, actor, { id: row.id });
      res.status(201).json({ data: view?.view });
    },
  });

  defineRoute(router, {
    ...common,
    method: "get",
    path: "/api/v1/setting-feedback",
    summary: "Feedback on settings: the region's for the regional hub (to moderate), your own for a panel member",
    input: { query: SettingFeedbackListQuerySchema },
    responses: { 200: { description: "Feedback, newest first", schema: SettingFeedbackListSchema } },
    handler: async (req, res, input) => {
      const actor = actorOf(req);
      if (!canModerateFeedback(actor) && !canGiveFeedback(actor)) throw forbidden("Feedback is for parent carer panels and the regional hub.");
      res.json({ data: (await listVisibleFeedback(db, actor, input.query)).map((f) => f.view) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "put",
    path: "/api/v1/setting-feedback/:id",
    summary: "Approve or reject feedback (the regional hub); a rejection's reason is shown to its author",
    input: { params: IdParamsSchema, body: SettingFeedbackModerationSchema },
    responses: { 200: { description: "Moderated", schema: SettingFeedbackResponseSchema } },
    handler: async (req, res, input) => {
      const actor = actorOf(req);
      const [visible] = await listVisibleFeedback(db, actor, { id: input.params.id });
      const feedback = visible ? await loadFeedbackRow(db, input.params.id) : undefined;
      if (!feedback) throw notFound("The feedback");
      if (!canModerateFeedback(actor)) throw forbidden("Only the regional hub moderates feedback.");
      await moderateFeedback({ db, actor, feedback, decision: input.body.decision, reason: input.body.reason, ip: req.ip });
      const [after] = await listVisibleFeedback(db, actor, { id: input.params.id });
      res.json({ data: after?.view });
    },
  });

  defineRoute(router, {
    ...common,
    method: "get",
    path: "/api/v1/settings/:id/feedback-summary",
    summary: "Approved parent carer feedback on a setting as averages, shown only from 5 reviews",
    input: { params: IdParamsSchema },
    responses: { 200: { description: "The summary, or that it is suppressed", schema: SettingFeedbackSummarySchema } },
    handler: async (req, res, input) => {
      const actor = actorOf(req);
      if (!canSeeFeedbackSummary(actor)) throw forbidden("Feedback summaries are for commissioners, parent carer panels and the regional hub.");
      const setting = await loadListedSetting(db, actor, input.params.id);
      res.json({ data: await feedbackSummary(db, setting.id) });
    },
  });
  return router;
}
