import { useState } from "react";
import type { Organisation } from "@shared/schemas/identity";
import { useOrganisations } from "../../api/organisations";
import { useMe } from "../../api/session";
import { SuccessBanner } from "../../components/notification-banner";
import { QueryView } from "../../components/query-view";
import { usePageTitle } from "../../components/use-page-title";
import { OrganisationForm } from "./organisation-form";
import { OrganisationTables } from "./organisation-tables";

/** The regional hub's list of every organisation in its region, and for its administrators the form to add one. */
export function OrganisationsPage() {
  const me = useMe();
  const organisations = useOrganisations();
  const [added, setAdded] = useState<Organisation>();
  const [formHasErrors, setFormHasErrors] = useState(false);
  usePageTitle("Organisations in your region", { hasErrors: formHasErrors });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        {added ? (
          <SuccessBanner key={added.id} title={`You added ${added.name}`}>
            <p className="govuk-body">Next, invite its first administrator from its people page.</p>
          </SuccessBanner>
        ) : null}
        <h1 className="govuk-heading-l">Organisations in your region</h1>
        <QueryView query={organisations} what="the organisations" loading="organisations">
          {(data) => <OrganisationTables organisations={data} managesPeople={me.user.orgAdmin} />}
        </QueryView>
        {me.user.orgAdmin ? (
          <OrganisationForm
            onErrorsChange={setFormHasErrors}
            onAdded={async (organisation) => {
              await organisations.reload();
              setAdded(organisation);
            }}
          />
        ) : (
          <p className="govuk-body">Only the hub’s administrators add organisations and manage their people. Ask one of them if an organisation is missing.</p>
        )}
      </div>
    </div>
  );
}
