import { useState } from "react";
import { Link } from "react-router";
import { PAGE_PATHS } from "../../../../shared/src/page-paths";
import { useFramework } from "../../api/framework";
import { SuccessBanner } from "../../components/notification-banner";
import { Loading, QueryProblem } from "../../components/query-problem";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate } from "../../components/format-date";
import { AdmissionRounds } from "./admission-rounds";
import { BandCeilings } from "./band-ceilings";
import { TermsVersions } from "./terms-versions";

/** The hub runs the framework: ceilings per lot and band, versions of the terms, admission rounds. */
export function FrameworkAdminPage() {
  const framework = useFramework();
  const [notice, setNotice] = useState<string>();
  usePageTitle("Framework");
  const changed = async (message: string) => {
    await framework.reload();
    setNotice(message);
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {notice ? <SuccessBanner key={notice} title={notice} /> : null}
        {framework.status === "success" && framework.data ? <span className="govuk-caption-l">{framework.data.name}</span> : null}
        <h1 className="govuk-heading-l">Framework</h1>
        {framework.status === "loading" ? <Loading what="the framework" /> : null}
        {framework.status === "error" ? <QueryProblem what="the framework" onRetry={framework.retry} /> : null}
        {framework.status === "success" && !framework.data ? <p className="govuk-body">Your region has no framework yet.</p> : null}
        {framework.status === "success" && framework.data ? (
          <>
            <p className="govuk-body">
              Runs from {formatDate(framework.data.termStart)} to {formatDate(framework.data.termEnd)}. Decide providers’ applications on the{" "}
              <Link className="govuk-link" to={PAGE_PATHS.adminApplications}>applications page</Link>.
            </p>
            <AdmissionRounds framework={framework.data} onChanged={changed} />
            <TermsVersions framework={framework.data} onChanged={changed} />
            <BandCeilings framework={framework.data} onChanged={changed} />
          </>
        ) : null}
      </div>
    </div>
  );
}
