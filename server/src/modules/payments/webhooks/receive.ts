import { eq } from "drizzle-orm";
import Stripe from "stripe";
import { ErrorCode } from "@shared/errors";
import type { Db } from "../../../db/client";
import { stripeEvents } from "../../../db/schema";
import { AppError } from "../../../http/app-error";
import { applyEvent } from "./apply-event";
import { eventObjectId, type Fetched, isKnownEventType, refetch } from "./refetch";

export interface ReceiveProps {
  db: Db;
  stripe: Stripe;
  /** Already verified: its signature matched the webhook secret within the tolerance. */
  event: Stripe.Event;
  ip?: string | undefined;
}

const notOurs = (error: unknown) => error instanceof Stripe.errors.StripeError && error.statusCode === 404;

/**
 * Applies a verified event once. Unknown types are acknowledged and not stored (nothing to
 * apply, and the table stays the record of what changed something). The object is re-fetched
 * before the transaction (no transaction held open across HTTP); if Stripe cannot be asked, 503
 * and nothing is recorded, so Stripe sends the event again. The event id is inserted in the
 * same transaction as its effect: a repeat, even a concurrent one, changes nothing.
 */
export async function receiveStripeEvent({ db, stripe, event, ip }: ReceiveProps): Promise<{ applied: boolean }> {
  if (!isKnownEventType(event.type)) return { applied: false };
  const [seen] = await db.select({ id: stripeEvents.id }).from(stripeEvents).where(eq(stripeEvents.id, event.id));
  if (seen) return { applied: false };
  const objectId = eventObjectId(event);
  let fetched: Fetched;
  try {
    fetched = await refetch(stripe, event.type, objectId);
  } catch (error) {
    // Stripe has no such object (another account's, or deleted): nothing of ours to change.
    if (notOurs(error)) return { applied: false };
    if (!(error instanceof Stripe.errors.StripeError)) throw error;
    throw new AppError(
      ErrorCode.ServiceUnavailable,
      503,
      "Stripe could not be asked for the event's object just now; nothing was changed. Send the event again later.",
    );
  }
  return db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(stripeEvents)
      .values({ id: event.id, type: event.type, objectId, stripeCreatedAt: new Date(event.created * 1000) })
      .onConflictDoNothing()
      .returning({ id: stripeEvents.id });
    if (!inserted) return { applied: false };
    return { applied: await applyEvent(tx, event, fetched, ip) };
  });
}
