import { type ReactNode, useState } from "react";
import type { BillingRunResult, BillingSettings } from "@shared/schemas/payments";
import { runBilling, usePaymentsOverview } from "../../api/payments";
import { Form } from "../../components/form";
import { sendOrErrors } from "../../components/form-errors";
import { SuccessBanner } from "../../components/notification-banner";
import { QueryView } from "../../components/query-view";
import { useFormSubmit } from "../../components/use-form-submit";
import { HubOverview } from "./hub-overview";
import { InvoicesBrowser } from "./invoices-browser";
import { SettingsForm, SettingsSummary } from "./settings-form";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const runMessage = (r: BillingRunResult) =>
  `Billing run done: ${plural(r.invoicesCreated, "invoice", "invoices")} and ${plural(r.creditNotesCreated, "credit note", "credit notes")} created, ` +
  `${r.sent} sent through Stripe, ${r.stillPending} still pending`;

/** Bills now what the schedule would bill next: ended periods not yet invoiced, and corrections. */
function BillNow({ onDone }: { onDone(message: string): Promise<void> }) {
  const form = useFormSubmit(async () =>
    sendOrErrors({}, async () => {
      await onDone(runMessage(await runBilling()));
    }),
  );
  return <Form form={form} onSubmit={(event) => form.submit(event)} submitLabel="Bill now" secondary />;
}

/** The hub's payments: the region's billing settings, billing on demand, the overview and every invoice of the region. */
export function HubPayments({ heading, settings, orgAdmin }: { heading: ReactNode; settings: BillingSettings; orgAdmin: boolean }) {
  const overview = usePaymentsOverview();
  const [notice, setNotice] = useState<{ text: string; n: number }>();
  const [current, setCurrent] = useState(settings);
  const done = async (text: string) => {
    await overview.reload();
    setNotice((prev) => ({ text, n: (prev?.n ?? 0) + 1 }));
  };
  return (
    <>
      {notice ? <SuccessBanner key={notice.n} title={notice.text} /> : null}
      {heading}
      {!current.enabled ? <div className="govuk-inset-text">Nothing is billed until the billing settings are saved for the first time.</div> : null}
      <section aria-labelledby="overview-heading">
        <h2 className="govuk-heading-l" id="overview-heading">
          Overview
        </h2>
        {orgAdmin && current.enabled ? <BillNow onDone={done} /> : null}
        <QueryView query={overview} what="the payments overview" loading="the payments overview">
          {(data) => <HubOverview overview={data} />}
        </QueryView>
      </section>
      <section aria-labelledby="settings-heading">
        <h2 className="govuk-heading-l" id="settings-heading">
          Billing settings
        </h2>
        {orgAdmin ? (
          <SettingsForm
            settings={current}
            onSaved={async (message, saved) => {
              setCurrent(saved);
              await done(message);
            }}
          />
        ) : (
          <SettingsSummary settings={current} />
        )}
      </section>
      <InvoicesBrowser viewer="hub" level={2} />
    </>
  );
}
