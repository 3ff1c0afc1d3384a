import { sql } from "drizzle-orm";
import type Stripe from "stripe";
import request from "supertest";
import { MembershipSchema } from "@shared/schemas/payments";
import { rowsOf } from "../../server/src/db/rows";
import { createStripeClient } from "../../server/src/modules/payments/stripe-client";
import { buildOrganisation } from "../factories/organisations";
import { buildUser } from "../factories/users";
import { createTestApp, type TestApp } from "../setup/test-app";
import { signedWebhook, startStripeServer, STRIPE_TEST_ENV, STRIPE_TEST_SECRET_KEY, type StripeServer } from "../support/stripe-server";
import { auditEntries, buildStripeWorld } from "./stripe-world";

let server: StripeServer;
let stripe: Stripe;
let t: TestApp;
let world: Awaited<ReturnType<typeof buildStripeWorld>>;
const db = () => t.database.handle.db;
const PUBLIC_URL = "https://placements.example.gov.uk";
beforeAll(async () => {
  server = await startStripeServer();
  stripe = createStripeClient({ secretKey: STRIPE_TEST_SECRET_KEY, apiBase: server.url })!;
  t = await createTestApp({ seed: false, env: { ...STRIPE_TEST_ENV(server.url), PUBLIC_URL } });
  world = await buildStripeWorld(db());
});
afterAll(async () => {
  await t.close();
  await server.close();
});

type Who = { auth: Record<string, string> };
const membership = (who: Who) => request(t.app).get("/api/v1/payments/membership").set(who.auth);
const checkout = (who: Who) => request(t.app).post("/api/v1/payments/membership/checkout").set(who.auth);
const settings = (membershipEnabled: boolean) =>
  request(t.app).put("/api/v1/payments/settings").set(world.hubAdmin.auth).send({
    periodKind: "month",
    anchorDate: "2026-04-06",
    startsOn: "2026-04-01",
    levyBasisPoints: 0,
    cardPayments: false,
    membershipEnabled,
    membershipFeePence: 50_000,
  });
const deliver = (webhook: { payload: string; header: string }) =>
  request(t.app).post("/api/v1/payments/stripe/webhook").set("Stripe-Signature", webhook.header).set("Content-Type", "application/json").send(webhook.payload);
const sessionIdOf = async (organisationId: string) =>
  (await rowsOf<{ id: string }>(db(), sql`SELECT checkout_session_id AS id FROM provider_memberships WHERE organisation_id = ${organisationId}`))[0]?.id;

