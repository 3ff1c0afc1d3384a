import { sql } from "drizzle-orm";
import request from "supertest";
import { ApiErrorSchema } from "@shared/errors";
import {
  type Invoice,
  InvoiceListSchema,
  InvoiceResponseSchema,
  PaymentsOverviewResponseSchema,
  PaymentsWaitingResponseSchema,
  PayoutsResponseSchema,
} from "@shared/schemas/payments";
import { parseCsv } from "../../server/src/lib/csv";
import { recordAudit } from "../../server/src/modules/audit/record-audit";
import { type BillingWorld, buildBillingWorld, buildInvoiceFor } from "../factories/payments";
import { buildUser, type BuiltUser } from "../factories/users";
import { createTestApp, type TestApp } from "../setup/test-app";

let t: TestApp;
let world: BillingWorld;
const db = () => t.database.handle.db;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
  world = await buildBillingWorld(db());
});
afterAll(() => t.close());

const get = (who: BuiltUser, path: string) => request(t.app).get(path).set(who.auth);
const list = async (who: BuiltUser, query = "") => {
  const res = await get(who, `/api/v1/payments/invoices${query}`);
  expect(res.status).toBe(200);
  return InvoiceListSchema.parse(res.body);
};
const ids = (invoices: Invoice[]) => invoices.map((i) => i.id);
const references = () => Object.values(world.childReferences);

// Each of council A's invoices: lines of £6,000 (lot 1) and £3,000 (lot 2); a 5% levy of £450.
const A_TOTAL = 900_000;
const A_LEVY = 45_000;

