import { useState } from "react";
import { LOTS } from "@shared/codes/lots";
import { AdmissionDecisionSchema, type Framework, type ProviderApplication } from "@shared/schemas/framework";
import { decideAdmission, useApplications, useFramework } from "../../api/framework";
import { AdmissionStatusTag } from "../../components/admission-labels";
import { DecideButton } from "../../components/decide-button";
import { DecisionForm } from "../../components/decision-form";
import { SuccessBanner } from "../../components/notification-banner";
import { QueryView } from "../../components/query-view";
import { SummaryCard, SummaryList } from "../../components/summary-list";
import { Table } from "../../components/table";
import { usePageTitle } from "../../components/use-page-title";
import { formatTimestampDate } from "../../lib/format-date";

const OPTIONS = [
  { value: "admitted", label: "Admit to the lot" },
  { value: "rejected", label: "Reject" },
  { value: "suspended", label: "Suspend: commissioners cannot find or invite them on this lot" },
];
const lotName = (n: number) => LOTS.find((lot) => lot.number === n)?.name ?? "";
const waiting = (a: ProviderApplication) => a.lots.some((l) => l.status === "applied");
/** Those still waiting for a decision first, then the newest. */
const waitingThenNewest = (a: ProviderApplication, b: ProviderApplication) =>
  Number(waiting(b)) - Number(waiting(a)) || b.submittedAt.localeCompare(a.submittedAt);

export function ApplicationsPage() {
  const framework = useFramework();
  usePageTitle("Applications to the framework");
  return (
    <QueryView query={framework} what="the framework" empty="Your region has no framework yet." isEmpty={(data) => !data}>
      {(data) => data && <Applications framework={data} />}
    </QueryView>
  );
}

function Applications({ framework }: { framework: Framework }) {
  const applications = useApplications(framework.id);
  const [deciding, setDeciding] = useState<string>();
  const [notice, setNotice] = useState<string>();

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        {notice ? <SuccessBanner key={notice} title={notice} /> : null}
        <span className="govuk-caption-l">{framework.name}</span>
        <h1 className="govuk-heading-l">Applications to the framework</h1>
        <p className="govuk-body">Decide each lot a provider applied for. Your reason is shown to the provider.</p>
        <QueryView query={applications} what="the applications" loading="applications" empty="No provider has applied yet.">
          {(data) =>
            [...data].sort(waitingThenNewest).map((application) => (
              <SummaryCard key={application.id} title={application.organisationName} titleId={`application-${application.id}`}>
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
                <Table
                  caption="Lots"
                  columns={["Lot", "Status", "Reason", { text: "Action", hidden: true }]}
                  rows={application.lots.map((lot) => ({
                    key: lot.lotNumber,
                    header: `Lot ${lot.lotNumber}: ${lotName(lot.lotNumber)}`,
                    cells: [
                      <AdmissionStatusTag status={lot.status} />,
                      lot.reason ?? "",
                      <DecideButton
                        on={`lot ${lot.lotNumber} for ${application.organisationName}`}
                        onClick={() => setDeciding(`${application.id}-${lot.lotNumber}`)}
                      />,
                    ],
                  }))}
                />
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
              </SummaryCard>
            ))
          }
        </QueryView>
      </div>
    </div>
  );
}
