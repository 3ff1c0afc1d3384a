/**
 * A Stripe-shaped HTTP server for tests: the real `stripe` SDK talks to it unchanged (through
 * `createStripeClient` with STRIPE_API_BASE = its url), so the product's payments code runs as it
 * would against api.stripe.com, with no mock inside the product. It keeps objects in memory,
 * refuses what Stripe refuses (unknown parameters, editing a finalised invoice, over-crediting),
 * replays idempotent POSTs as Stripe does, can fail, slow down or go unreachable on demand, and
 * records and signs the webhook events Stripe would send. Test-control methods
 * (completeOnboarding, payInvoice, completeCheckout, ...) stand in for what a person does on
 * Stripe's own pages.
 *
 *   const stripe = await startStripeServer();
 *   const t = await createTestApp({ env: STRIPE_TEST_ENV(stripe.url) });
 *   ... stripe.snapshot().invoices, stripe.requests, stripe.failNext({ path: /invoices/ }) ...
 *   const { payload, header } = signEvent(stripe.eventsOf("invoice.paid")[0]!);
 *   await request(t.app).post(webhookPath).set("Stripe-Signature", header).type("json").send(payload);
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import Stripe from "stripe";
import { CheckoutState } from "./stripe-server/checkout";
import { type FormObject, parseForm } from "./stripe-server/form";
import {
  ACCOUNT_PARAMS,
  CHECKOUT_PARAMS,
  CREDIT_NOTE_PARAMS,
  CUSTOMER_PARAMS,
  INVOICE_ITEM_PARAMS,
  INVOICE_PARAMS,
  PAGE,
  SUBSCRIPTION_UPDATE_PARAMS,
} from "./stripe-server/known-params";
import type { Subscription } from "./stripe-server/objects";
import { invalid, listPage, newId, type StripeErrorBody, StripeFailure } from "./stripe-server/params";
import { StripeState } from "./stripe-server/state";

export const STRIPE_TEST_SECRET_KEY = "sk_test_placementexchange";
export const STRIPE_TEST_WEBHOOK_SECRET = "whsec_placementexchange";

/** The app's environment for talking to the test server at `url`. */
export const STRIPE_TEST_ENV = (url: string) => ({
  STRIPE_SECRET_KEY: STRIPE_TEST_SECRET_KEY,
  STRIPE_WEBHOOK_SECRET: STRIPE_TEST_WEBHOOK_SECRET,
  STRIPE_API_BASE: url,
});

interface LoggedRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  replayed: boolean;
  status: number;
  /** The connected account a call was made on behalf of (the Stripe-Account header). */
  stripeAccount: string | null;
}

interface Stored {
  at: number;
  method: string;
  path: string;
  params: string;
  status: number;
  body: string;
}

interface FailRule {
  times: number;
  status: number;
  path?: RegExp;
  executed: boolean;
}

type Handler = (args: { id: string; params: FormObject; query: FormObject }) => unknown;

/**
 * Each endpoint with the top-level parameters Stripe accepts there (besides `expand`): anything
 * else is refused as Stripe refuses it, so a parameter the real API would reject fails here too.
 */
