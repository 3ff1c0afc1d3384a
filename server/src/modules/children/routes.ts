import { type Request, Router } from "express";
import {
  ChildListQuerySchema,
  ChildProfileCreateSchema,
  ChildProfileDraftCreateSchema,
  ChildProfileListSchema,
  ChildProfileResponseSchema,
  ChildProfileUpdateSchema,
  ShortlistParamsSchema,
  ShortlistSchema,
} from "@shared/schemas/children";
import { IdParamsSchema } from "@shared/schemas/params";
import type { Db } from "../../db/client";
import { memberOf, requireMember } from "../../http/require-actor";
import { defineRoute } from "../../http/route";
import { changeShortlist } from "./commands/change-shortlist";
import { completeChild } from "./commands/complete-child";
import { createChild, createDraft, updateChild } from "./commands/save-child";
import { asCommissioner } from "./policy";
import { listChildren, loadChildRow, presentChildRow, readChild, shortlistOf } from "./queries";

/** The actor, when a council commissioner; 403 for anyone else (they have no children's profiles at all). */
const commissionerOf = (req: Request) => asCommissioner(memberOf(req));

export function childRoutes(db: Db): Router {
  const router = Router();
  const common = { tag: "children", access: "signed-in" as const, before: [requireMember()] };

  defineRoute(router, {
    ...common,
    method: "get",
    path: "/api/v1/children",
    summary:
      "Your council's children: references and codes only (open one to see its profile, which is audited). Search by reference (q), filter by status (draft, complete, open_request, placed: any of them), 20 a page",
    input: { query: ChildListQuerySchema },
    responses: { 200: { description: "A page of the council's children, newest change first, and the total", schema: ChildProfileListSchema } },
    handler: async (req, res, input) => {
      const actor = commissionerOf(req);
      const { items, meta } = await listChildren(db, actor.organisationId, input.query);
      res.json({ data: items, meta });
    },
  });

  defineRoute(router, {
    ...common,
    method: "post",
    path: "/api/v1/children/drafts",
    summary: "Start a child's profile as a draft: the reference and any answers so far (each checked); the rest stays unanswered until completed",
    input: { body: ChildProfileDraftCreateSchema },
    responses: {
      201: { description: "The draft, with the questions still to answer", schema: ChildProfileResponseSchema },
      409: { description: "The council already has a child with this reference" },
    },
    handler: async (req, res, input) => {
      const row = await createDraft({ db, actor: commissionerOf(req), input: input.body, ip: req.ip });
      res.status(201).json({ data: await presentChildRow(db, row) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "post",
    path: "/api/v1/children/:id/complete",
    summary: "Complete a draft profile once every question is answered (audited); it can then be matched and put to providers",
    input: { params: IdParamsSchema },
    responses: {
      200: { description: "The complete profile", schema: ChildProfileResponseSchema },
      400: { description: "Every question still to answer, by its path, with what to do" },
      404: { description: "No such profile, or not your council's" },
    },
    handler: async (req, res, input) => {
      const child = await loadChildRow(db, memberOf(req), input.params.id);
      const row = await completeChild({ db, actor: commissionerOf(req), child, ip: req.ip });
      res.json({ data: await presentChildRow(db, row) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "post",
    path: "/api/v1/children",
    summary:
      "Record a child's complete pseudonymised needs profile in one body (commissioners; the question pages use drafts instead); free text is checked for anything identifying",
    input: { body: ChildProfileCreateSchema },
    responses: {
      201: { description: "Recorded", schema: ChildProfileResponseSchema },
      409: { description: "The council already has a child with this reference" },
    },
    handler: async (req, res, input) => {
      const actor = commissionerOf(req);
      const row = await createChild({ db, actor, values: { ...input.body, pdsChildId: null, referralDate: null }, source: "form", ip: req.ip });
      res.status(201).json({ data: await presentChildRow(db, row) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "get",
    path: "/api/v1/children/:id",
    summary: "A child's profile, for its council's commissioners only; every read is audited",
    input: { params: IdParamsSchema },
    responses: { 200: { description: "The profile", schema: ChildProfileResponseSchema }, 404: { description: "No such profile, or not your council's" } },
    handler: async (req, res, input) => {
      const { profile } = await readChild({ db, actor: memberOf(req), id: input.params.id, purpose: "view", ip: req.ip });
      res.json({ data: profile });
    },
  });

  defineRoute(router, {
    ...common,
    method: "patch",
    path: "/api/v1/children/:id",
    summary:
      "Change a child's profile or answer a draft's questions (any subset of fields; requirements and recommendation may come in part, riskAnswers answers risks one by one)",
    input: { params: IdParamsSchema, body: ChildProfileUpdateSchema },
    responses: { 200: { description: "Changed", schema: ChildProfileResponseSchema } },
    handler: async (req, res, input) => {
      const child = await loadChildRow(db, memberOf(req), input.params.id);
      const row = await updateChild({ db, actor: commissionerOf(req), child, input: input.body, ip: req.ip });
      res.json({ data: await presentChildRow(db, row) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "get",
    path: "/api/v1/children/:id/shortlist",
    summary: "The settings shortlisted for a child, to invite to a placement request",
    input: { params: IdParamsSchema },
    responses: { 200: { description: "The shortlist", schema: ShortlistSchema } },
    handler: async (req, res, input) => {
      const child = await loadChildRow(db, memberOf(req), input.params.id);
      res.json({ data: await shortlistOf(db, child.id) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "put",
    path: "/api/v1/children/:id/shortlist/:settingId",
    summary: "Shortlist a listed setting for a child (doing it again changes nothing)",
    input: { params: ShortlistParamsSchema },
    responses: { 200: { description: "The shortlist after the change", schema: ShortlistSchema } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      const child = await loadChildRow(db, actor, input.params.id);
      await changeShortlist({ db, actor, child, settingId: input.params.settingId, change: "add", ip: req.ip });
      res.json({ data: await shortlistOf(db, child.id) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "delete",
    path: "/api/v1/children/:id/shortlist/:settingId",
    summary: "Take a setting off a child's shortlist",
    input: { params: ShortlistParamsSchema },
    responses: { 200: { description: "The shortlist after the change", schema: ShortlistSchema } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      const child = await loadChildRow(db, actor, input.params.id);
      await changeShortlist({ db, actor, child, settingId: input.params.settingId, change: "remove", ip: req.ip });
      res.json({ data: await shortlistOf(db, child.id) });
    },
  });
  return router;
}
