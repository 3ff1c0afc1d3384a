import { Link } from "react-router";
import { PAGE_PATHS } from "@shared/page-paths";
import { useSettingFeedback } from "../../api/setting-feedback";
import { ClaimStatusTag } from "../../components/claim-status-tag";
import { QueryView } from "../../components/query-view";
import { RatingsList } from "../../components/ratings-list";
import { Table } from "../../components/table";
import { usePageTitle } from "../../components/use-page-title";
import { formatTimestampDate } from "../../lib/format-date";

/** A panel member's own feedback, with the hub's decision on each and its reason for a rejection. */
export function YourFeedbackPage() {
  const feedback = useSettingFeedback();
  usePageTitle("Your feedback");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <h1 className="govuk-heading-l">Your feedback</h1>
        <p className="govuk-body">
          The regional hub checks each piece of feedback before it counts.{" "}
          <Link className="govuk-link" to={PAGE_PATHS.parentGiveFeedback}>
            Give feedback on a setting
          </Link>
        </p>
        <QueryView query={feedback} what="your feedback" empty="You have not given any feedback yet.">
          {(data) => (
            <Table
              caption="Your feedback, newest first"
              captionSize="hidden"
              columns={["Setting", "Sent", "Ratings", "Status"]}
              rows={[...data]
                .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
                .map((item) => ({
                  key: item.id,
                  header: item.settingName,
                  cells: [
                    formatTimestampDate(item.createdAt),
                    <RatingsList ratings={item.ratings} />,
                    <>
                      <ClaimStatusTag status={item.status} />
                      {item.status === "rejected" && item.reason ? (
                        <span className="govuk-body-s govuk-!-display-block govuk-!-margin-top-1 govuk-!-margin-bottom-0">Reason: {item.reason}</span>
                      ) : null}
                    </>,
                  ],
                }))}
            />
          )}
        </QueryView>
      </div>
    </div>
  );
}
