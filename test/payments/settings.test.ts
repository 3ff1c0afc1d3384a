import request from "supertest";
import { ApiErrorSchema } from "@shared/errors";
import { BillingSettingsSchema } from "@shared/schemas/payments";
import { DEFAULT_BILLING } from "../../server/src/modules/payments/settings/queries";
import { createTestApp, type TestApp } from "../setup/test-app";
import { auditEntries, buildStripeWorld } from "./stripe-world";

// Without STRIPE_SECRET_KEY (the embedded default): settings still work, and say Stripe is not set up.
let t: TestApp;
let world: Awaited<ReturnType<typeof buildStripeWorld>>;
const db = () => t.database.handle.db;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
  world = await buildStripeWorld(db());
});
afterAll(() => t.close());

const PATH = "/api/v1/payments/settings";
const valid = {
  periodKind: "four_weeks",
  anchorDate: "2026-04-06",
  startsOn: "2026-05-04",
  levyBasisPoints: 150,
  cardPayments: true,
  membershipEnabled: true,
  membershipFeePence: 25_000,
};
const put = (who: { auth: Record<string, string> }, body: object) => request(t.app).put(PATH).set(who.auth).send(body);
const issuesOf = (body: unknown) => Object.fromEntries((ApiErrorSchema.parse(body).issues ?? []).map((i) => [i.path, i.message]));

describe("GET /api/v1/payments/settings", () => {
  it("should answer 401 without credentials", async () => {
    expect((await request(t.app).get(PATH)).status).toBe(401);
  });

  it("should give any member of the region the defaults, billing off and Stripe not set up, until the hub saves", async () => {
    for (const who of [world.commissioner, world.provider.member]) {
      const res = await request(t.app).get(PATH).set(who.auth);
      expect(res.status).toBe(200);
      expect(BillingSettingsSchema.parse(res.body.data)).toEqual({ ...DEFAULT_BILLING, enabled: false, stripeConfigured: false, updatedAt: null });
    }
  });
});

describe("PUT /api/v1/payments/settings", () => {
  it("should let the hub's administrator save them, shown to everyone after, audited with before and after", async () => {
    const res = await put(world.hubAdmin, valid);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ ...valid, enabled: true, stripeConfigured: false });
    const read = await request(t.app).get(PATH).set(world.provider.member.auth);
    expect(read.body.data).toEqual(res.body.data);

    const changed = { ...valid, periodKind: "month", startsOn: "2026-06-01", levyBasisPoints: 0 };
    expect((await put(world.hubAdmin, changed)).status).toBe(200);
    const entries = await auditEntries(db(), "payments.settings_change", world.region.id);
    expect(entries.map((e) => e.details)).toEqual([
      { before: null, after: valid },
      { before: valid, after: changed },
    ]);
    expect(entries[0]?.actor_user_id).toBe(world.hubAdmin.user.id);
  });

  it("should refuse the hub's members who are not administrators, commissioners and providers (403), changing nothing", async () => {
    const before = (await request(t.app).get(PATH).set(world.commissioner.auth)).body.data;
    for (const who of [world.hubStaff, world.commissioner, world.provider.admin]) {
      expect((await put(who, { ...valid, levyBasisPoints: 2000 })).status).toBe(403);
    }
    expect((await request(t.app).get(PATH).set(world.commissioner.auth)).body.data).toEqual(before);
  });

  it("should answer 400 listing every bad field at once", async () => {
    const res = await put(world.hubAdmin, {
      periodKind: "weekly",
      anchorDate: "2026-04-06\u0000",
      startsOn: "2026-02-30",
      levyBasisPoints: 2001,
      cardPayments: "yes",
      membershipEnabled: true,
      membershipFeePence: -5,
    });
    expect(res.status).toBe(400);
    expect(Object.keys(issuesOf(res.body)).sort()).toEqual(
      ["body.anchorDate", "body.cardPayments", "body.levyBasisPoints", "body.membershipFeePence", "body.periodKind", "body.startsOn"].sort(),
    );
    expect(issuesOf((await put(world.hubAdmin, { ...valid, levyBasisPoints: -1 })).body)).toEqual({ "body.levyBasisPoints": "The levy cannot be negative" });
  });

  it("should refuse a start that is not the first day of a period, naming the nearest, with the other problems", async () => {
    const res = await put(world.hubAdmin, { ...valid, periodKind: "month", startsOn: "2026-04-20", levyBasisPoints: -1 });
    expect(res.status).toBe(400);
    expect(issuesOf(res.body)).toEqual({
      "body.levyBasisPoints": "The levy cannot be negative",
      "body.startsOn": "Billing must start on the first day of a period; the nearest is 2026-05-01",
    });
    // 4-week periods run from the anchor in steps of 28 days: 2026-05-04 is one, 2026-05-06 is not.
    const fourWeeks = await put(world.hubAdmin, { ...valid, startsOn: "2026-05-06" });
    expect(issuesOf(fourWeeks.body)).toEqual({ "body.startsOn": "Billing must start on the first day of a period; the nearest is 2026-05-04" });
    const extra = await put(world.hubAdmin, { ...valid, surprise: 1 });
    expect(extra.status).toBe(400);
    // A body that is no object at all is one problem, not a 500.
    const list = await put(world.hubAdmin, [valid]);
    expect(list.status).toBe(400);
    expect(Object.keys(issuesOf(list.body))).toEqual(["body"]);
  });
});

describe("Payments without STRIPE_SECRET_KEY", () => {
  it("should answer what needs Stripe with 409 payments_not_set_up, saying how to set it up", async () => {
    for (const path of ["/api/v1/payments/connect", "/api/v1/payments/connect/sync", "/api/v1/payments/membership/checkout"]) {
      const res = await request(t.app).post(path).set(world.provider.admin.auth);
      expect(res.status).toBe(409);
      expect(res.body.reason).toBe("payments_not_set_up");
      expect(res.body.message).toMatch(/STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET/);
    }
    // What does not need Stripe still works.
    expect((await request(t.app).get("/api/v1/payments/connect").set(world.provider.member.auth)).body.data.connected).toBe(false);
  });

  it("should answer the webhook 404 with a sentence saying it is not set up", async () => {
    const res = await request(t.app).post("/api/v1/payments/stripe/webhook").set("Content-Type", "application/json").send('{"id":"evt_1"}');
    expect(res.status).toBe(404);
    expect(res.body.message).toMatch(/^Stripe webhooks are not set up on this service/);
  });
});
