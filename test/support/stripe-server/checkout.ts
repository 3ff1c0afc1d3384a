import type { FormObject } from "./form";
import type { CheckoutSession, Customer, Price, Subscription } from "./objects";
import { bool, DAY, int, invalid, list, metadata, missing, newId, oneOf, refused, reqStr, str } from "./params";

/** What Checkout needs from the rest of the server. */
interface Core {
  baseUrl: () => string;
  now: () => number;
  emit: (type: string, object: object) => void;
  customer(id: string): Customer;
  createCustomer(p: FormObject): Customer;
}

/** Checkout sessions in subscription mode, and the subscriptions they start (memberships). */
export class CheckoutState {
  checkoutSessions = new Map<string, CheckoutSession>();
  /** What a session will subscribe to (Stripe does not return line items unless expanded). */
  private sessionPlans = new Map<string, { prices: { price: Price; quantity: number }[]; subscriptionMetadata: Record<string, string> }>();
  subscriptions = new Map<string, Subscription>();

  constructor(private readonly core: Core) {}

  createCheckoutSession(p: FormObject): CheckoutSession {
    const mode = oneOf(reqStr(p, "mode"), ["subscription", "payment", "setup"], "mode") ?? "subscription";
    const customerId = str(p, "customer");
    if (customerId !== undefined) this.core.customer(customerId);
    const items = list(p, "line_items");
    if (items.length === 0) throw invalid("line_items", "Missing required param: line_items.", "parameter_missing");
    const prices = items.map((raw, i) => {
      if (typeof raw !== "object" || Array.isArray(raw)) throw invalid(`line_items[${i}]`, "Invalid line item.");
      const at = (name: string) => `line_items[${i}][${name.replace(/\./g, "][")}]`;
      const interval = str(raw, "price_data.recurring.interval");
      if (mode === "subscription" && interval === undefined) {
        throw invalid(at("price_data.recurring"), "In subscription mode every price must be recurring.", "parameter_missing");
      }
      const unitAmount = int(raw, "price_data.unit_amount");
      if (unitAmount === undefined || unitAmount < 0) throw invalid(at("price_data.unit_amount"), "Missing required param: unit_amount.", "parameter_missing");
      const price: Price = {
        id: newId("price"),
        object: "price",
        currency: reqStr(raw, "price_data.currency").toLowerCase(),
        unit_amount: unitAmount,
        recurring: { interval: oneOf(interval, ["day", "week", "month", "year"], at("price_data.recurring.interval")) ?? "year", interval_count: 1 },
        product: newId("prod"),
        product_name: reqStr(raw, "price_data.product_data.name"),
      };
      return { price, quantity: int(raw, "quantity") ?? 1 };
    });
    const created = this.core.now();
    const id = newId("cs_test");
    const session: CheckoutSession = {
      id,
      object: "checkout.session",
      mode,
      status: "open",
      payment_status: "unpaid",
      customer: customerId ?? null,
      customer_email: str(p, "customer_email") ?? null,
      subscription: null,
      url: `${this.core.baseUrl()}/checkout/${id}`,
      success_url: str(p, "success_url") ?? null,
      cancel_url: str(p, "cancel_url") ?? null,
      currency: prices[0]?.price.currency ?? "gbp",
      amount_total: prices.reduce((s, x) => s + x.price.unit_amount * x.quantity, 0),
      metadata: metadata(p),
      created,
      expires_at: created + DAY,
      livemode: false,
    };
    this.checkoutSessions.set(id, session);
    this.sessionPlans.set(id, { prices, subscriptionMetadata: metadata(p, "subscription_data.metadata") });
    return session;
  }

  checkoutSession(id: string): CheckoutSession {
    const session = this.checkoutSessions.get(id);
    if (!session) throw missing("checkout.session", id);
    // An open session lapses when it expires (24 hours after it was made, by default).
    if (session.status === "open" && this.core.now() >= session.expires_at) {
      session.status = "expired";
      session.url = null;
      this.core.emit("checkout.session.expired", session);
    }
    return session;
  }

