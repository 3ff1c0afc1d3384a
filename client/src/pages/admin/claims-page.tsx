import { useState } from "react";
import { type SettingClaim, SettingClaimDecisionSchema } from "@shared/schemas/settings";
import { decideSettingClaim, useSettingClaims } from "../../api/setting-claims";
import { ClaimStatusTag } from "../../components/claim-status-tag";
import { DecideButton } from "../../components/decide-button";
import { DecisionForm } from "../../components/decision-form";
import { SuccessBanner } from "../../components/notification-banner";
import { QueryView } from "../../components/query-view";
import { SummaryCard } from "../../components/summary-list";
import { Table } from "../../components/table";
import { usePageTitle } from "../../components/use-page-title";
import { formatTimestampDate } from "../../lib/format-date";

const OPTIONS = [
  { value: "approved", label: "Approve: the setting moves to this provider" },
  { value: "rejected", label: "Reject: the setting stays unclaimed" },
];

/** Providers' claims on settings imported from GIAS; the hub checks each before the setting moves. */
export function ClaimsPage() {
  const claims = useSettingClaims();
  const [deciding, setDeciding] = useState<string>();
  const [notice, setNotice] = useState<string>();
  usePageTitle("Setting claims");

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {notice ? <SuccessBanner key={notice} title={notice} /> : null}
        <h1 className="govuk-heading-l">Setting claims</h1>
        <p className="govuk-body">Check that the provider runs the setting (its GIAS and Ofsted records) before you approve a claim.</p>
        <QueryView query={claims} what="the claims" loading="claims">
          {(data) => {
            const pending = data.filter((c) => c.status === "pending");
            const decided = data.filter((c) => c.status !== "pending");
            return (
              <>
                <h2 className="govuk-heading-m">Waiting for a decision ({pending.length})</h2>
                {pending.length === 0 ? <p className="govuk-body">No claims are waiting.</p> : null}
                {pending.map((claim) => (
                  <SummaryCard key={claim.id} headingLevel={3} title={`${claim.settingName} (URN ${claim.urn})`}>
                    <p className="govuk-body">
                      Claimed by {claim.organisationName} on {formatTimestampDate(claim.createdAt)}
                    </p>
                    {deciding === claim.id ? (
                      <DecisionForm
                        idPrefix={`claim-${claim.id}`}
                        legend={`Your decision on ${claim.organisationName}’s claim`}
                        decisionKey="decision"
                        options={OPTIONS}
                        schema={SettingClaimDecisionSchema}
                        submitLabel="Save decision"
                        onCancel={() => setDeciding(undefined)}
                        send={async (body) => {
                          const decidedClaim = await decideSettingClaim(claim.id, body.decision as "approved" | "rejected", body.reason);
                          await claims.reload();
                          setDeciding(undefined);
                          setNotice(describe(decidedClaim));
                        }}
                      />
                    ) : (
                      <DecideButton on={`the claim for ${claim.settingName}`} onClick={() => setDeciding(claim.id)} />
                    )}
                  </SummaryCard>
                ))}
                <h2 className="govuk-heading-m">Decided</h2>
                <Table
                  caption="Decided claims"
                  captionSize="hidden"
                  columns={["Setting", "Provider", "Decision"]}
                  empty="No claims decided yet."
                  rows={decided.map((claim) => ({
                    key: claim.id,
                    header: (
                      <>
                        {claim.settingName} <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">URN {claim.urn}</span>
                      </>
                    ),
                    cells: [
                      claim.organisationName,
                      <>
                        <ClaimStatusTag status={claim.status} />
                        {claim.decidedAt ? (
                          <span className="govuk-body-s govuk-!-display-block govuk-!-margin-top-1 govuk-!-margin-bottom-0">
                            {formatTimestampDate(claim.decidedAt)}
                          </span>
                        ) : null}
                        {claim.reason ? <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{claim.reason}</span> : null}
                      </>,
                    ],
                  }))}
                />
              </>
            );
          }}
        </QueryView>
      </div>
    </div>
  );
}

const describe = (claim: SettingClaim) =>
  claim.status === "approved"
    ? `${claim.settingName} now belongs to ${claim.organisationName}`
    : `You rejected ${claim.organisationName}’s claim for ${claim.settingName}`;
