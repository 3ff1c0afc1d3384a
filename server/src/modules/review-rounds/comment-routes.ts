import { Router } from "express";
import { eq } from "drizzle-orm";
import { IdParamsSchema, ThemeParamsSchema } from "../../../../shared/src/schemas/params";
import {
  ReviewCommentCreateSchema,
  ReviewCommentModerationSchema,
  ReviewCommentResponseSchema,
  ReviewRoundResponseSchema,
  ReviewThemeSaveSchema,
} from "../../../../shared/src/schemas/review-rounds";
import type { Db } from "../../db/client";
import { organisations, reviewComments } from "../../db/schema";
import { forbidden, notFound } from "../../http/app-error";
import { actorOf, requireRole } from "../../http/require-actor";
import { defineRoute } from "../../http/route";
import { rooms, type LiveHub } from "../../realtime/live-hub";
import { presentComment, roundComments, roundThemes } from "./comments";
import { addComment, moderateComment, saveTheme } from "./commands/comment";
import { canTakePart } from "./policy";
import { presentRound } from "./present";
import { loadVisibleRound, roundDetail } from "./queries";

// What everyone watching a round is sent: no author, and a hidden comment's text withheld.
const BROADCAST_VIEWER = { userId: "", role: null };

export function reviewCommentRoutes({ db, live }: { db: Db; live: LiveHub }): Router {
  const router = Router();
  const common = { tag: "co-production", access: "signed-in" as const, before: [requireRole()] };

  const broadcast = async (roundId: string, commentId: string) => {
    const [row] = await db.select({ comment: reviewComments, forumName: organisations.name }).from(reviewComments).innerJoin(organisations, eq(organisations.id, reviewComments.authorOrganisationId)).where(eq(reviewComments.id, commentId));
    if (row) live.emit(rooms.reviewRound(roundId), "review:comment", { roundId, comment: presentComment(row.comment, row.forumName, BROADCAST_VIEWER) });
    return row;
  };

  defineRoute(router, {
    ...common,
    method: "post",
    path: "/api/v1/review-rounds/:id/comments",
    summary: "Comment on a section of a review round, or reply to a comment (panel members, while the round is open)",
    input: { params: IdParamsSchema, body: ReviewCommentCreateSchema },
    responses: { 201: { description: "Posted; everyone watching the round sees it", schema: ReviewCommentResponseSchema } },
    handler: async (req, res, input) => {
      const actor = actorOf(req);
      const round = await loadVisibleRound(db, actor, input.params.id);
      if (!canTakePart(actor, { regionId: round.regionId, forumIds: round.forums.map((f) => f.id) }) || !actor.organisationId) {
        throw forbidden("Only panel members of the forums taking part comment.");
      }
      const row = await addComment({ db, actor: { ...actor, organisationId: actor.organisationId }, round, input: input.body });
      const posted = await broadcast(round.round.id, row.id);
      res.status(201).json({ data: presentComment(row, posted?.forumName ?? "", actor) });
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
      const actor = actorOf(req);
      const [existing] = await db.select().from(reviewComments).where(eq(reviewComments.id, input.params.id));
      if (!existing) throw notFound("The comment");
      await loadVisibleRound(db, actor, existing.roundId);
      if (actor.role !== "regional_admin") throw forbidden("Only the regional hub moderates comments.");
      const row = await moderateComment({ db, actor, commentId: existing.id, hidden: input.body.hidden, reason: input.body.reason, ip: req.ip });
      const after = await broadcast(existing.roundId, row.id);
      res.json({ data: presentComment(row, after?.forumName ?? "", actor) });
    },
  });

  const themeRoute = (method: "post" | "put") =>
    defineRoute(router, {
      ...common,
      method,
      path: method === "post" ? "/api/v1/review-rounds/:id/themes" : "/api/v1/review-rounds/:id/themes/:themeId",
      summary: method === "post" ? "Group comments into a theme and answer it: \"you said, we did\" (the regional hub)" : "Change a theme, its answer or the comments it groups (the regional hub)",
      input: { params: method === "post" ? IdParamsSchema : ThemeParamsSchema, body: ReviewThemeSaveSchema },
      responses: { [method === "post" ? 201 : 200]: { description: "The round with its themes", schema: ReviewRoundResponseSchema } },
      handler: async (req, res, input) => {
        const actor = actorOf(req);
        const round = await loadVisibleRound(db, actor, input.params.id);
        if (actor.role !== "regional_admin") throw forbidden("Only the regional hub answers themes.");
        const themeId = "themeId" in input.params ? (input.params as { themeId: string }).themeId : undefined;
        await saveTheme({ db, actor, round, ...(themeId ? { themeId } : {}), input: input.body });
        const [detail, comments, themes] = await Promise.all([roundDetail(db, round.round.id, actor.userId), roundComments(db, round.round.id, actor), roundThemes(db, round.round.id)]);
        res.status(method === "post" ? 201 : 200).json({ data: presentRound(round, detail, { comments, themes }) });
      },
    });
  themeRoute("post");
  themeRoute("put");
  return router;
}
