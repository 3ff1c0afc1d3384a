import { useState } from "react";
import { Link } from "react-router";
import { PAGE_PATHS } from "@shared/page-paths";
import { useFramework } from "../../api/framework";
import { SuccessBanner } from "../../components/notification-banner";
import { QueryView } from "../../components/query-view";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate } from "../../lib/format-date";
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
        <QueryView query={framework} what="the framework" empty="Your region has no framework yet." isEmpty={(data) => !data}>
          {(data) =>
            data && (
              <>
                <p className="govuk-body">
                  Runs from {formatDate(data.termStart)} to {formatDate(data.termEnd)}. Decide providers’ applications on the{" "}
                  <Link className="govuk-link" to={PAGE_PATHS.adminApplications}>
                    applications page
                  </Link>
                  .
                </p>
                <AdmissionRounds framework={data} onChanged={changed} />
                <TermsVersions framework={data} onChanged={changed} />
                <BandCeilings framework={data} onChanged={changed} />
              </>
            )
          }
        </QueryView>
      </div>
    </div>
  );
}
