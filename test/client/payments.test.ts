import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { MemoryRouter } from "react-router";
import { INVOICE_DISPLAY_STATUSES } from "@shared/codes/payments";
import type { Invoice } from "@shared/schemas/payments";
import { EMPTY_MONTH_YEAR } from "../../client/src/components/month-year-input";
import { checkFilter, filterFromParams, paramsFromFilter } from "../../client/src/pages/payments/invoice-filters";
import { InvoiceStatusTag } from "../../client/src/pages/payments/invoice-status-tag";
import { InvoiceTable, type InvoiceViewer } from "../../client/src/pages/payments/invoice-table";

const invoice: Invoice = {
  id: "6e9b562e-b5eb-403c-ac7d-eb158775cc3d",
  councilId: "e9924984-500b-43c4-96b2-ae134a12ca7c",
  councilName: "Oldham Council",
  providerId: "90ad91cc-7dcf-483c-a08f-112feef4e340",
  providerName: "Pennine Learning Trust",
  kind: "period",
  periodStart: "2026-05-01",
  periodEnd: "2026-05-31",
  status: "open",
  displayStatus: "overdue",
  totalPence: 900_000,
  levyPence: 45_000,
  providerPence: 840_000,
  creditedPence: 15_000,
  number: "PX-0042",
  dueDate: "2026-06-30",
  hostedInvoiceUrl: "https://invoice.stripe.com/i/acct_1/test_42",
  paidAt: null,
  lines: [],
  credits: [],
};

const table = (viewer: InvoiceViewer, invoices: Invoice[] = [invoice]) =>
  renderToStaticMarkup(
    createElement(MemoryRouter, null, createElement(InvoiceTable, { invoices, viewer, caption: "All invoices", empty: "No invoices yet." })),
  );

describe("InvoiceStatusTag", () => {
  it("should say every status in words, colour only repeating them (overdue red, paid green)", () => {
    const tags = INVOICE_DISPLAY_STATUSES.map((status) => renderToStaticMarkup(createElement(InvoiceStatusTag, { status })));
    expect(tags.map((html) => html.replace(/<[^>]+>/g, ""))).toEqual(["Draft", "Open", "Overdue", "Paid", "Void", "Uncollectible"]);
    expect(tags[2]).toContain("govuk-tag--red");
    expect(tags[3]).toContain("govuk-tag--green");
  });
});

describe("InvoiceTable", () => {
  it("should give the council Stripe's page to pay in the same tab, with no referrer, and the total", () => {
    const html = table("council");
    expect(html).toContain('<a class="govuk-link" href="https://invoice.stripe.com/i/acct_1/test_42" rel="noreferrer">View and pay on Stripe');
    expect(html).not.toContain("target=");
    expect(html).toContain("£9,000.00");
    expect(html).toContain("Pennine Learning Trust");
  });

  it("should show the provider what it receives and whom it bills, with nothing to pay", () => {
    const html = table("provider");
    expect(html).toContain("You receive");
    expect(html).toContain("£8,400.00");
    expect(html).toContain("Oldham Council");
    expect(html).not.toContain("View and pay");
  });

  it("should say an invoice not yet sent has no Stripe page and no due date, and an empty list in words", () => {
    const html = table("council", [{ ...invoice, status: "pending", displayStatus: "draft", number: null, dueDate: null, hostedInvoiceUrl: null }]);
    expect(html).toContain("Not numbered yet");
    expect(html).toContain("Not sent yet");
    expect(html).not.toContain("Stripe</a>");
    expect(table("council", [])).toBe('<p class="govuk-body">No invoices yet.</p>');
  });
});

describe("invoice filters", () => {
  it("should put only what is chosen in the address, and read it back", () => {
    const params = paramsFromFilter({ month: { month: "5", year: "2026" }, placementId: "", status: "overdue" });
    expect(params.toString()).toBe("month=2026-05&status=overdue");
    expect(filterFromParams(params)).toEqual({ month: { month: "5", year: "2026" }, placementId: "", status: "overdue" });
    expect(paramsFromFilter({ month: EMPTY_MONTH_YEAR, placementId: "", status: "" }).toString()).toBe("");
  });

  it("should refuse a month that is not one, in the form's words, on the month's field", () => {
    const errors = checkFilter(paramsFromFilter({ month: { month: "13", year: "2026" }, placementId: "not-an-id", status: "" }));
    expect(errors?.summary).toEqual([
      { text: "The month must be a real month and year, like 4 2026", fieldId: "invoices-month" },
      { text: "Not a valid placement id", fieldId: "invoices-placement" },
    ]);
    expect(checkFilter(new URLSearchParams("month=2026-04"))).toBeUndefined();
  });
});
