import { FEEDBACK_ASPECT_LABELS } from "../../../../shared/src/schemas/setting-feedback";
import { useSettingFeedbackSummary } from "../../api/setting-feedback";
import { Loading } from "../../components/query-problem";
import { Table } from "../../components/table";

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
          <Table
            caption="Average rating for each aspect"
            captionSize="hidden"
            columns={["Aspect", { text: "Average rating", numeric: true }, { text: "Ratings", numeric: true }]}
            rows={summary.data.aspects.map((row) => ({
              key: row.aspect,
              header: FEEDBACK_ASPECT_LABELS[row.aspect],
              cells: [row.average === null ? "Not rated" : `${row.average.toFixed(1)} out of 5`, row.ratings],
            }))}
          />
        </>
      ) : null}
    </section>
  );
}