describe("Provider membership", () => {
  it("should say clearly when the region charges no membership (404 to read, 409 to pay)", async () => {
    const read = await membership(world.provider.member);
    expect(read.status).toBe(404);
    expect(read.body.message).toBe("The region does not charge providers a membership, so there is nothing to pay.");
    const pay = await checkout(world.provider.admin);
    expect(pay.status).toBe(409);
    expect(pay.body).toMatchObject({ reason: "wrong_state", message: "The region does not charge providers a membership, so there is nothing to pay." });
    expect(server.snapshot().checkoutSessions).toHaveLength(0);
  });

  it("should show an admitted provider 'unpaid' at the region's fee once the hub turns membership on", async () => {
    expect((await settings(true)).status).toBe(200);
    const res = await membership(world.provider.member);
    expect(res.status).toBe(200);
    expect(MembershipSchema.parse(res.body.data)).toEqual({
      organisationId: world.provider.org.id,
      organisationName: world.provider.org.name,
      status: "unpaid",
      feePence: 50_000,
      currentPeriodEnd: null,
      checkoutUrl: null,
    });
    // A provider not admitted to the framework owes nothing.
    const outsider = await buildUser(db(), {
      role: "provider",
      orgAdmin: true,
      organisationId: (await buildOrganisation(db(), { kind: "provider", regionId: world.region.id })).id,
    });
    expect((await membership(outsider)).status).toBe(404);
    expect((await checkout(outsider)).status).toBe(409);
  });

  it("should refuse the provider's ordinary member to pay (403), and the council and the hub to read (403)", async () => {
    expect((await checkout(world.provider.member)).status).toBe(403);
    for (const who of [world.commissioner, world.hubAdmin]) {
      expect((await membership(who)).status).toBe(403);
      expect((await checkout(who)).status).toBe(403);
    }
  });

  it("should give the administrator one Checkout page for a yearly subscription at the fee, however often asked", async () => {
    const res = await checkout(world.provider.admin);
    expect(res.status).toBe(200);
    const again = await checkout(world.provider.admin);
    expect(again.body.data.url).toBe(res.body.data.url);
    const { checkoutSessions, customers } = server.snapshot();
    expect(checkoutSessions).toHaveLength(1);
    const [session] = checkoutSessions;
    expect(res.body.data.url).toBe(session?.url);
    expect(session).toMatchObject({
      mode: "subscription",
      currency: "gbp",
      amount_total: 50_000,
      metadata: { organisationId: world.provider.org.id },
      success_url: `${PUBLIC_URL}/payments/membership/paid`,
      cancel_url: `${PUBLIC_URL}/payments/membership/cancelled`,
    });
    expect(customers.filter((c) => c.id === session?.customer)).toHaveLength(1);
    expect((await membership(world.provider.member)).body.data).toMatchObject({ status: "checkout_open", checkoutUrl: session?.url });
    expect(await auditEntries(db(), "payments.membership_checkout", world.provider.org.id)).toHaveLength(2);
  });

  it("should make the membership paid when Stripe says the Checkout completed", async () => {
    const sessionId = (await sessionIdOf(world.provider.org.id))!;
    const { session, subscription } = server.completeCheckout(sessionId);
    const res = await deliver(signedWebhook({ type: "checkout.session.completed", object: session }));
    expect(res.body).toEqual({ received: true, applied: true });
    const data = MembershipSchema.parse((await membership(world.provider.member)).body.data);
    expect(data).toMatchObject({ status: "active", feePence: 50_000, checkoutUrl: null });
    expect(data.currentPeriodEnd).toBe(new Date(subscription.items.data[0]!.current_period_end * 1000).toISOString());
    expect((await checkout(world.provider.admin)).status).toBe(409);
  });

  it("should show 'payment overdue' when the subscription falls past due, and suspend nothing", async () => {
    const [{ id: subscriptionId } = { id: "" }] = await rowsOf<{ id: string }>(
      db(),
      sql`SELECT subscription_id AS id FROM provider_memberships WHERE organisation_id = ${world.provider.org.id}`,
    );
    const subscription = server.setSubscriptionStatus(subscriptionId, "past_due");
    expect((await deliver(signedWebhook({ type: "customer.subscription.updated", object: subscription }))).status).toBe(200);
    expect((await membership(world.provider.member)).body.data.status).toBe("past_due");
    // Nothing else changes for the provider: its payments pages and the rest still work.
    expect((await request(t.app).get("/api/v1/payments/connect").set(world.provider.member.auth)).status).toBe(200);
    expect(await auditEntries(db(), "payments.customer_subscription_updated", world.provider.org.id)).toHaveLength(1);
  });

  it("should let payment start again after a Checkout page expired unpaid, and ignore that page's late events", async () => {
    const first = await checkout(world.rival.admin);
    expect(first.status).toBe(200);
    const expiredId = (await sessionIdOf(world.rival.org.id))!;
    const expired = await stripe.checkout.sessions.expire(expiredId);
    const event = signedWebhook({ type: "checkout.session.expired", object: expired });
    expect((await deliver(event)).body).toEqual({ received: true, applied: true });
    expect((await membership(world.rival.member)).body.data).toMatchObject({ status: "unpaid", checkoutUrl: null });

    const second = await checkout(world.rival.admin);
    expect(second.status).toBe(200);
    expect(second.body.data.url).not.toBe(first.body.data.url);
    const sessions = server.snapshot().checkoutSessions.filter((c) => c.metadata.organisationId === world.rival.org.id);
    expect(sessions.map((c) => c.status).sort()).toEqual(["expired", "open"]);
    // The old page's expiry, sent again later, leaves the new one open.
    expect((await deliver(signedWebhook({ type: "checkout.session.expired", object: expired }))).body.applied).toBe(false);
    expect((await membership(world.rival.member)).body.data).toMatchObject({ status: "checkout_open", checkoutUrl: second.body.data.url });
  });
});
