import type Stripe from "stripe";
import { STRIPE_EVENT_TYPES, type StripeEventType } from "@shared/codes/payments";

/** The object an event is about, as Stripe has it now. */
export type Fetched =
  | { kind: "account"; account: Stripe.Account }
  | { kind: "invoice"; invoice: Stripe.Invoice }
  | { kind: "credit_note"; creditNote: Stripe.CreditNote }
  | { kind: "checkout"; session: Stripe.Checkout.Session; subscription: Stripe.Subscription | undefined }
  | { kind: "subscription"; subscription: Stripe.Subscription };

const KNOWN = new Set<string>(STRIPE_EVENT_TYPES);
export const isKnownEventType = (type: string): type is StripeEventType => KNOWN.has(type);

/** The id of the object an event carries (every object the product acts on has one). */
export function eventObjectId(event: Stripe.Event): string {
  const id = (event.data.object as { id?: unknown }).id;
  if (typeof id !== "string" || id === "") throw new Error(`Stripe event ${event.id} carries an object without an id`);
  return id;
}

const idOf = (value: string | { id: string } | null | undefined) => (typeof value === "string" ? value : value?.id);

/**
 * Asks Stripe for the event's object now, rather than trusting the copy in the event: events
 * arrive late, twice and out of order, and the state Stripe has now is the one to keep.
 */
export async function refetch(stripe: Stripe, type: StripeEventType, id: string): Promise<Fetched> {
  if (type === "account.updated") return { kind: "account", account: await stripe.accounts.retrieve(id) };
  if (type.startsWith("invoice.")) return { kind: "invoice", invoice: await stripe.invoices.retrieve(id) };
  if (type.startsWith("credit_note.")) return { kind: "credit_note", creditNote: await stripe.creditNotes.retrieve(id) };
  if (type.startsWith("checkout.session.")) {
    const session = await stripe.checkout.sessions.retrieve(id);
    const subscriptionId = idOf(session.subscription);
    return { kind: "checkout", session, subscription: subscriptionId ? await stripe.subscriptions.retrieve(subscriptionId) : undefined };
  }
  return { kind: "subscription", subscription: await stripe.subscriptions.retrieve(id) };
}
