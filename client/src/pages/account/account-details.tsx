import { ROLE_LABELS } from "../../../../shared/src/codes/roles";
import { useMe } from "../../api/session";

export function AccountDetails() {
  const { user, organisation } = useMe();
  const rows: [string, string][] = [
    ["Name", user.displayName ?? "Not given"],
    ["Email address", user.email],
    ["Organisation", organisation?.name ?? "None yet"],
    ["Role", user.role ? ROLE_LABELS[user.role] : "None yet"],
    ["Administrator of your organisation", user.orgAdmin ? "Yes" : "No"],
  ];
  return (
    <>
      <h2 className="govuk-heading-m">Your details</h2>
      <dl className="govuk-summary-list">
        {rows.map(([key, value]) => (
          <div key={key} className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{key}</dt>
            <dd className="govuk-summary-list__value">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="govuk-body">
        Your name and email address come from the service you sign in with. To change your role or organisation, ask
        your organisation’s administrator.
      </p>
    </>
  );
}