const routes = (s: StripeState, c: CheckoutState): [string, RegExp, Handler, string][] => [
  ["POST", /^\/v1\/accounts$/, ({ params }) => s.createAccount(params), ACCOUNT_PARAMS],
  ["GET", /^\/v1\/accounts\/([^/]+)$/, ({ id }) => s.account(id), ""],
  ["POST", /^\/v1\/accounts\/([^/]+)$/, ({ id, params }) => s.updateAccount(id, params), ACCOUNT_PARAMS],
  ["POST", /^\/v1\/accounts\/([^/]+)\/login_links$/, ({ id }) => s.createLoginLink(id), ""],
  ["POST", /^\/v1\/account_links$/, ({ params }) => s.createAccountLink(params), "account type refresh_url return_url collect collection_options"],
  ["POST", /^\/v1\/customers$/, ({ params }) => s.createCustomer(params), CUSTOMER_PARAMS],
  ["GET", /^\/v1\/customers\/([^/]+)$/, ({ id }) => s.customer(id), ""],
  ["POST", /^\/v1\/invoices$/, ({ params }) => s.createInvoice(params), INVOICE_PARAMS],
  ["GET", /^\/v1\/invoices$/, ({ query }) => s.listInvoices(query), `customer status subscription collection_method created due_date ${PAGE}`],
  ["GET", /^\/v1\/invoices\/([^/]+)$/, ({ id }) => s.invoice(id), ""],
  ["DELETE", /^\/v1\/invoices\/([^/]+)$/, ({ id }) => s.deleteInvoice(id), ""],
  ["POST", /^\/v1\/invoices\/([^/]+)\/finalize$/, ({ id }) => s.finalizeInvoice(id), "auto_advance"],
  ["POST", /^\/v1\/invoices\/([^/]+)\/send$/, ({ id }) => s.sendInvoice(id), ""],
  ["POST", /^\/v1\/invoices\/([^/]+)\/void$/, ({ id }) => s.voidInvoice(id), ""],
  [
    "POST",
    /^\/v1\/invoices\/([^/]+)\/pay$/,
    ({ id, params }) => s.payInvoiceByApi(id, params),
    "paid_out_of_band forgive mandate off_session payment_method source",
  ],
  ["POST", /^\/v1\/invoiceitems$/, ({ params }) => s.createInvoiceItem(params), INVOICE_ITEM_PARAMS],
  ["GET", /^\/v1\/invoiceitems\/([^/]+)$/, ({ id }) => s.invoiceItem(id), ""],
  ["POST", /^\/v1\/credit_notes$/, ({ params }) => s.createCreditNote(params), CREDIT_NOTE_PARAMS],
  ["GET", /^\/v1\/credit_notes$/, ({ query }) => s.listCreditNotes(query), `invoice customer created ${PAGE}`],
  ["GET", /^\/v1\/credit_notes\/([^/]+)$/, ({ id }) => s.creditNote(id), ""],
  ["POST", /^\/v1\/checkout\/sessions$/, ({ params }) => c.createCheckoutSession(params), CHECKOUT_PARAMS],
  ["GET", /^\/v1\/checkout\/sessions\/([^/]+)$/, ({ id }) => c.checkoutSession(id), ""],
  ["POST", /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/, ({ id }) => c.expireSession(id), ""],
  ["GET", /^\/v1\/subscriptions\/([^/]+)$/, ({ id }) => c.subscription(id), ""],
  ["POST", /^\/v1\/subscriptions\/([^/]+)$/, ({ id, params }) => c.updateSubscription(id, params), SUBSCRIPTION_UPDATE_PARAMS],
  ["DELETE", /^\/v1\/subscriptions\/([^/]+)$/, ({ id }) => c.cancelSubscription(id), "cancellation_details invoice_now prorate"],
];

/** Sorted keys, so the same parameters in another order are the same request. */
const canonical = (v: unknown): string =>
  typeof v === "object" && v !== null
    ? Array.isArray(v)
      ? `[${v.map(canonical).join(",")}]`
      : `{${Object.keys(v)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
          .join(",")}}`
    : JSON.stringify(v);

const copy = <T>(v: T): T => structuredClone(v);

interface StripeServerOptions {
  /** The clock, in unix seconds (default: now). */
  now?: () => number;
}

export type StripeServer = Awaited<ReturnType<typeof startStripeServer>>;

