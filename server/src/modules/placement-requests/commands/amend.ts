import { eq, sql } from "drizzle-orm";
import { DomainErrorCode, type ValidationIssue } from "@shared/errors";
import type { RequestAmendInput } from "@shared/schemas/placement-requests";
import { questionsCloseAt } from "@shared/tenders/questions-cut-off";
import type { Db } from "../../../db/client";
import { databaseNow } from "../../../db/clock";
import { type AmendmentChanges, type AmendmentRow, type PlacementRequestRow, placementRequests, requestAmendments } from "../../../db/schema";
import { conflict, validationFailed } from "../../../http/app-error";
import { queueLive } from "../../../realtime/live-outbox";
import { recordAudit } from "../../audit/record-audit";
import type { Actor } from "../../identity/actor";
import { formatDeadline } from "../../notifications/messages/tenders";
import { tellAmended } from "../../notifications/tenders";
import { amendable } from "../policy";

export interface AmendRequestProps {
  db: Db;
  /** A commissioner of the council running the request (loadAsBuyer). */
  actor: Actor;
  request: PlacementRequestRow;
  input: RequestAmendInput;
  ip?: string | undefined;
}

/** What the input changes, checked against the request as it is now (under its lock); nothing is written here. */
function changesOf(request: PlacementRequestRow, input: RequestAmendInput, now: Date): AmendmentChanges {
  const changes: AmendmentChanges = {};
  const issues: ValidationIssue[] = [];
  if (input.deadline && Date.parse(input.deadline) !== request.deadline.getTime()) {
    const to = new Date(input.deadline);
    // Shortening would cut short providers who planned to the deadline they were given.
    if (to <= request.deadline)
      throw conflict(
        `The new deadline must be later than the current one, ${formatDeadline(request.deadline)}. A deadline can only be extended; to close sooner, cancel the request and make a new one.`,
        DomainErrorCode.DeadlineNotLater,
      );
    changes.deadline = { from: request.deadline.toISOString(), to: to.toISOString() };
  }
  const deadline = changes.deadline ? new Date(changes.deadline.to) : request.deadline;
  const before = questionsCloseAt(request);
  const after = input.questionsCloseAt ? new Date(input.questionsCloseAt) : questionsCloseAt({ ...request, deadline });
  if (after >= deadline) issues.push({ path: "body.questionsCloseAt", message: `Questions must close before the deadline, ${formatDeadline(deadline)}` });
  else if (input.questionsCloseAt && after <= now && after.getTime() !== before.getTime())
    issues.push({ path: "body.questionsCloseAt", message: "Questions must close in the future: choose a later time" });
  else if (after.getTime() !== before.getTime()) changes.questionsCloseAt = { from: before.toISOString(), to: after.toISOString() };

  if (input.criteria) {
    const current = new Map(request.criteria.map((c) => [c.id, c.label]));
    // Offers answer each criterion by id: the same criteria may be worded more clearly, none added or taken away.
    const sameSet = input.criteria.length === current.size && input.criteria.every((c) => current.has(c.id));
    if (!sameSet) issues.push({ path: "body.criteria", message: "Keep the same criteria and reword them only: offers already answer each one" });
    else {
      const wording = new Map(input.criteria.map((c) => [c.id, c.label]));
      changes.criteria = request.criteria.flatMap((c) => {
        const to = wording.get(c.id);
        return to !== undefined && to !== c.label ? [{ id: c.id, from: c.label, to }] : [];
      });
    }
    if (changes.criteria?.length === 0) delete changes.criteria;
  }
  if (input.note) changes.note = input.note;
  if (issues.length > 0) throw validationFailed(issues);
  if (Object.keys(changes).length === 0)
    throw validationFailed([
      { path: "body.deadline", message: "Nothing would change: give a later deadline, a new time for questions to close, new wording or a note" },
    ]);
  return changes;
}

/**
 * A numbered amendment to an open request before its deadline: the request changes, the
 * amendment records from and to, every invited provider is told, all in one transaction. Offers
 * are untouched and stay sealed: an amendment says nothing about them.
 */
export async function amendRequest({ db, actor, request, input, ip }: AmendRequestProps): Promise<{ request: PlacementRequestRow; amendment: AmendmentRow }> {
  return db.transaction(async (tx) => {
    // The closing scheduler takes the same lock: an amendment and the close cannot interleave.
    const [locked] = await tx.select().from(placementRequests).where(eq(placementRequests.id, request.id)).for("update");
    if (!locked) throw new Error(`request ${request.id} vanished under its lock`);
    const now = await databaseNow(tx);
    const refusal = amendable(locked, now);
    if (refusal === "not_open")
      throw conflict(
        `The request is ${locked.state}; only an open request can be amended. Make a new request if the placement is still needed.`,
        DomainErrorCode.WrongState,
      );
    if (refusal === "past_deadline")
      throw conflict(
        `The request closed at ${formatDeadline(locked.deadline)}; it can no longer be amended. Make a new request if the placement is still needed.`,
        DomainErrorCode.RequestClosed,
      );
    const changes = changesOf(locked, input, now);
    const [updated] = await tx
      .update(placementRequests)
      .set({
        ...(changes.deadline ? { deadline: new Date(changes.deadline.to) } : {}),
        ...(input.questionsCloseAt && changes.questionsCloseAt ? { questionsCloseAt: new Date(changes.questionsCloseAt.to) } : {}),
        ...(changes.criteria
          ? { criteria: locked.criteria.map((c) => ({ id: c.id, label: input.criteria?.find((x) => x.id === c.id)?.label ?? c.label })) }
          : {}),
        updatedAt: sql`clock_timestamp()`,
      })
      .where(eq(placementRequests.id, locked.id))
      .returning();
    if (!updated) throw new Error("request update returned nothing");
    const [amendment] = await tx
      .insert(requestAmendments)
      .values({
        requestId: locked.id,
        number: sql`(SELECT coalesce(max(number), 0) + 1 FROM request_amendments WHERE request_id = ${locked.id})`,
        changes,
        reason: input.reason,
        amendedBy: actor.userId,
      })
      .returning();
    if (!amendment) throw new Error("amendment insert returned nothing");
    await recordAudit(tx, {
      action: "placement_request.amend",
      recordType: "placement_request",
      recordId: locked.id,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
      details: { number: amendment.number, changed: Object.keys(changes).join(","), deadline: changes.deadline?.to ?? null },
    });
    await tellAmended(tx, updated, amendment);
    await queueLive(tx, "request:state", { requestId: locked.id });
    return { request: updated, amendment };
  });
}
