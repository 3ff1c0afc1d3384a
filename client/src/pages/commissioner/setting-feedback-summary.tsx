import { FEEDBACK_ASPECT_LABELS } from "@shared/schemas/setting-feedback";
import { useSettingFeedbackSummary } from "../../api/setting-feedback";
import { QueryView } from "../../components/query-view";
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
      <QueryView
        query={summary}
        what="parent carer feedback"
        problem={<p className="govuk-body">Sorry, we cannot show parent carer feedback at the moment. Try again later.</p>}
      >
        {(data) =>
          data.suppressed ? (
            <p className="govuk-body">
              Feedback from Parent Carer Forum panel members is shown once {data.minimumReviews} or more reviews have been checked by the regional hub.
            </p>
          ) : (
            <>
              <p className="govuk-body">
                Based on {data.approvedReviews} reviews from Parent Carer Forum panel members, checked by the regional hub. Ratings are from 1 (poor) to 5
                (excellent).
              </p>
              <Table
                caption="Average rating for each aspect"
                captionSize="hidden"
                columns={["Aspect", { text: "Average rating", numeric: true }, { text: "Ratings", numeric: true }]}
                rows={data.aspects.map((row) => ({
                  key: row.aspect,
                  header: FEEDBACK_ASPECT_LABELS[row.aspect],
                  cells: [row.average === null ? "Not rated" : `${row.average.toFixed(1)} out of 5`, row.ratings],
                }))}
              />
            </>
          )
        }
      </QueryView>
    </section>
  );
}
