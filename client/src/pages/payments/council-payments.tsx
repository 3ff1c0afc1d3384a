import { InvoicesBrowser } from "./invoices-browser";
import { WaitingSection } from "./waiting-section";

/** The council's invoices (filters, totals, CSV, Stripe's page to pay) and its placements not invoiced yet, with why. */
export function CouncilPayments({ caption }: { caption: string | undefined }) {
  return (
    <>
      <InvoicesBrowser viewer="council" level={1} caption={caption} />
      <WaitingSection />
    </>
  );
}