describe("GET /api/v1/payments/invoices", () => {
  it("should answer 401 without credentials and 403 to a parent panel", async () => {
    expect((await request(t.app).get("/api/v1/payments/invoices")).status).toBe(401);
    const panel = await buildUser(db(), { role: "parent_panel", regionId: world.regionId });
    expect((await get(panel, "/api/v1/payments/invoices")).status).toBe(403);
  });

  it("should give a council its own invoices, newest period first, with display statuses, its children's references and the totals", async () => {
    const { data, totals } = await list(world.councilA.person);
    const { julyPending, juneOpen, mayOverdue, aprilPaid } = world.invoices;
    expect(ids(data)).toEqual([julyPending, juneOpen, mayOverdue, aprilPaid]);
    expect(data.map((i) => i.displayStatus)).toEqual(["draft", "open", "overdue", "paid"]);
    const april = data[3]!;
    expect(april).toMatchObject({ totalPence: A_TOTAL, levyPence: A_LEVY, creditedPence: 20_000, providerPence: A_TOTAL - A_LEVY - 20_000 });
    expect(april.credits).toEqual([expect.objectContaining({ id: world.credits.aprilIssued, amountPence: 20_000, status: "issued" })]);
    expect(april.lines.map((l) => [l.childReference, l.settingName, l.amountPence])).toEqual([
      [world.childReferences[world.placements.a1], expect.stringContaining("Connected provider setting"), 600_000],
      [world.childReferences[world.placements.a2], expect.stringContaining("Connected provider setting"), 300_000],
    ]);
    // A pending credit (not yet issued by Stripe) takes nothing off what the provider gets.
    expect(data[2]).toMatchObject({ creditedPence: 0, providerPence: A_TOTAL - A_LEVY });
    // Why an invoice is pending is the hub's business, not the council's.
    for (const invoice of data) {
      expect(invoice).not.toHaveProperty("lastError");
      expect(invoice).not.toHaveProperty("attempts");
      for (const credit of invoice.credits) expect(credit).not.toHaveProperty("lastError");
    }
    expect(totals).toEqual({
      invoicedPence: 4 * A_TOTAL,
      paidPence: A_TOTAL,
      outstandingPence: 2 * A_TOTAL,
      overduePence: A_TOTAL,
      creditedPence: 20_000,
      levyPence: 4 * A_LEVY,
    });
  });

  it("should never show a council another council's invoices", async () => {
    const { data, totals } = await list(world.councilB.person);
    expect(ids(data)).toEqual([world.invoices.councilBMay]);
    expect(totals.invoicedPence).toBe(450_000);
    expect(JSON.stringify(data)).not.toContain(world.councilA.organisationId);
  });

  it("should give a provider the invoices it is paid by, without any child's reference", async () => {
    const { data } = await list(world.connected.person);
    expect(ids(data).sort()).toEqual(Object.values(world.invoices).sort());
    const text = JSON.stringify(data);
    for (const reference of references()) expect(text).not.toContain(reference);
    for (const line of data.flatMap((i) => i.lines)) expect(line).not.toHaveProperty("childReference");
    expect((await list(world.unconnected.person)).data).toEqual([]);
  });

  it("should give the hub every invoice of its region with why it is pending, and none of another region's", async () => {
    const { data, totals } = await list(world.hub);
    expect(ids(data).sort()).toEqual(Object.values(world.invoices).sort());
    expect(ids(data)).not.toContain(world.other.invoiceId);
    expect(data.find((i) => i.id === world.invoices.julyPending)).toMatchObject({
      status: "pending",
      displayStatus: "draft",
      lastError: "Stripe could not be reached (503); retrying",
      attempts: 3,
    });
    const text = JSON.stringify(data);
    for (const reference of references()) expect(text).not.toContain(reference);
    expect(totals.invoicedPence).toBe(4 * A_TOTAL + 450_000);
    expect(ids((await list(world.other.hub)).data)).toEqual([world.other.invoiceId]);
  });

  it("should filter by the month a period starts in, by placement and by display status", async () => {
    const council = world.councilA.person;
    expect(ids((await list(council, "?month=2026-05")).data)).toEqual([world.invoices.mayOverdue]);
    expect(ids((await list(council, "?status=overdue")).data)).toEqual([world.invoices.mayOverdue]);
    expect(ids((await list(council, "?status=draft")).data)).toEqual([world.invoices.julyPending]);
    expect(ids((await list(council, "?status=open")).data)).toEqual([world.invoices.juneOpen]);
    expect((await list(council, "?month=2026-05&status=paid")).data).toEqual([]);
    expect(ids((await list(council, `?placementId=${world.placements.a2}`)).data)).toHaveLength(4);
    // Another council's placement: nothing, not its invoices.
    expect((await list(council, `?placementId=${world.placements.b1}`)).data).toEqual([]);
    const may = await list(world.hub, "?month=2026-05");
    expect(ids(may.data).sort()).toEqual([world.invoices.mayOverdue, world.invoices.councilBMay].sort());
    expect(may.totals).toMatchObject({ invoicedPence: A_TOTAL + 450_000, overduePence: A_TOTAL, outstandingPence: A_TOTAL + 450_000 });
  });

  it("should refuse bad filters, listing every field that fails (a NUL in the month included)", async () => {
    const bad = await get(world.councilA.person, "/api/v1/payments/invoices?month=2026-13&placementId=nope&status=late&extra=1");
    expect(bad.status).toBe(400);
    const paths = ApiErrorSchema.parse(bad.body)
      .issues?.map((i) => i.path)
      .sort();
    expect(paths).toEqual(["query.extra", "query.month", "query.placementId", "query.status"]);
    const nul = await get(world.councilA.person, "/api/v1/payments/invoices?month=2026-05%00");
    expect(nul.status).toBe(400);
    expect(ApiErrorSchema.parse(nul.body).issues?.map((i) => i.path)).toEqual(["query.month"]);
  });
});

describe("GET /api/v1/payments/invoices/:id", () => {
  const path = (id: string) => `/api/v1/payments/invoices/${id}`;

  it("should give each party its view of an invoice it is party to", async () => {
    const id = world.invoices.aprilPaid;
    const council = InvoiceResponseSchema.parse((await get(world.councilA.person, path(id))).body).data;
    expect(council.lines.map((l) => l.childReference)).toEqual([world.childReferences[world.placements.a1], world.childReferences[world.placements.a2]]);
    expect(council).toMatchObject({ displayStatus: "paid", number: expect.stringMatching(/^PX-/), paidAt: expect.any(String) });
    const provider = InvoiceResponseSchema.parse((await get(world.connected.person, path(id))).body).data;
    expect(provider.lines.every((l) => l.childReference === undefined)).toBe(true);
    expect(provider.providerPence).toBe(A_TOTAL - A_LEVY - 20_000);
    expect((await get(world.hub, path(id))).body.data).toMatchObject({ id, attempts: 1 });
  });

  it("should answer 404 for another's invoice and 400 for an id that is not one", async () => {
    const id = world.invoices.aprilPaid;
    expect((await get(world.councilB.person, path(id))).status).toBe(404);
    expect((await get(world.unconnected.person, path(id))).status).toBe(404);
    expect((await get(world.other.hub, path(id))).status).toBe(404);
    expect((await get(world.hub, path(world.other.invoiceId))).status).toBe(404);
    expect((await get(world.hub, path("00000000-0000-4000-8000-000000000001"))).status).toBe(404);
    expect((await get(world.hub, path("not-an-id"))).status).toBe(400);
  });
});

