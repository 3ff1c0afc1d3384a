import { useState } from "react";
import { LOTS } from "@shared/codes/lots";
import { AdmissionDecisionSchema, type Framework } from "@shared/schemas/framework";
import { decideAdmission, useApplicationPages, useFramework } from "../../api/framework";
import { AdmissionStatusTag } from "../../components/admission-labels";
import { DecideButton } from "../../components/decide-button";
import { DecisionForm } from "../../components/decision-form";
import { FilteredList } from "../../components/filtered-list";
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
/** An application is listed when any of its lots has a ticked status; "applied" is waiting for a decision. */
const STATUS_OPTIONS = [
  { value: "applied", label: "Waiting for a decision" },
  { value: "admitted", label: "Admitted" },
  { value: "rejected", label: "Rejected" },
  { value: "suspended", label: "Suspended" },
];

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
  const loadPage = useApplicationPages(framework.id);
  const [deciding, setDeciding] = useState<string>();
  const [notice, setNotice] = useState<string>();

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        {notice ? <SuccessBanner key={notice} title={notice} /> : null}
        <span className="govuk-caption-l">{framework.name}</span>
        <h1 className="govuk-heading-l">Applications to the framework</h1>
        <p className="govuk-body">Decide each lot a provider applied for. Your reason is shown to the provider.</p>
        <FilteredList
          load={loadPage}
          what="applications"
          count={(n) => (n === 1 ? "1 application" : `${n} applications`)}
          search={{ label: "Search", hint: "A provider’s name" }}
          filter={{ legend: "Lot status", options: STATUS_OPTIONS }}
          empty="No provider has applied yet."
        >
          {(data, list) =>
            data.map((application) => (
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
                        await list.reload();
                        setDeciding(undefined);
                        setNotice(`${application.organisationName} is now ${body.status} on lot ${lot.lotNumber}`);
                      }}
                    />
                  ) : null,
                )}
              </SummaryCard>
            ))
          }
        </FilteredList>
      </div>
    </div>
  );
}
