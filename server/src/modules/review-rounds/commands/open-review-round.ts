import { and, eq, inArray } from "drizzle-orm";
import type { ReviewRoundCreateInput } from "@shared/schemas/review-rounds";
import type { Db } from "../../../db/client";
import { frameworks, organisations, reviewCriteria, reviewProposals, reviewRoundForums, reviewRounds, reviewSections } from "../../../db/schema";
import { validationFailed } from "../../../http/app-error";
import type { Member } from "../../../http/require-actor";
import { recordAudit } from "../../audit/record-audit";
import { roundOpened } from "../../notifications/messages/others";
import { notify, recipientsOf } from "../../notifications/notify";

export interface OpenReviewRoundProps {
  db: Db;
  /** A regional admin: the framework and the forums must be of their region. */
  actor: Member;
  input: ReviewRoundCreateInput;
  ip?: string | undefined;
}

export async function openReviewRound({ db, actor, input, ip }: OpenReviewRoundProps) {
  const [framework] = await db
    .select()
    .from(frameworks)
    .where(and(eq(frameworks.id, input.frameworkId), eq(frameworks.regionId, actor.regionId)));
  const forums = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(inArray(organisations.id, input.forumIds), eq(organisations.kind, "parent_forum"), eq(organisations.regionId, actor.regionId)));
  const issues = [];
  if (!framework) issues.push({ path: "body.frameworkId", message: "Choose a framework of your region" });
  if (forums.length !== new Set(input.forumIds).size) issues.push({ path: "body.forumIds", message: "Choose Parent Carer Forums of your region" });
  if (issues.length > 0) throw validationFailed(issues);

  return db.transaction(async (tx) => {
    const [round] = await tx
      .insert(reviewRounds)
      .values({
        frameworkId: input.frameworkId,
        title: input.title,
        summary: input.summary,
        opensAt: new Date(input.opensAt),
        closesAt: new Date(input.closesAt),
        createdBy: actor.userId,
      })
      .returning();
    if (!round) throw new Error("round insert returned nothing");
    await tx.insert(reviewRoundForums).values(forums.map((f) => ({ roundId: round.id, organisationId: f.id })));
    await tx.insert(reviewSections).values(input.sections.map((s, i) => ({ roundId: round.id, position: i + 1, title: s.heading, body: s.body })));
    if (input.proposals.length)
      await tx.insert(reviewProposals).values(input.proposals.map((p, i) => ({ roundId: round.id, position: i + 1, title: p.title, body: p.description })));
    if (input.criteria.length)
      await tx.insert(reviewCriteria).values(input.criteria.map((c, i) => ({ roundId: round.id, position: i + 1, title: c.name, body: c.description })));
    await recordAudit(tx, {
      action: "review_round.open",
      recordType: "review_round",
      recordId: round.id,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
      details: { forums: forums.length },
    });
    // The panel members of the forums asked, told as the round is set up, so they can plan for its dates.
    const members = [];
    for (const forum of forums) members.push(...(await recipientsOf(tx, { organisationId: forum.id, roles: ["parent_panel"] })));
    await notify(tx, { kind: "round_opened", userIds: members, about: `round-opened:${round.id}`, ...roundOpened(round) });
    return round;
  });
}
