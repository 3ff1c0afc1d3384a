import { Link, useParams } from "react-router";
import { PAGE_PATHS } from "@shared/page-paths";
import { usePublicInsights } from "../../api/insights";
import { QueryView } from "../../components/query-view";
import { usePageTitle } from "../../components/use-page-title";
import { formatDateTime } from "../../lib/format-date";
import { InsightsReportView, periodText } from "./insights-report";

const TITLE = "Placements in the region: published figures";

/** The region's figures for the period the hub published, for anyone, without signing in: the whole region only, small numbers withheld. */
export function PublicInsightsPage() {
  const { id = "" } = useParams();
  const summary = usePublicInsights(id);
  usePageTitle(summary.status === "success" ? `Placements in ${summary.data.region.name}: published figures` : TITLE);
  return (
    <>
      <Link className="govuk-back-link" to={PAGE_PATHS.home}>
        Home
      </Link>
      <QueryView query={summary} what="the published figures" notFound={<NothingPublished />}>
        {({ region, publication, report }) => (
          <>
            <span className="govuk-caption-l">{region.name}</span>
            <h1 className="govuk-heading-l">Placements in the region: published figures</h1>
            <div className="govuk-grid-row">
              <div className="govuk-grid-column-two-thirds">
                <p className="govuk-body-l">
                  Placements of children with special educational needs and disabilities awarded in {periodText(publication.from, publication.to)}, across every
                  council of the region.
                </p>
                <p className="govuk-body">Published by the regional hub on {formatDateTime(publication.publishedAt)}.</p>
                <InsightsReportView report={report} />
              </div>
            </div>
          </>
        )}
      </QueryView>
    </>
  );
}

function NothingPublished() {
  return (
    <>
      <h1 className="govuk-heading-l">{TITLE}</h1>
      <p className="govuk-body">No summary has been published yet.</p>
    </>
  );
}