describe("GET /api/v1/payments/invoices.csv", () => {
  const csv = async (who: BuiltUser, query = "") => {
    const res = await get(who, `/api/v1/payments/invoices.csv${query}`);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/csv/);
    return { res, rows: parseCsv(res.text).map((r) => r.values) };
  };

  it("should give the council a row per line and per credit issued, in pounds and pence, with its children's references", async () => {
    const { res, rows } = await csv(world.councilA.person, "?month=2026-04");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="invoices-2026-04.csv"');
    expect(rows.map((r) => [r.Row, r["Child reference"], r["Amount (£)"], r["Amount (pence)"], r.Status])).toEqual([
      ["Invoice line", world.childReferences[world.placements.a1], "6000.00", "600000", "paid"],
      ["Invoice line", world.childReferences[world.placements.a2], "3000.00", "300000", "paid"],
      ["Credit note", world.childReferences[world.placements.a2], "-200.00", "-20000", "paid"],
    ]);
    expect(rows[0]).toMatchObject({
      "Invoice number": expect.stringMatching(/^PX-/),
      "Stripe invoice": expect.stringMatching(/^in_test_/),
      Council: world.councilA.name,
      Provider: world.connected.name,
      "Period start": "2026-04-01",
      "Period end": "2026-04-30",
      "Paid date": expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    const all = (await csv(world.councilA.person)).rows;
    // Four invoices of two lines, and the one credit issued (the pending one is not in Stripe yet).
    expect(all).toHaveLength(9);
    expect(all.reduce((sum, r) => sum + Number(r["Amount (pence)"]), 0)).toBe(4 * A_TOTAL - 20_000);
  });

  it("should leave the child's reference out of a provider's and the hub's export, and name no one in the file name", async () => {
    for (const who of [world.connected.person, world.hub]) {
      const { res, rows } = await csv(who);
      expect(res.headers["content-disposition"]).toBe('attachment; filename="invoices.csv"');
      expect(Object.keys(rows[0]!)).not.toContain("Child reference");
      for (const reference of references()) expect(res.text).not.toContain(reference);
      expect(rows).toHaveLength(4 * 2 + 1 + 1);
    }
  });

  it("should keep a spreadsheet from running a setting's name as a formula", async () => {
    // A fresh council and provider of the region, so the other tests' sums stay as they are.
    const id = await buildInvoiceFor(db(), { regionId: world.regionId });
    await db().execute(sql`UPDATE settings SET name = '=HYPERLINK("http://evil.example")'
      WHERE id = (SELECT pl.setting_id FROM invoice_lines l JOIN placements pl ON pl.id = l.placement_id WHERE l.invoice_id = ${id})`);
    const { rows } = await csv(world.hub, "?month=2026-05");
    expect(rows.map((r) => r.Setting)).toContain(`'=HYPERLINK("http://evil.example")`);
  });
});

describe("GET /api/v1/payments/overview", () => {
  it("should be the hub's only", async () => {
    for (const who of [world.councilA.person, world.connected.person]) expect((await get(who, "/api/v1/payments/overview")).status).toBe(403);
  });

  it("should show the hub what is pending and why, totals by council and lot, providers' Stripe status and memberships, and no child", async () => {
    const res = await get(world.hub, "/api/v1/payments/overview");
    expect(res.status).toBe(200);
    const overview = PaymentsOverviewResponseSchema.parse(res.body).data;
    expect(overview.pending.map((i) => [i.id, i.lastError, i.attempts])).toEqual([
      [world.invoices.julyPending, "Stripe could not be reached (503); retrying", 3],
    ]);
    expect(overview.pendingCredits.map((c) => [c.id, c.lastError])).toEqual([[world.credits.mayPending, "Stripe refused the credit note (invoice locked)"]]);
    const byCouncil = new Map(overview.byCouncil.map((c) => [c.councilId, c.totals]));
    expect(byCouncil.get(world.councilA.organisationId)).toMatchObject({ invoicedPence: 4 * A_TOTAL, paidPence: A_TOTAL, overduePence: A_TOTAL });
    expect(byCouncil.get(world.councilB.organisationId)?.invoicedPence).toBeGreaterThanOrEqual(450_000);
    expect(overview.byLot.find((l) => l.lot === 2)).toEqual({ lot: 2, invoicedPence: 4 * 300_000, paidPence: 300_000 });
    expect(overview.byLot.find((l) => l.lot === 1)?.paidPence).toBe(600_000);
    const providers = new Map(overview.providers.map((p) => [p.organisationId, p]));
    expect(providers.get(world.connected.organisationId)).toMatchObject({ connected: true, canBeInvoiced: true, reason: null });
    expect(providers.get(world.unconnected.organisationId)).toMatchObject({
      connected: false,
      canBeInvoiced: false,
      reason: expect.stringContaining("has not connected"),
    });
    const memberships = new Map(overview.memberships.map((m) => [m.organisationId, m]));
    expect(memberships.get(world.connected.organisationId)).toMatchObject({ status: "active", feePence: 50_000 });
    expect(memberships.get(world.unconnected.organisationId)).toMatchObject({ status: "unpaid", feePence: 50_000, checkoutUrl: null });
    for (const reference of references()) expect(res.text).not.toContain(reference);
    expect(overview.lastRun).toBeNull();
  });

  it("should show the region's latest billing run from the audit log", async () => {
    await recordAudit(db(), {
      action: "payments.billing_run",
      recordType: "region",
      recordId: world.other.regionId,
      details: { invoices: 9, credits: 9 },
    });
    await recordAudit(db(), {
      action: "payments.billing_run",
      recordType: "region",
      recordId: world.regionId,
      details: { invoices: 4, credits: 1, sent: 4, stillPending: 1, computed: true },
    });
    const overview = PaymentsOverviewResponseSchema.parse((await get(world.hub, "/api/v1/payments/overview")).body).data;
    expect(overview.lastRun).toMatchObject({ invoices: 4, credits: 1, at: expect.any(String) });
  });
});

describe("GET /api/v1/payments/waiting", () => {
  it("should show the council which running placements wait on their provider, and why", async () => {
    const res = await get(world.councilA.person, "/api/v1/payments/waiting");
    expect(res.status).toBe(200);
    expect(PaymentsWaitingResponseSchema.parse(res.body).data).toEqual([
      expect.objectContaining({
        placementId: world.placements.waiting,
        childReference: world.childReferences[world.placements.waiting],
        providerName: world.unconnected.name,
        weeklyFeePence: 100_000,
        reason: expect.stringContaining("has not connected"),
      }),
    ]);
    expect((await get(world.councilB.person, "/api/v1/payments/waiting")).body.data).toEqual([]);
  });

  it("should give Stripe's own reason once the provider has started connecting", async () => {
    await db().execute(sql`INSERT INTO stripe_accounts (organisation_id, account_id, details_submitted, requirements_due)
      VALUES (${world.unconnected.organisationId}, 'acct_test_waiting', true, '{external_account}')`);
    const [waiting] = PaymentsWaitingResponseSchema.parse((await get(world.councilA.person, "/api/v1/payments/waiting")).body).data;
    expect(waiting?.reason).toBe("Stripe cannot pay the provider yet. Stripe still needs: external_account.");
    await db().execute(sql`DELETE FROM stripe_accounts WHERE organisation_id = ${world.unconnected.organisationId}`);
  });

  it("should be for councils only", async () => {
    for (const who of [world.hub, world.connected.person]) expect((await get(who, "/api/v1/payments/waiting")).status).toBe(403);
  });
});

describe("GET /api/v1/payments/payouts", () => {
  it("should show a provider its open invoices as payouts, soonest due first, less the levy, and the sums", async () => {
    const res = await get(world.connected.person, "/api/v1/payments/payouts");
    expect(res.status).toBe(200);
    const payouts = PayoutsResponseSchema.parse(res.body);
    expect(payouts.data.map((p) => [p.invoiceId, p.displayStatus, p.providerPence])).toEqual([
      [world.invoices.mayOverdue, "overdue", A_TOTAL - A_LEVY],
      [world.invoices.juneOpen, "open", A_TOTAL - A_LEVY],
      [world.invoices.councilBMay, "open", 450_000 - 22_500],
    ]);
    expect(payouts.totals).toEqual({ expectedPence: 2 * (A_TOTAL - A_LEVY) + 427_500, overduePence: A_TOTAL - A_LEVY, invoices: 3 });
    expect(PayoutsResponseSchema.parse((await get(world.unconnected.person, "/api/v1/payments/payouts")).body).data).toEqual([]);
  });

  it("should be for providers only", async () => {
    for (const who of [world.hub, world.councilA.person]) expect((await get(who, "/api/v1/payments/payouts")).status).toBe(403);
  });
});
