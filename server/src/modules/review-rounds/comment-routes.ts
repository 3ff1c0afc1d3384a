import { Router } from "express";
import { IdParamsSchema, ThemeParamsSchema } from "@shared/schemas/params";
import {
  ReviewCommentCreateSchema,
  ReviewCommentModerationSchema,
  ReviewCommentResponseSchema,
  ReviewRoundResponseSchema,
  ReviewThemeSaveSchema,
} from "@shared/schemas/review-rounds";
import type { Db } from "../../db/client";
import { forbidden, notFound } from "../../http/app-error";
import { memberOf, requireMember } from "../../http/require-actor";
import { defineRoute } from "../../http/route";
import { addComment, moderateComment, saveTheme } from "./commands/comment";
import { loadComment } from "./comment-queries";
import { canAnswerThemes, canModerateComments, canTakePart } from "./policy";
import { presentComment, presentRound } from "./present";
import { loadVisibleRound, roundContents } from "./queries";

export function reviewCommentRoutes({ db }: { db: Db }): Router {
  const router = Router();
  const common = { tag: "co-production", access: "signed-in" as const, before: [requireMember()] };

  defineRoute(router, {
    ...common,
    method: "post",
    path: "/api/v1/review-rounds/:id/comments",
    summary: "Comment on a section of a review round, or reply to a comment (panel members, while the round is open)",
    input: { params: IdParamsSchema, body: ReviewCommentCreateSchema },
    responses: { 201: { description: "Posted; everyone watching the round sees it", schema: ReviewCommentResponseSchema } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      const round = await loadVisibleRound(db, actor, input.params.id);
      if (!canTakePart(actor, round)) throw forbidden("Only panel members of the forums taking part comment.");
      const row = await addComment({ db, actor, round, input: input.body });
      const posted = { comment: row, forumName: actor.organisationName };
      res.status(201).json({ data: presentComment(posted, actor) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "put",
    path: "/api/v1/review-comments/:id/moderation",
    summary: "Hide a comment with a reason its author sees, or show it again (the regional hub)",
    input: { params: IdParamsSchema, body: ReviewCommentModerationSchema },
    responses: { 200: { description: "Moderated", schema: ReviewCommentResponseSchema } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      const existing = await loadComment(db, input.params.id);
      if (!existing) throw notFound("The comment");
      await loadVisibleRound(db, actor, existing.comment.roundId);
      if (!canModerateComments(actor)) throw forbidden("Only the regional hub moderates comments.");
      const row = await moderateComment({ db, actor, commentId: existing.comment.id, hidden: input.body.hidden, reason: input.body.reason, ip: req.ip });
      const moderated = { comment: row, forumName: existing.forumName };
      res.json({ data: presentComment(moderated, actor) });
    },
  });

  const themeRoute = (method: "post" | "put") =>
    defineRoute(router, {
      ...common,
      method,
      path: method === "post" ? "/api/v1/review-rounds/:id/themes" : "/api/v1/review-rounds/:id/themes/:themeId",
      summary:
        method === "post"
          ? 'Group comments into a theme and answer it: "you said, we did" (the regional hub)'
          : "Change a theme, its answer or the comments it groups (the regional hub)",
      input: { params: method === "post" ? IdParamsSchema : ThemeParamsSchema, body: ReviewThemeSaveSchema },
      responses: { [method === "post" ? 201 : 200]: { description: "The round with its themes", schema: ReviewRoundResponseSchema } },
      handler: async (req, res, input) => {
        const actor = memberOf(req);
        const round = await loadVisibleRound(db, actor, input.params.id);
        if (!canAnswerThemes(actor)) throw forbidden("Only the regional hub answers themes.");
        const themeId = "themeId" in input.params ? (input.params as { themeId: string }).themeId : undefined;
        await saveTheme({ db, actor, round, ...(themeId ? { themeId } : {}), input: input.body });
        res.status(method === "post" ? 201 : 200).json({ data: presentRound(round, await roundContents(db, round.round.id, actor.userId), actor) });
      },
    });
  themeRoute("post");
  themeRoute("put");
  return router;
}
