import { sql } from "drizzle-orm";
import { Router } from "express";
import { IdParamsSchema } from "@shared/schemas/params";
import {
  InvoiceListSchema,
  InvoiceQuerySchema,
  InvoiceResponseSchema,
  PaymentsOverviewResponseSchema,
  PaymentsWaitingResponseSchema,
  PayoutsResponseSchema,
} from "@shared/schemas/payments";
import type { Db } from "../../db/client";
import { forbidden, notFound } from "../../http/app-error";
import { type Member, memberOf, requireMember } from "../../http/require-actor";
import { defineRoute } from "../../http/route";
import { invoicesCsv, invoicesCsvName } from "./csv";
import { regionOverview } from "./overview";
import { readsCouncilInvoices, readsInvoices, readsProviderPayments, readsRegionPayments } from "./policy";
import { presentInvoice, totalsOf } from "./present";
import { presentPayouts } from "./present-payouts";
import { readInvoices } from "./queries/invoices";
import { viewOf } from "./queries/scope";
import { waitingPlacements } from "./queries/waiting";

/** Who may read invoices was decided by readsInvoices; which ones and which fields, by the view. */
const viewFor = (actor: Member) => {
  const view = viewOf(actor);
  if (!view) throw forbidden();
  return view;
};

/** What the payments pages read: invoices (as JSON and CSV), the hub's overview, waiting placements, payouts. */
export function paymentsReadRoutes({ db }: { db: Db }): Router {
  const router = Router();
  const common = { tag: "payments", access: "signed-in" as const };

  defineRoute(router, {
    ...common,
    before: [requireMember(readsInvoices)],
    method: "get",
    path: "/api/v1/payments/invoices",
    summary:
      "Invoices the caller may see (a council its own, a provider those it is paid by, the hub its region's), newest period first, by month, placement or status, with their totals",
    input: { query: InvoiceQuerySchema },
    responses: { 200: { description: "The invoices and their totals", schema: InvoiceListSchema } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      const view = viewFor(actor);
      const invoices = await readInvoices(db, actor, view, input.query);
      res.json({ data: invoices.map((i) => presentInvoice(i, view)), totals: totalsOf(invoices) });
    },
  });

  defineRoute(router, {
    ...common,
    before: [requireMember(readsInvoices)],
    method: "get",
    path: "/api/v1/payments/invoices.csv",
    summary:
      "The same invoices as CSV for a finance system: a row per invoice line and per credit note issued (negative), amounts in pounds and pence; the child's reference only in a council's own export",
    input: { query: InvoiceQuerySchema },
    responses: { 200: { description: "text/csv" } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      const view = viewFor(actor);
      const invoices = await readInvoices(db, actor, view, input.query);
      res
        .type("text/csv")
        .setHeader("Content-Disposition", `attachment; filename="${invoicesCsvName(input.query.month)}"`)
        .send(invoicesCsv(invoices, view));
    },
  });

  defineRoute(router, {
    ...common,
    before: [requireMember(readsInvoices)],
    method: "get",
    path: "/api/v1/payments/invoices/:id",
    summary: "One invoice with its lines and credit notes (404 unless the caller may see it)",
    input: { params: IdParamsSchema },
    responses: { 200: { description: "The invoice", schema: InvoiceResponseSchema } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      const view = viewFor(actor);
      const [invoice] = await readInvoices(db, actor, view, { id: input.params.id });
      if (!invoice) throw notFound("The invoice");
      res.json({ data: presentInvoice(invoice, view) });
    },
  });

  defineRoute(router, {
    ...common,
    before: [requireMember(readsRegionPayments)],
    method: "get",
    path: "/api/v1/payments/overview",
    summary:
      "The hub's overview of the region's money: invoices and credit notes still pending and why, totals by council and by lot, each provider's Stripe status, memberships, the last billing run",
    responses: { 200: { description: "The overview", schema: PaymentsOverviewResponseSchema } },
    handler: async (req, res) => {
      res.json({ data: await regionOverview(db, memberOf(req)) });
    },
  });

  defineRoute(router, {
    ...common,
    before: [requireMember(readsCouncilInvoices)],
    method: "get",
    path: "/api/v1/payments/waiting",
    summary: "The council's running placements that cannot be invoiced yet because their provider cannot be paid through Stripe, and why",
    responses: { 200: { description: "The placements waiting", schema: PaymentsWaitingResponseSchema } },
    handler: async (req, res) => {
      res.json({ data: await waitingPlacements(db, memberOf(req).organisationId) });
    },
  });

  defineRoute(router, {
    ...common,
    before: [requireMember(readsProviderPayments)],
    method: "get",
    path: "/api/v1/payments/payouts",
    summary: "The payouts a provider can expect: its open invoices, what it receives of each after the levy and credits, soonest due first",
    responses: { 200: { description: "The payouts expected", schema: PayoutsResponseSchema } },
    handler: async (req, res) => {
      const actor = memberOf(req);
      const open = await readInvoices(db, actor, "provider", { extra: sql`i.status = 'open'` });
      res.json(presentPayouts(open));
    },
  });
  return router;
}