export async function startStripeServer(options: StripeServerOptions = {}) {
  let url = "";
  const clock = options.now ?? (() => Math.floor(Date.now() / 1000));
  const events: StripeTestEvent[] = [];
  // A copy now: the event shows the object as it was when it happened.
  const emit = (type: string, object: object, account?: string) =>
    events.push(makeEvent({ type, object: copy(object), created: clock(), ...(account ? { account } : {}) }));
  const state = new StripeState(() => url, clock, emit);
  const checkout = new CheckoutState({
    baseUrl: () => url,
    now: clock,
    emit,
    customer: (id) => state.customer(id),
    createCustomer: (p) => state.createCustomer(p),
  });
  const table = routes(state, checkout);
  const requests: LoggedRequest[] = [];
  const idempotent = new Map<string, Stored>();
  const failures: FailRule[] = [];
  const delays: { times: number; ms: number; path?: RegExp }[] = [];
  const sockets = new Set<Socket>();
  let isDown = false;

  const send = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "Content-Type": "application/json", "Request-Id": `req_${Math.random().toString(36).slice(2, 16)}`, ...headers });
    res.end(body);
  };
  const errorBody = (error: StripeErrorBody) => JSON.stringify({ error });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const target = new URL(req.url ?? "/", "http://stripe.test");
    const method = req.method ?? "GET";
    const path = target.pathname;
    const header = (name: string) => {
      const v = req.headers[name];
      return typeof v === "string" ? v : null;
    };
    const idempotencyKey = method === "POST" ? header("idempotency-key") : null;
    const entry: LoggedRequest = { method, path, idempotencyKey, replayed: false, status: 0, stripeAccount: header("stripe-account") };
    requests.push(entry);
    const answer = (status: number, body: string, headers?: Record<string, string>) => {
      entry.status = status;
      send(res, status, body, headers);
    };

    // Pages a person would open (onboarding, hosted invoice, Checkout): enough to follow a link.
    if (method === "GET" && !path.startsWith("/v1/")) {
      entry.status = 200;
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      res.end(`<!doctype html><title>Stripe (test)</title><p>Test page for ${path.replace(/[<>&"]/g, "")}</p>`);
      return;
    }

    const apiKey = /^Bearer (sk_test_\S+)$/.exec(header("authorization") ?? "")?.[1];
    if (!apiKey) {
      answer(401, errorBody({ type: "authentication_error", message: "Invalid API Key provided." }));
      return;
    }

    const delay = delays.find((d) => d.times > 0 && (!d.path || d.path.test(path)));
    if (delay) {
      delay.times -= 1;
      await sleep(delay.ms);
    }

    const rule = failures.find((f) => f.times > 0 && (!f.path || f.path.test(path)));
    if (rule) rule.times -= 1;
    const injected = () => errorBody({ type: "api_error", message: "An unexpected error occurred (injected by the test Stripe server)." });
    if (rule && !rule.executed) {
      // An outage before the request began executing: nothing is done and nothing is kept for
      // the idempotency key, so a retry with the same key does the work.
      answer(rule.status, injected());
      return;
    }
    // Failed after executing: the work is done (and kept for the key) but the caller hears an
    // error, so only a retry with the same key learns the result, without doing it twice.
    const reply = (status: number, body: string, headers?: Record<string, string>) => (rule ? answer(rule.status, injected()) : answer(status, body, headers));

    const contentType = header("content-type") ?? "";
    if (raw && !contentType.startsWith("application/x-www-form-urlencoded")) {
      answer(400, errorBody({ type: "invalid_request_error", message: `Unsupported content type ${contentType}.` }));
      return;
    }
    const params = parseForm(raw);
    const query = parseForm(target.search.slice(1));
    const storeKey = idempotencyKey ? `${apiKey} ${idempotencyKey}` : null;
    const signature = canonical(params);
    if (storeKey) {
      const stored = idempotent.get(storeKey);
      // Stripe forgets a key after 24 hours: the same key then makes a new request.
      if (stored && clock() - stored.at >= 24 * 3600) idempotent.delete(storeKey);
      else if (stored) {
        if (stored.method !== method || stored.path !== path || stored.params !== signature) {
          answer(
            400,
            errorBody({
              type: "idempotency_error",
              message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
            }),
          );
          return;
        }
        entry.replayed = true;
        reply(stored.status, stored.body, { "Idempotent-Replayed": "true", "Original-Request": "req_original" });
        return;
      }
    }

    let status = 200;
    let body: string;
    let keep = true;
    const route = table.find(([m, pattern]) => m === method && pattern.test(path));
    if (!route) {
      status = 404;
      keep = false;
      body = errorBody({ type: "invalid_request_error", message: `Unrecognized request URL (${method}: ${path}).` });
    } else {
      const id = decodeURIComponent(route[1].exec(path)?.[1] ?? "");
      try {
        const known = new Set(["expand", ...route[3].split(" ")]);
        const unknown = Object.keys(method === "POST" ? params : query).find((k) => !known.has(k));
        if (unknown !== undefined) throw invalid(unknown, `Received unknown parameter: ${unknown}`, "parameter_unknown");
        const result = route[2]({ id, params, query });
        body = JSON.stringify(Array.isArray(result) ? listPage(result as { id: string }[], query, path) : result);
      } catch (e) {
        if (!(e instanceof StripeFailure)) throw e;
        status = e.status;
        keep = e.stored;
        body = errorBody(e.error);
      }
    }
    if (storeKey && keep) idempotent.set(storeKey, { at: clock(), method, path, params: signature, status, body });
    reply(status, body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      // A bug in this server: answer like Stripe's 500 and say what it was, for the test's output.
      send(res, 500, errorBody({ type: "api_error", message: `Test Stripe server failed: ${String(e)}` }));
    });
  });
  server.on("connection", (socket: Socket) => {
    if (isDown) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    /** Every request received, in order (injected failures and replays included). */
    requests,
    /** Onboarding finished on Stripe's pages: the account can take payments and be paid. */
    completeOnboarding: (accountId: string) => copy(state.completeOnboarding(accountId)),
    /** The customer paid the invoice (by bank transfer, say). */
    payInvoice: (invoiceId: string) => copy(state.payInvoice(invoiceId)),
    /** Voided from the Stripe dashboard. */
    voidInvoice: (invoiceId: string) => copy(state.voidInvoice(invoiceId)),
    /** The person paid on the Checkout page: a subscription starts and the session completes. */
    completeCheckout: (sessionId: string) => copy(checkout.completeCheckout(sessionId)),
    setSubscriptionStatus: (subscriptionId: string, status: Subscription["status"]) => copy(checkout.setSubscriptionStatus(subscriptionId, status)),
    /** The subscription's next period began (Stripe renewed it). */
    renewSubscription: (subscriptionId: string) => copy(checkout.renewSubscription(subscriptionId)),
    /**
     * The events Stripe would have sent, oldest first (each object as it was then); sign one with
     * signEvent to deliver it.
     */
    events,
    eventsOf: (type: string) => copy(events.filter((e) => e.type === type)),
    /**
     * The next `times` requests (matching `path`, if given) fail with a Stripe api_error. Nothing
     * is done, unless `executed`: then the request is carried out and kept for its idempotency
     * key, and only the answer is lost.
     */
    failNext({ times = 1, status = 500, path, executed = false }: { times?: number; status?: 500 | 502 | 503; path?: RegExp; executed?: boolean } = {}) {
      failures.push({ times, status, executed, ...(path ? { path } : {}) });
    },
    /** The next `times` requests (matching `path`, if given) are answered only after `ms`: a slow Stripe, for races. */
    delayNext({ ms, times = 1, path }: { ms: number; times?: number; path?: RegExp }) {
      delays.push({ times, ms, ...(path ? { path } : {}) });
    },
    /** Unreachable: open connections are cut and new ones closed at once (the SDK's StripeConnectionError). */
    down() {
      isDown = true;
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
    up() {
      isDown = false;
    },
    /** Plain copies of every object, to count and inspect. */
    snapshot: () =>
      copy({
        accounts: [...state.accounts.values()],
        accountLinks: state.accountLinks,
        customers: [...state.customers.values()],
        invoices: [...state.invoices.values()],
        invoiceItems: [...state.invoiceItems.values()],
        creditNotes: [...state.creditNotes.values()],
        checkoutSessions: [...checkout.checkoutSessions.values()],
        subscriptions: [...checkout.subscriptions.values()],
      }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

/** An event as Stripe shapes it. */
function makeEvent({ type, object, id, created, account }: { type: string; object: object; id?: string; created: number; account?: string }) {
  return {
    id: id ?? newId("evt"),
    object: "event" as const,
    type,
    created,
    data: { object },
    livemode: false,
    api_version: Stripe.API_VERSION,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    ...(account ? { account } : {}),
  };
}

export type StripeTestEvent = ReturnType<typeof makeEvent>;

/**
 * An event as Stripe would POST it to the webhook endpoint: the JSON body and its
 * `Stripe-Signature` header, signed with `secret` (STRIPE_TEST_WEBHOOK_SECRET by default) at
 * `timestamp` (now by default).
 */
export function signEvent(
  event: StripeTestEvent,
  { secret = STRIPE_TEST_WEBHOOK_SECRET, timestamp = Math.floor(Date.now() / 1000) }: { secret?: string; timestamp?: number } = {},
) {
  const payload = JSON.stringify(event);
  return { payload, header: Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp }), event };
}

/** A new event about `object`, signed (see signEvent); `account` for a connected account's event. */
export function signedWebhook({
  type,
  object,
  id,
  created = Math.floor(Date.now() / 1000),
  account,
  ...signing
}: {
  type: string;
  object: object;
  account?: string;
  secret?: string;
  id?: string;
  created?: number;
  timestamp?: number;
}) {
  return signEvent(makeEvent({ type, object, created, ...(id ? { id } : {}), ...(account ? { account } : {}) }), signing);
}
