import { ROLE_LABELS } from "@shared/codes/roles";
import { useMe } from "../../api/session";
import { SummaryList, type SummaryRow } from "../../components/summary-list";

export function AccountDetails() {
  const { user, organisation } = useMe();
  const rows: SummaryRow[] = [
    { key: "Name", value: user.displayName ?? "Not given" },
    { key: "Email address", value: user.email },
    { key: "Organisation", value: organisation?.name ?? "None yet" },
    { key: "Role", value: user.role ? ROLE_LABELS[user.role] : "None yet" },
    { key: "Administrator of your organisation", value: user.orgAdmin ? "Yes" : "No" },
  ];
  return (
    <>
      <h2 className="govuk-heading-m">Your details</h2>
      <SummaryList rows={rows} />
      <p className="govuk-body">
        Your name and email address come from the service you sign in with. To change your role or organisation, ask your organisation’s administrator.
      </p>
    </>
  );
}
