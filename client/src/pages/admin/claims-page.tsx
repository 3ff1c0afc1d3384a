import { useState } from "react";
import { type SettingClaim, SettingClaimDecisionSchema } from "@shared/schemas/settings";
import { decideSettingClaim, fetchSettingClaimPage } from "../../api/setting-claims";
import { ClaimStatusTag } from "../../components/claim-status-tag";
import { DecideButton } from "../../components/decide-button";
import { DecisionForm } from "../../components/decision-form";
import { FilteredList } from "../../components/filtered-list";
import { SuccessBanner } from "../../components/notification-banner";
import { SummaryCard } from "../../components/summary-list";
import { usePageTitle } from "../../components/use-page-title";
import { formatTimestampDate } from "../../lib/format-date";

const OPTIONS = [
  { value: "approved", label: "Approve: the setting moves to this provider" },
  { value: "rejected", label: "Reject: the setting stays unclaimed" },
];

const STATUS_OPTIONS = [
  { value: "pending", label: "Waiting for a decision" },
  { value: "approved", label: "Approved" },
  { value: "rejected", label: "Rejected" },
];

/** Providers' claims on settings imported from GIAS; the hub checks each before the setting moves. Searchable, filtered and paged. */
export function ClaimsPage() {
  const [deciding, setDeciding] = useState<string>();
  const [notice, setNotice] = useState<string>();
  usePageTitle("Setting claims");

  return (
    <>
      {notice ? <SuccessBanner key={notice} title={notice} /> : null}
      <h1 className="govuk-heading-l">Setting claims</h1>
      <p className="govuk-body">Check that the provider runs the setting (its GIAS and Ofsted records) before you approve a claim.</p>
      <FilteredList
        load={fetchSettingClaimPage}
        what="claims"
        count={(n) => (n === 1 ? "1 claim" : `${n} claims`)}
        search={{ label: "Search", hint: "A setting’s name or URN, or a provider’s name" }}
        filter={{ legend: "Status", options: STATUS_OPTIONS }}
        empty="No provider has claimed a setting yet."
      >
        {(data, list) =>
          data.map((claim) => (
            <SummaryCard key={claim.id} headingLevel={3} title={`${claim.settingName} (URN ${claim.urn})`}>
              <p className="govuk-body">
                Claimed by {claim.organisationName} on {formatTimestampDate(claim.createdAt)} <ClaimStatusTag status={claim.status} />
              </p>
              {claim.reason ? <p className="govuk-body">{claim.reason}</p> : null}
              {claim.status !== "pending" ? null : deciding === claim.id ? (
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
                    await list.reload();
                    setDeciding(undefined);
                    setNotice(describe(decidedClaim));
                  }}
                />
              ) : (
                <DecideButton on={`the claim for ${claim.settingName}`} onClick={() => setDeciding(claim.id)} />
              )}
            </SummaryCard>
          ))
        }
      </FilteredList>
    </>
  );
}

const describe = (claim: SettingClaim) =>
  claim.status === "approved"
    ? `${claim.settingName} now belongs to ${claim.organisationName}`
    : `You rejected ${claim.organisationName}’s claim for ${claim.settingName}`;
