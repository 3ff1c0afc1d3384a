import { Router } from "express";
import { IdParamsSchema } from "@shared/schemas/params";
import {
  SettingFeedbackCreateSchema,
  SettingFeedbackListQuerySchema,
  SettingFeedbackListSchema,
  SettingFeedbackModerationSchema,
  SettingFeedbackResponseSchema,
  SettingFeedbackSummarySchema,
} from "@shared/schemas/setting-feedback";
import type { Db } from "../../db/client";
import { forbidden, notFound } from "../../http/app-error";
import { memberOf, requireMember } from "../../http/require-actor";
import { defineRoute } from "../../http/route";
import { giveFeedback } from "./commands/give-feedback";
import { moderateFeedback } from "./commands/moderate-feedback";
import { canGiveFeedback, canModerateFeedback, canSeeFeedbackList, canSeeFeedbackSummary } from "./policy";
import { presentFeedbackRow } from "./present";
import { feedbackSummary, listVisibleFeedback, loadFeedbackRow, loadListedSetting, loadVisibleFeedback } from "./queries";

export function settingFeedbackRoutes(db: Db): Router {
  const router = Router();
  const common = { tag: "feedback", access: "signed-in" as const, before: [requireMember()] };

  defineRoute(router, {
    ...common,
    method: "post",
    path: "/api/v1/settings/:id/feedback",
    summary: "Give feedback on a setting you know (parent carer panel members); it counts once the regional hub approves it",
    input: { params: IdParamsSchema, body: SettingFeedbackCreateSchema },
    responses: { 201: { description: "Received, waiting for moderation", schema: SettingFeedbackResponseSchema } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      if (!canGiveFeedback(actor)) throw forbidden("Feedback on settings comes from parent carer panel members.");
      const setting = await loadListedSetting(db, actor, input.params.id);
      const row = await giveFeedback({ db, actor, settingId: setting.id, input: input.body, ip: req.ip });
      const [given] = await loadVisibleFeedback(db, actor, row.id);
      res.status(201).json({ data: given && presentFeedbackRow(given) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "get",
    path: "/api/v1/setting-feedback",
    summary:
      "Feedback on settings, 20 a page: the region's for the regional hub (to moderate), your own for a panel member; search by setting or forum, filter by status (pending: waiting for moderation)",
    input: { query: SettingFeedbackListQuerySchema },
    responses: { 200: { description: "Feedback, newest first", schema: SettingFeedbackListSchema } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      if (!canSeeFeedbackList(actor)) throw forbidden("Feedback is for parent carer panels and the regional hub.");
      const { rows, meta } = await listVisibleFeedback(db, actor, input.query);
      res.json({ data: rows.map(presentFeedbackRow), meta });
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
      const actor = memberOf(req);
      const [visible] = await loadVisibleFeedback(db, actor, input.params.id);
      const feedback = visible ? await loadFeedbackRow(db, input.params.id) : undefined;
      if (!feedback) throw notFound("The feedback");
      if (!canModerateFeedback(actor)) throw forbidden("Only the regional hub moderates feedback.");
      await moderateFeedback({ db, actor, feedback, decision: input.body.decision, reason: input.body.reason, ip: req.ip });
      const [after] = await loadVisibleFeedback(db, actor, input.params.id);
      res.json({ data: after && presentFeedbackRow(after) });
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
      const actor = memberOf(req);
      if (!canSeeFeedbackSummary(actor)) throw forbidden("Feedback summaries are for commissioners, parent carer panels and the regional hub.");
      const setting = await loadListedSetting(db, actor, input.params.id);
      res.json({ data: await feedbackSummary(db, setting.id) });
    },
  });
  return router;
}
