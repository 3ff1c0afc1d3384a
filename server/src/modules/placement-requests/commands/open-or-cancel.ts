import { formatDateTime } from "@shared/format-date";
import type { Db } from "../../../db/client";
import type { PlacementRequestRow } from "../../../db/schema";
import { validationFailed } from "../../../http/app-error";
import type { Actor } from "../../identity/actor";
import { tellInvited } from "../../notifications/tenders";
import { databaseNow } from "../queries";
import { moveRequest } from "./move-request";

/** Opens a draft to its invited providers, if its deadline is still ahead. */
export async function openDraft({ db, actor, request, ip }: { db: Db; actor: Actor; request: PlacementRequestRow; ip?: string | undefined }) {
  const now = await databaseNow(db);
  if (request.state === "draft" && request.deadline <= now) {
    throw validationFailed([
      { path: "deadline", message: `The deadline, ${formatDateTime(request.deadline)}, has passed; make a new request with a later one` },
    ]);
  }
  return db.transaction(async (tx) => {
    const opened = await moveRequest({ tx, request, to: "open", set: { openedAt: now }, actor, ip });
    await tellInvited(tx, opened);
    return opened;
  });
}

/** Cancels with a reason every invited provider sees. */
export async function cancelRequest({
  db,
  actor,
  request,
  reason,
  ip,
}: {
  db: Db;
  actor: Actor;
  request: PlacementRequestRow;
  reason: string;
  ip?: string | undefined;
}) {
  return db.transaction((tx) => moveRequest({ tx, request, to: "cancelled", set: { cancelledAt: new Date(), cancelReason: reason }, actor, ip }));
}
