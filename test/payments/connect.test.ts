import { sql } from "drizzle-orm";
import request from "supertest";
import { ConnectStatusSchema } from "@shared/schemas/payments";
import { rowsOf } from "../../server/src/db/rows";
import { createTestApp, type TestApp } from "../setup/test-app";
import { signedWebhook, startStripeServer, STRIPE_TEST_ENV, type StripeServer } from "../support/stripe-server";
import { auditEntries, buildStripeWorld } from "./stripe-world";

let stripe: StripeServer;
let t: TestApp;
let world: Awaited<ReturnType<typeof buildStripeWorld>>;
const db = () => t.database.handle.db;
const PUBLIC_URL = "https://placements.example.gov.uk";
beforeAll(async () => {
  stripe = await startStripeServer();
  t = await createTestApp({ seed: false, env: { ...STRIPE_TEST_ENV(stripe.url), PUBLIC_URL } });
  world = await buildStripeWorld(db());
});
afterAll(async () => {
  await t.close();
  await stripe.close();
});

type Who = { auth: Record<string, string> };
const status = async (who: Who) => {
  const res = await request(t.app).get("/api/v1/payments/connect").set(who.auth);
  expect(res.status).toBe(200);
  return ConnectStatusSchema.parse(res.body.data);
};
const connect = (who: Who) => request(t.app).post("/api/v1/payments/connect").set(who.auth);
const sync = (who: Who) => request(t.app).post("/api/v1/payments/connect/sync").set(who.auth);
const accountOf = async (organisationId: string) =>
  (await rowsOf<{ account_id: string }>(db(), sql`SELECT account_id FROM stripe_accounts WHERE organisation_id = ${organisationId}`))[0]?.account_id;

describe("Stripe Connect onboarding", () => {
  it("should say Stripe is set up on the settings", async () => {
    expect((await request(t.app).get("/api/v1/payments/settings").set(world.provider.member.auth)).body.data.stripeConfigured).toBe(true);
  });

  it("should show a provider not yet connected, and why its placements cannot be invoiced", async () => {
    expect(await status(world.provider.member)).toEqual({
      organisationId: world.provider.org.id,
      organisationName: world.provider.org.name,
      connected: false,
      detailsSubmitted: false,
      chargesEnabled: false,
      payoutsEnabled: false,
      requirementsDue: [],
      canBeInvoiced: false,
      reason: "The provider has not connected a Stripe account to be paid through yet.",
    });
  });

  it("should give the provider's administrator an onboarding link to one Express account, however often asked", async () => {
    const first = await connect(world.provider.admin);
    expect(first.status).toBe(200);
    const accountId = await accountOf(world.provider.org.id);
    expect(first.body.data.url).toBe(`${stripe.url}/connect/onboard/${accountId}`);
    const again = await connect(world.provider.admin);
    expect(again.body.data.url).toBe(first.body.data.url);

    const snapshot = stripe.snapshot();
    const accounts = snapshot.accounts.filter((a) => a.metadata.organisationId === world.provider.org.id);
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({ id: accountId, type: "express", country: "GB", business_type: "company" });
    // (The test server keeps no return and refresh urls; it refuses a link without them.)
    expect(snapshot.accountLinks.at(-1)).toMatchObject({ account: accountId, type: "account_onboarding" });
    expect(await auditEntries(db(), "payments.connect_account_created", world.provider.org.id)).toHaveLength(1);
    expect(await auditEntries(db(), "payments.connect_onboarding_link", world.provider.org.id)).toHaveLength(2);

    const started = await status(world.provider.member);
    expect(started).toMatchObject({ connected: true, detailsSubmitted: false, chargesEnabled: false, canBeInvoiced: false });
    expect(started.requirementsDue.length).toBeGreaterThan(0);
    expect(started.reason).toMatch(/not finished giving its details/);
  });

  it("should show the account ready once onboarding is done, when the return page syncs", async () => {
    const accountId = await accountOf(world.provider.org.id);
    stripe.completeOnboarding(accountId!);
    expect((await status(world.provider.member)).canBeInvoiced).toBe(false);
    const res = await sync(world.provider.admin);
    expect(res.status).toBe(200);
    expect(ConnectStatusSchema.parse(res.body.data)).toMatchObject({
      connected: true,
      detailsSubmitted: true,
      chargesEnabled: true,
      payoutsEnabled: true,
      requirementsDue: [],
      canBeInvoiced: true,
      reason: null,
    });
    expect(await status(world.provider.member)).toEqual(res.body.data);
  });

  it("should show the account ready once onboarding is done, from Stripe's account.updated webhook", async () => {
    expect((await connect(world.rival.admin)).status).toBe(200);
    const accountId = (await accountOf(world.rival.org.id))!;
    const account = stripe.completeOnboarding(accountId);
    const { payload, header } = signedWebhook({ type: "account.updated", object: account });
    const res = await request(t.app)
      .post("/api/v1/payments/stripe/webhook")
      .set("Stripe-Signature", header)
      .set("Content-Type", "application/json")
      .send(payload);
    expect(res.status).toBe(200);
    expect(await status(world.rival.member)).toMatchObject({ chargesEnabled: true, payoutsEnabled: true, canBeInvoiced: true });
  });

  it("should show each provider only its own account", async () => {
    const own = await status(world.rival.admin);
    expect(own.organisationId).toBe(world.rival.org.id);
    expect(await status(world.provider.admin)).toMatchObject({ organisationId: world.provider.org.id, organisationName: world.provider.org.name });
  });

  it("should refuse a provider's ordinary member (403) to connect or sync, and the council and the hub everything (403)", async () => {
    expect((await connect(world.provider.member)).status).toBe(403);
    expect((await sync(world.provider.member)).status).toBe(403);
    for (const who of [world.commissioner, world.hubAdmin]) {
      expect((await request(t.app).get("/api/v1/payments/connect").set(who.auth)).status).toBe(403);
      expect((await connect(who)).status).toBe(403);
      expect((await sync(who)).status).toBe(403);
    }
    expect((await request(t.app).get("/api/v1/payments/connect")).status).toBe(401);
  });

  it("should answer 409 to a sync before connecting, and 503 with a sentence when Stripe cannot be reached, storing nothing", async () => {
    const late = await buildStripeWorld(db());
    const early = await sync(late.provider.admin);
    expect(early.status).toBe(409);
    expect(early.body.reason).toBe("wrong_state");

    stripe.down();
    try {
      const res = await connect(late.provider.admin);
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ code: "service_unavailable", message: expect.stringMatching(/Try again in a few minutes/) });
    } finally {
      stripe.up();
    }
    expect(await accountOf(late.provider.org.id)).toBeUndefined();
    stripe.failNext({ status: 500 });
    expect((await connect(late.provider.admin)).status).toBe(503);
    expect(await accountOf(late.provider.org.id)).toBeUndefined();
    // Back up: the same idempotency key makes the account now.
    expect((await connect(late.provider.admin)).status).toBe(200);
    expect(await accountOf(late.provider.org.id)).toMatch(/^acct_/);
  });
});
