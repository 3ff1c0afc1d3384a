import { useCallback, useState } from "react";
import { LOTS } from "@shared/codes/lots";
import type { Framework } from "@shared/schemas/framework";
import { useApplications, useFramework, usePrices } from "../../api/framework";
import { useMe } from "../../api/session";
import { AdmissionStatusTag, latestAdmissions, latestTerms, openRound } from "../../components/admission-labels";
import { SuccessBanner } from "../../components/notification-banner";
import { Loading, QueryProblem } from "../../components/query-problem";
import { QueryView } from "../../components/query-view";
import { Table } from "../../components/table";
import { usePageTitle } from "../../components/use-page-title";
import { ApplicationForm } from "./application-form";
import { PricesForm } from "./prices-form";

export function ProviderFrameworkPage() {
  const framework = useFramework();
  usePageTitle("Framework");
  return (
    <QueryView query={framework} what="the framework">
      {(data) =>
        data ? (
          <ProviderFramework framework={data} />
        ) : (
          <>
            <h1 className="govuk-heading-l">Framework</h1>
            <p className="govuk-body">Your region has no framework yet.</p>
          </>
        )
      }
    </QueryView>
  );
}

function ProviderFramework({ framework }: { framework: Framework }) {
  const me = useMe();
  const applications = useApplications(framework.id);
  const prices = usePrices(framework.id);
  const [notice, setNotice] = useState<string>();
  const [applyErrors, setApplyErrors] = useState(false);
  const [priceErrors, setPriceErrors] = useState(false);
  usePageTitle("Framework", { hasErrors: applyErrors || priceErrors });
  const round = openRound(framework);
  const admissions = applications.status === "success" ? latestAdmissions(applications.data) : new Map();
  const admitted = [...admissions.values()].filter((a) => a.status === "admitted").map((a) => a.lotNumber as number);
  const reloadApplications = applications.reload;
  const onApplied = useCallback(
    async (message: string) => {
      await reloadApplications();
      setNotice(message);
    },
    [reloadApplications],
  );

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {notice ? <SuccessBanner key={notice} title={notice} /> : null}
        <span className="govuk-caption-l">{framework.name}</span>
        <h1 className="govuk-heading-l">Framework</h1>
        <h2 className="govuk-heading-m">Your lots</h2>
        <QueryView query={applications} what="your applications">
          {() => (
            <Table
              caption="Your standing on each lot"
              captionSize="hidden"
              columns={["Lot", "Status", "The hub’s reason"]}
              rows={LOTS.map((lot) => {
                const admission = admissions.get(lot.number);
                return {
                  key: lot.number,
                  header: `Lot ${lot.number}: ${lot.name}`,
                  cells: [admission ? <AdmissionStatusTag status={admission.status} /> : "Not applied", admission?.reason ?? ""],
                };
              })}
            />
          )}
        </QueryView>

        <h2 className="govuk-heading-m">Your framework prices</h2>
        <p className="govuk-body">Your weekly price for each need-intensity band. It cannot be more than the hub’s ceiling for the band.</p>
        {prices.status === "loading" || applications.status === "loading" ? <Loading what="your prices" /> : null}
        {prices.status === "error" ? <QueryProblem what="your prices" onRetry={prices.retry} /> : null}
        {prices.status === "success" && applications.status === "success" ? (
          me.user.orgAdmin ? (
            <PricesForm
              framework={framework}
              admittedLots={admitted}
              prices={prices.data}
              onErrorsChange={setPriceErrors}
              onSaved={async () => {
                await prices.reload();
                setNotice("Your framework prices are saved");
              }}
            />
          ) : (
            <p className="govuk-body">Your organisation’s administrators set the prices.</p>
          )
        ) : null}

        {round && me.user.orgAdmin ? (
          <ApplicationForm framework={framework} round={round} terms={latestTerms(framework)} onApplied={onApplied} onErrorsChange={setApplyErrors} />
        ) : (
          <p className="govuk-body">
            {round ? `${round.name} is open: your organisation’s administrators can apply.` : "No admission round is open at the moment."}
          </p>
        )}
      </div>
    </div>
  );
}
