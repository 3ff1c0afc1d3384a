import { FEEDBACK_ASPECT_LABELS } from "../../../../shared/src/schemas/setting-feedback";
import { useSettingFeedbackSummary } from "../../api/setting-feedback";
import { Loading } from "../../components/query-problem";

/**
 * Parent carer panel members' ratings of the setting, as averages only. Below the minimum number
 * of checked reviews the server sends nothing but that fact, so no family can be singled out.
 */
export function SettingFeedbackSummary({ settingId }: { settingId: string }) {
  const summary = useSettingFeedbackSummary(settingId);
  return (
    <section aria-labelledby="parent-carer-feedback">
      <h2 className="govuk-heading-m" id="parent-carer-feedback">
        Parent carer feedback
      </h2>
      {summary.status === "loading" ? <Loading what="parent carer feedback" /> : null}
      {summary.status === "error" ? <p className="govuk-body">Sorry, we cannot show parent carer feedback at the moment. Try again later.</p> : null}
      {summary.status === "success" && summary.data.suppressed ? (
        <p className="govuk-body">
          Feedback from Parent Carer Forum panel members is shown once {summary.data.minimumReviews} or more reviews have been checked by the regional hub.
        </p>
      ) : null}
      {summary.status === "success" && !summary.data.suppressed ? (
        <>
          <p className="govuk-body">
            Based on {summary.data.approvedReviews} reviews from Parent Carer Forum panel members, checked by the regional hub. Ratings are from 1 (poor) to 5
            (excellent).
          </p>
          <table className="govuk-table">
            <caption className="govuk-visually-hidden">Average rating for each aspect</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Aspect</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Average rating</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Ratings</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {summary.data.aspects.map((row) => (
                <tr key={row.aspect} className="govuk-table__row">
                  <th scope="row" className="govuk-table__header">{FEEDBACK_ASPECT_LABELS[row.aspect]}</th>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{row.average === null ? "Not rated" : `${row.average.toFixed(1)} out of 5`}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{row.ratings}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
