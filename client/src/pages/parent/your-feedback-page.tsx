import { Link } from "react-router";
import { PAGE_PATHS } from "../../../../shared/src/page-paths";
import { useSettingFeedback } from "../../api/setting-feedback";
import { ClaimStatusTag } from "../../components/claim-status-tag";
import { RatingsList } from "../../components/ratings-list";
import { formatTimestampDate } from "../../components/format-date";
import { Loading, QueryProblem } from "../../components/query-problem";
import { usePageTitle } from "../../components/use-page-title";

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
        {feedback.status === "loading" ? <Loading what="your feedback" /> : null}
        {feedback.status === "error" ? <QueryProblem what="your feedback" onRetry={feedback.retry} /> : null}
        {feedback.status === "success" && feedback.data.length === 0 ? <p className="govuk-body">You have not given any feedback yet.</p> : null}
        {feedback.status === "success" && feedback.data.length > 0 ? (
          <table className="govuk-table">
            <caption className="govuk-visually-hidden">Your feedback, newest first</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Setting</th>
                <th scope="col" className="govuk-table__header">Sent</th>
                <th scope="col" className="govuk-table__header">Ratings</th>
                <th scope="col" className="govuk-table__header">Status</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {[...feedback.data]
                .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
                .map((item) => (
                  <tr key={item.id} className="govuk-table__row">
                    <th scope="row" className="govuk-table__header">{item.settingName}</th>
                    <td className="govuk-table__cell">{formatTimestampDate(item.createdAt)}</td>
                    <td className="govuk-table__cell">
                      <RatingsList ratings={item.ratings} />
                    </td>
                    <td className="govuk-table__cell">
                      <ClaimStatusTag status={item.status} />
                      {item.status === "rejected" && item.reason ? (
                        <span className="govuk-body-s govuk-!-display-block govuk-!-margin-top-1 govuk-!-margin-bottom-0">Reason: {item.reason}</span>
                      ) : null}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </div>
  );
}
