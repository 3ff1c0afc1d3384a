import { useMe } from "../../api/session";
import { usePageTitle } from "../../components/use-page-title";
import { CouncilPayments } from "./council-payments";
import { HubPayments } from "./hub-payments";
import { WithPaymentsSetUp } from "./payments-setup";
import { ProviderPayments } from "./provider-payments";

/** "Payments" in the menu: the council's invoices, the provider's Stripe account and income, the hub's settings and overview. */
export function PaymentsPage() {
  const me = useMe();
  const council = me.user.role === "commissioner";
  usePageTitle(council ? "Invoices" : "Payments");
  const heading = (
    <>
      <span className="govuk-caption-l">{me.organisation?.name}</span>
      <h1 className="govuk-heading-l">{council ? "Invoices" : "Payments"}</h1>
    </>
  );
  return (
    <WithPaymentsSetUp fallbackHeading={heading}>
      {(settings) => {
        if (council) return <CouncilPayments caption={me.organisation?.name} />;
        if (me.user.role === "provider") return <ProviderPayments heading={heading} settings={settings} orgAdmin={me.user.orgAdmin} />;
        return <HubPayments heading={heading} settings={settings} orgAdmin={me.user.orgAdmin} />;
      }}
    </WithPaymentsSetUp>
  );
}
