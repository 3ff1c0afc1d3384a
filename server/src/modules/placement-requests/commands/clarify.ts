import { and, eq, isNull, sql } from "drizzle-orm";
import { DomainErrorCode } from "@shared/errors";
import { questionsCloseAt } from "@shared/tenders/questions-cut-off";
import type { Db } from "../../../db/client";
import { type ClarificationRow, clarifications, type PlacementRequestRow } from "../../../db/schema";
import { conflict, notFound } from "../../../http/app-error";
import { queueLive } from "../../../realtime/live-outbox";
import { recordAudit } from "../../audit/record-audit";
import type { Actor } from "../../identity/actor";
import { formatDeadline } from "../../notifications/messages/tenders";
import { tellClarificationAnswered, tellQuestionReceived } from "../../notifications/tenders";
import { clarificationsOpen, questionsOpen } from "../policy";
import { lockOpenRequest } from "./lock-open-request";

/** A provider's question, private to the council until answered; with the request as locked (asking does not change it). */
export async function askClarification({
  db,
  actor,
  requestId,
  question,
  ip,
}: {
  db: Db;
  actor: Actor & { organisationId: string };
  requestId: string;
  question: string;
  ip?: string | undefined;
}): Promise<{ row: ClarificationRow; request: PlacementRequestRow }> {
  return db.transaction(async (tx) => {
    const { request, now } = await lockOpenRequest(tx, actor, requestId, ["open"]);
    if (!questionsOpen(request, now))
      throw conflict(
        `Questions closed at ${formatDeadline(questionsCloseAt(request))}; the council takes no more. Make your offer on what the request and its answers say.`,
        DomainErrorCode.QuestionsClosed,
      );
    const [row] = await tx
      .insert(clarifications)
      .values({ requestId, askedByOrganisationId: actor.organisationId, askedBy: actor.userId, question })
      .returning();
    if (!row) throw new Error("clarification insert returned nothing");
    await recordAudit(tx, {
      action: "clarification.ask",
      recordType: "clarification",
      recordId: row.id,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
      details: { requestId },
    });
    await tellQuestionReceived(tx, request, row);
    await queueLive(tx, "request:clarification", { requestId, clarificationId: row.id });
    return { row, request };
  });
}

/** The council answers to every invited provider (the asker anonymised) or to the asker only. Once. */
export async function answerClarification(props: {
  db: Db;
  actor: Actor;
  request: PlacementRequestRow;
  clarificationId: string;
  answer: string;
  visibility: "all" | "private";
  ip?: string | undefined;
}): Promise<ClarificationRow> {
  const { db, actor, request, clarificationId, answer, visibility, ip } = props;
  if (!clarificationsOpen(request)) throw conflict(`The request is ${request.state}; clarifications are closed.`, DomainErrorCode.WrongState);
  return db.transaction(async (tx) => {
    // Once: the update takes only an unanswered question (a second answer at the same time waits
    // on the row and then finds it answered); why nothing was updated is read only then.
    const [row] = await tx
      .update(clarifications)
      .set({ answer, visibility, answeredBy: actor.userId, answeredAt: sql`clock_timestamp()` })
      .where(and(eq(clarifications.id, clarificationId), eq(clarifications.requestId, request.id), isNull(clarifications.answeredAt)))
      .returning();
    if (!row) {
      const [existing] = await tx
        .select({ id: clarifications.id })
        .from(clarifications)
        .where(and(eq(clarifications.id, clarificationId), eq(clarifications.requestId, request.id)));
      if (!existing) throw notFound("The clarification");
      throw conflict("This question has already been answered. Ask the provider to send a new question if more is needed.", DomainErrorCode.AlreadyAnswered);
    }
    await recordAudit(tx, {
      action: "clarification.answer",
      recordType: "clarification",
      recordId: row.id,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
      details: { requestId: request.id, visibility },
    });
    await tellClarificationAnswered(tx, request, row);
    await queueLive(tx, "request:clarification", { requestId: request.id, clarificationId: row.id });
    return row;
  });
}
