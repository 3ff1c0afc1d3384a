import { useState } from "react";
import { type SettingFeedback, SettingFeedbackModerationSchema } from "@shared/schemas/setting-feedback";
import { moderateSettingFeedback, useSettingFeedback } from "../../api/setting-feedback";
import { DecideButton } from "../../components/decide-button";
import { DecisionForm } from "../../components/decision-form";
import { SuccessBanner } from "../../components/notification-banner";
import { QueryView } from "../../components/query-view";
import { RatingsList } from "../../components/ratings-list";
import { SummaryCard } from "../../components/summary-list";
import { usePageTitle } from "../../components/use-page-title";
import { formatTimestampDate } from "../../lib/format-date";

const OPTIONS = [
  { value: "approved", label: "Approve: it counts towards the setting’s averages" },
  { value: "rejected", label: "Reject: it does not count, and the panel member sees your reason" },
];

/** The decision form's shape: a reason is always a string, empty when approving. */
const DecisionSchema = SettingFeedbackModerationSchema.transform((m) => ({ decision: m.decision, reason: m.reason ?? "" }));

/** Parent carer panel members' feedback on settings; the hub checks each before it counts. */
export function SettingFeedbackPage() {
  const feedback = useSettingFeedback("pending");
  const [deciding, setDeciding] = useState<string>();
  const [notice, setNotice] = useState<string>();
  usePageTitle("Feedback to check");

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {notice ? <SuccessBanner key={notice} title={notice} /> : null}
        <h1 className="govuk-heading-l">Feedback to check</h1>
        <p className="govuk-body">
          Parent carer panel members’ feedback on settings. Reject anything that could identify a child, a family or a member of staff, or that is not about the
          setting.
        </p>
        <QueryView query={feedback} what="the feedback" loading="feedback">
          {(data) => (
            <>
              <h2 className="govuk-heading-m">Waiting for a decision ({data.length})</h2>
              {data.length === 0 ? <p className="govuk-body">No feedback is waiting.</p> : null}
              {data.map((item) => (
                <SummaryCard key={item.id} headingLevel={3} title={item.settingName}>
                  <p className="govuk-body">
                    From {item.forumName} on {formatTimestampDate(item.createdAt)}
                  </p>
                  <RatingsList ratings={item.ratings} />
                  <div className="govuk-inset-text">{item.comment}</div>
                  {deciding === item.id ? (
                    <DecisionForm
                      idPrefix={`feedback-${item.id}`}
                      legend={`Your decision on the feedback about ${item.settingName}`}
                      decisionKey="decision"
                      options={OPTIONS}
                      schema={DecisionSchema}
                      submitLabel="Save decision"
                      reasonHint="Needed to reject. The panel member will see this"
                      onCancel={() => setDeciding(undefined)}
                      send={async (body) => {
                        const decided = await moderateSettingFeedback(item.id, body.decision as "approved" | "rejected", body.reason);
                        await feedback.reload();
                        setDeciding(undefined);
                        setNotice(describe(decided));
                      }}
                    />
                  ) : (
                    <DecideButton on={`the feedback about ${item.settingName} from ${item.forumName}`} onClick={() => setDeciding(item.id)} />
                  )}
                </SummaryCard>
              ))}
            </>
          )}
        </QueryView>
      </div>
    </div>
  );
}

const describe = (item: SettingFeedback) =>
  item.status === "approved" ? `You approved the feedback on ${item.settingName}` : `You rejected the feedback on ${item.settingName}`;
