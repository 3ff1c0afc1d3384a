import { LOTS } from "@shared/codes/lots";
import { MEMBERSHIP_STATUS_LABELS } from "@shared/codes/payments";
import { formatPence } from "@shared/money";
import type { PaymentsOverview } from "@shared/schemas/payments";
import { Table } from "../../components/table";
import { formatDateTime, formatTimestampDate } from "../../lib/format-date";
import { membershipNeedsPaying } from "./membership-section";
import { formatPeriod } from "./payments-format";

const lotName = (lot: number) => {
  const found = LOTS.find((l) => l.number === lot);
  return found ? `Lot ${lot}: ${found.name}` : `Lot ${lot}`;
};

/** What is waiting to reach Stripe, and why: the hub's first question after a failure. */
function Pending({ overview }: { overview: PaymentsOverview }) {
  return (
    <section aria-labelledby="pending-heading">
      <h3 className="govuk-heading-m" id="pending-heading">
        Pending and failed
      </h3>
      <Table
        caption="Invoices not yet sent through Stripe"
        columns={["Period", "Council", "Provider", { text: "Total", numeric: true }, { text: "Attempts", numeric: true }, "Why it is pending"]}
        rows={overview.pending.map((invoice) => ({
          key: invoice.id,
          header: formatPeriod(invoice.periodStart, invoice.periodEnd),
          cells: [
            invoice.councilName,
            invoice.providerName,
            formatPence(invoice.totalPence),
            invoice.attempts ?? 0,
            invoice.lastError ?? "Waiting for the next billing run",
          ],
        }))}
        empty="No invoice is waiting to be sent."
      />
      <Table
        caption="Credit notes not yet issued through Stripe"
        columns={["Period", "Reason", { text: "Amount", numeric: true }, "Why it is pending"]}
        rows={overview.pendingCredits.map((credit) => ({
          key: credit.id,
          header: formatPeriod(credit.periodStart, credit.periodEnd),
          cells: [credit.reason, formatPence(credit.amountPence), credit.lastError ?? "Waiting for the next billing run"],
        }))}
        empty="No credit note is waiting to be issued."
      />
    </section>
  );
}

function Totals({ overview }: { overview: PaymentsOverview }) {
  return (
    <section aria-labelledby="region-totals-heading">
      <h3 className="govuk-heading-m" id="region-totals-heading">
        Totals
      </h3>
      <Table
        caption="By council"
        columns={[
          "Council",
          { text: "Invoiced", numeric: true },
          { text: "Paid", numeric: true },
          { text: "Outstanding", numeric: true },
          { text: "Overdue", numeric: true },
          { text: "Credited", numeric: true },
          { text: "Levy", numeric: true },
        ]}
        rows={overview.byCouncil.map(({ councilId, councilName, totals }) => ({
          key: councilId,
          header: councilName,
          cells: [
            formatPence(totals.invoicedPence),
            formatPence(totals.paidPence),
            formatPence(totals.outstandingPence),
            formatPence(totals.overduePence),
            formatPence(totals.creditedPence),
            formatPence(totals.levyPence),
          ],
        }))}
        empty="Nothing invoiced yet."
      />
      <Table
        caption="By lot"
        columns={["Lot", { text: "Invoiced", numeric: true }, { text: "Paid", numeric: true }]}
        rows={overview.byLot.map((row) => ({ key: row.lot, header: lotName(row.lot), cells: [formatPence(row.invoicedPence), formatPence(row.paidPence)] }))}
        empty="Nothing invoiced yet."
      />
    </section>
  );
}

function Providers({ overview }: { overview: PaymentsOverview }) {
  const yesNo = (value: boolean) => (value ? "Yes" : "No");
  return (
    <section aria-labelledby="providers-heading">
      <h3 className="govuk-heading-m" id="providers-heading">
        Providers
      </h3>
      <Table
        caption="Providers’ Stripe accounts"
        columns={["Provider", "Connected", "Details submitted", "Can take payments", "Payouts", "Can be invoiced"]}
        rows={overview.providers.map((p) => ({
          key: p.organisationId,
          header: p.organisationName,
          cells: [
            yesNo(p.connected),
            yesNo(p.detailsSubmitted),
            yesNo(p.chargesEnabled),
            yesNo(p.payoutsEnabled),
            p.canBeInvoiced ? "Yes" : `No${p.reason ? `: ${p.reason}` : ""}`,
          ],
        }))}
        empty="No provider in the region yet."
      />
      <Table
        caption="Memberships"
        columns={["Provider", "Status", { text: "Annual fee", numeric: true }, "Paid until"]}
        rows={overview.memberships.map((m) => ({
          key: m.organisationId,
          header: m.organisationName,
          // The words carry the warning; a screen reader and a printout get it as well as the eye.
          cells: [
            membershipNeedsPaying(m) ? <strong>{MEMBERSHIP_STATUS_LABELS[m.status]}</strong> : MEMBERSHIP_STATUS_LABELS[m.status],
            formatPence(m.feePence),
            m.currentPeriodEnd ? formatTimestampDate(m.currentPeriodEnd) : "Not paid",
          ],
        }))}
        empty="No memberships."
      />
    </section>
  );
}

/** The region's payments at a glance: the last run, what is pending or failed, totals by council and lot, providers and memberships. */
export function HubOverview({ overview }: { overview: PaymentsOverview }) {
  const unpaid = overview.memberships.filter(membershipNeedsPaying).length;
  return (
    <>
      <p className="govuk-body">
        {overview.lastRun
          ? `Last billing run ${formatDateTime(overview.lastRun.at)}: ${overview.lastRun.invoices} invoices and ${overview.lastRun.credits} credit notes.`
          : "No billing run yet."}
      </p>
      {unpaid > 0 ? (
        <div className="govuk-inset-text">
          {unpaid === 1 ? "1 provider has" : `${unpaid} providers have`} not paid the membership. They are told on their payments page; nothing is suspended.
        </div>
      ) : null}
      <Pending overview={overview} />
      <Totals overview={overview} />
      <Providers overview={overview} />
    </>
  );
}
