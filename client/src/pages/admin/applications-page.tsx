import { useState } from "react";
import { LOTS } from "../../../../shared/src/codes/lots";
import { AdmissionDecisionSchema, type Framework, type ProviderApplication } from "../../../../shared/src/schemas/framework";
import { decideAdmission, useApplications, useFramework } from "../../api/framework";
import { AdmissionStatusTag } from "../../components/admission-labels";
import { DecisionForm } from "../../components/decision-form";
import { formatTimestampDate } from "../../components/format-date";
import { SuccessBanner } from "../../components/notification-banner";
import { Loading, QueryProblem } from "../../components/query-problem";
import { SummaryList } from "../../components/summary-list";
import { usePageTitle } from "../../components/use-page-title";

const OPTIONS = [
  { value: "admitted", label: "Admit to the lot" },
  { value: "rejected", label: "Reject" },
  { value: "suspended", label: "Suspend: commissioners cannot find or invite them on this lot" },
];
const lotName = (n: number) => LOTS.find((lot) => lot.number === n)?.name ?? "";

export function ApplicationsPage() {
  const framework = useFramework();
  usePageTitle("Applications to the framework");
  if (framework.status === "loading") return <Loading what="the framework" />;
  if (framework.status === "error") return <QueryProblem what="the framework" onRetry={framework.retry} />;
  if (!framework.data) return <p className="govuk-body">Your region has no framework yet.</p>;
  return <Applications framework={framework.data} />;
}

function Applications({ framework }: { framework: Framework }) {
  const applications = useApplications(framework.id);
  const [deciding, setDeciding] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const waiting = (a: ProviderApplication) => a.lots.some((l) => l.status === "applied");
  const sorted = applications.status === "success" ? [...applications.data].sort((a, b) => Number(waiting(b)) - Number(waiting(a)) || b.submittedAt.localeCompare(a.submittedAt)) : [];

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        {notice ? <SuccessBanner key={notice} title={notice} /> : null}
        <span className="govuk-caption-l">{framework.name}</span>
        <h1 className="govuk-heading-l">Applications to the framework</h1>
        <p className="govuk-body">Decide each lot a provider applied for. Your reason is shown to the provider.</p>
        {applications.status === "loading" ? <Loading what="applications" /> : null}
        {applications.status === "error" ? <QueryProblem what="the applications" onRetry={applications.retry} /> : null}
        {applications.status === "success" && sorted.length === 0 ? <p className="govuk-body">No provider has applied yet.</p> : null}
        {sorted.map((application) => (
          <section key={application.id} className="govuk-summary-card" aria-labelledby={`application-${application.id}`}>
            <div className="govuk-summary-card__title-wrapper">
              <h2 className="govuk-summary-card__title" id={`application-${application.id}`}>
                {application.organisationName}
              </h2>
            </div>
            <div className="govuk-summary-card__content">
              <SummaryList
                rows={[
                  { key: "Applied", value: formatTimestampDate(application.submittedAt) },
                  { key: "Round", value: framework.rounds.find((r) => r.id === application.roundId)?.name ?? "Unknown round" },
                  { key: "Companies House number", value: application.companiesHouseNumber },
                  { key: "Contact", value: `${application.contactName}, ${application.contactEmail}, ${application.contactPhone}` },
                  { key: "Settings offered", value: application.settingsOffered },
                  { key: "Terms accepted", value: framework.termsVersions.find((t) => t.id === application.termsVersionId)?.version ?? "Unknown version" },
                ]}
              />
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-table__caption--s">Lots</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">Lot</th>
                    <th scope="col" className="govuk-table__header">Status</th>
                    <th scope="col" className="govuk-table__header">Reason</th>
                    <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Action</span></th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {application.lots.map((lot) => {
                    const key = `${application.id}-${lot.lotNumber}`;
                    return (
                      <tr key={key} className="govuk-table__row">
                        <th scope="row" className="govuk-table__header">
                          Lot {lot.lotNumber}: {lotName(lot.lotNumber)}
                        </th>
                        <td className="govuk-table__cell"><AdmissionStatusTag status={lot.status} /></td>
                        <td className="govuk-table__cell">{lot.reason ?? ""}</td>
                        <td className="govuk-table__cell">
                          <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button" onClick={() => setDeciding(key)}>
                            Decide<span className="govuk-visually-hidden"> on lot {lot.lotNumber} for {application.organisationName}</span>
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              {application.lots.map((lot) =>
                deciding === `${application.id}-${lot.lotNumber}` ? (
                  <DecisionForm
                    key={lot.lotNumber}
                    idPrefix={`admission-${application.id}-${lot.lotNumber}`}
                    legend={`${application.organisationName} on lot ${lot.lotNumber}`}
                    decisionKey="status"
                    options={OPTIONS}
                    schema={AdmissionDecisionSchema}
                    submitLabel="Save decision"
                    onCancel={() => setDeciding(undefined)}
                    send={async (body) => {
                      await decideAdmission(framework.id, application.organisationId, lot.lotNumber, AdmissionDecisionSchema.parse(body));
                      await applications.reload();
                      setDeciding(undefined);
                      setNotice(`${application.organisationName} is now ${body.status} on lot ${lot.lotNumber}`);
                    }}
                  />
                ) : null,
              )}
            </div>
          </section>
        ))}
      </div>
    </div>
  );
}