  completeCheckout(id: string): { session: CheckoutSession; subscription: Subscription } {
    const session = this.checkoutSession(id);
    const plan = this.sessionPlans.get(id);
    if (session.status !== "open" || !plan) throw refused(`Checkout session ${id} is ${session.status}.`, "checkout_session_not_open");
    const customer = session.customer
      ? this.core.customer(session.customer)
      : this.core.createCustomer({ ...(session.customer_email ? { email: session.customer_email } : {}) });
    const start = this.core.now();
    const end = (interval: string) => addInterval(start, interval);
    const subscription: Subscription = {
      id: newId("sub"),
      object: "subscription",
      customer: customer.id,
      status: "active",
      metadata: { ...plan.subscriptionMetadata },
      items: {
        object: "list",
        data: plan.prices.map(({ price, quantity }) => ({
          id: newId("si"),
          object: "subscription_item" as const,
          price: {
            id: price.id,
            object: price.object,
            currency: price.currency,
            unit_amount: price.unit_amount,
            recurring: { ...price.recurring },
            product: price.product,
          },
          quantity,
          current_period_start: start,
          current_period_end: end(price.recurring.interval),
        })),
        has_more: false,
        url: "",
      },
      current_period_start: start,
      current_period_end: end(plan.prices[0]?.price.recurring.interval ?? "year"),
      start_date: start,
      cancel_at_period_end: false,
      canceled_at: null,
      ended_at: null,
      latest_invoice: null,
      created: start,
      livemode: false,
    };
    subscription.items.url = `/v1/subscription_items?subscription=${subscription.id}`;
    this.subscriptions.set(subscription.id, subscription);
    session.status = "complete";
    session.payment_status = "paid";
    session.customer = customer.id;
    session.subscription = subscription.id;
    session.url = null;
    this.core.emit("customer.subscription.created", subscription);
    this.core.emit("checkout.session.completed", session);
    return { session, subscription };
  }

  expireSession(id: string): CheckoutSession {
    const session = this.checkoutSession(id);
    if (session.status !== "open") throw refused(`Only an open Checkout session can be expired; this one is ${session.status}.`, "checkout_session_not_open");
    session.status = "expired";
    session.url = null;
    this.core.emit("checkout.session.expired", session);
    return session;
  }

  subscription(id: string): Subscription {
    const subscription = this.subscriptions.get(id);
    if (!subscription) throw missing("subscription", id);
    return subscription;
  }

  setSubscriptionStatus(id: string, status: Subscription["status"]): Subscription {
    const subscription = this.subscription(id);
    subscription.status = status;
    if (status === "canceled") {
      subscription.canceled_at = this.core.now();
      subscription.ended_at = this.core.now();
    }
    this.core.emit(status === "canceled" ? "customer.subscription.deleted" : "customer.subscription.updated", subscription);
    return subscription;
  }

  /** A year (or the price's interval) on: the next period begins where the last ended. */
  renewSubscription(id: string): Subscription {
    const subscription = this.subscription(id);
    if (subscription.status === "canceled") throw refused(`Subscription ${id} is canceled.`, "resource_already_canceled");
    for (const item of subscription.items.data) {
      item.current_period_start = item.current_period_end;
      item.current_period_end = addInterval(item.current_period_end, item.price.recurring.interval);
    }
    subscription.current_period_start = subscription.current_period_end;
    subscription.current_period_end = subscription.items.data[0]?.current_period_end ?? addInterval(subscription.current_period_end, "year");
    this.core.emit("customer.subscription.updated", subscription);
    return subscription;
  }

  /** Renewal switched off or on (cancel_at_period_end), metadata merged. */
  updateSubscription(id: string, p: FormObject): Subscription {
    const subscription = this.subscription(id);
    if (subscription.status === "canceled") throw refused(`Subscription ${id} is canceled and cannot be updated.`, "resource_already_canceled");
    const atEnd = bool(p, "cancel_at_period_end");
    if (atEnd !== undefined) subscription.cancel_at_period_end = atEnd;
    for (const [k, v] of Object.entries(metadata(p))) {
      if (v === "") delete subscription.metadata[k];
      else subscription.metadata[k] = v;
    }
    this.core.emit("customer.subscription.updated", subscription);
    return subscription;
  }

  cancelSubscription(id: string): Subscription {
    const subscription = this.subscription(id);
    if (subscription.status === "canceled") throw refused(`Subscription ${id} is already canceled.`, "resource_already_canceled");
    return this.setSubscriptionStatus(id, "canceled");
  }
}

/** The same day a calendar interval later, in UTC (a year from 29 February is 1 March). */
function addInterval(unix: number, interval: string): number {
  const d = new Date(unix * 1000);
  if (interval === "year") d.setUTCFullYear(d.getUTCFullYear() + 1);
  else if (interval === "month") d.setUTCMonth(d.getUTCMonth() + 1);
  else if (interval === "week") d.setUTCDate(d.getUTCDate() + 7);
  else d.setUTCDate(d.getUTCDate() + 1);
  return Math.floor(d.getTime() / 1000);
}
