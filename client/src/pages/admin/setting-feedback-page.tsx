import { useState } from "react";
import { type SettingFeedback, SettingFeedbackModerationSchema } from "@shared/schemas/setting-feedback";
import { fetchSettingFeedbackPage, moderateSettingFeedback } from "../../api/setting-feedback";
import { DecideButton } from "../../components/decide-button";
import { DecisionForm } from "../../components/decision-form";
import { FilteredList } from "../../components/filtered-list";
import { SuccessBanner } from "../../components/notification-banner";
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

const STATUS_OPTIONS = [
  { value: "pending", label: "Waiting for moderation" },
  { value: "approved", label: "Approved" },
  { value: "rejected", label: "Rejected" },
];
const STATUS_LABELS: Record<SettingFeedback["status"], string> = { pending: "Waiting for moderation", approved: "Approved", rejected: "Rejected" };

/** Parent carer panel members' feedback on settings; the hub checks each before it counts. Waiting feedback first, searchable and paged. */
export function SettingFeedbackPage() {
  const [deciding, setDeciding] = useState<string>();
  const [notice, setNotice] = useState<string>();
  usePageTitle("Feedback to check");

  return (
    <>
      {notice ? <SuccessBanner key={notice} title={notice} /> : null}
      <h1 className="govuk-heading-l">Feedback to check</h1>
      <p className="govuk-body">
        Parent carer panel members’ feedback on settings. Reject anything that could identify a child, a family or a member of staff, or that is not about the
        setting.
      </p>
      <FilteredList
        load={fetchSettingFeedbackPage}
        what="feedback"
        count={(n) => (n === 1 ? "1 piece of feedback" : `${n} pieces of feedback`)}
        search={{ label: "Search", hint: "A setting’s or a forum’s name" }}
        filter={{ legend: "Status", options: STATUS_OPTIONS }}
        defaultStatus={["pending"]}
        empty="No feedback is waiting."
      >
        {(data, list) =>
          data.map((item) => (
            <SummaryCard key={item.id} headingLevel={3} title={item.settingName}>
              <p className="govuk-body">
                From {item.forumName} on {formatTimestampDate(item.createdAt)}
              </p>
              <RatingsList ratings={item.ratings} />
              <div className="govuk-inset-text">{item.comment}</div>
              {item.status !== "pending" ? (
                <p className="govuk-body">{STATUS_LABELS[item.status]}</p>
              ) : deciding === item.id ? (
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
                    await list.reload();
                    setDeciding(undefined);
                    setNotice(describe(decided));
                  }}
                />
              ) : (
                <DecideButton on={`the feedback about ${item.settingName} from ${item.forumName}`} onClick={() => setDeciding(item.id)} />
              )}
            </SummaryCard>
          ))
        }
      </FilteredList>
    </>
  );
}

const describe = (item: SettingFeedback) =>
  item.status === "approved" ? `You approved the feedback on ${item.settingName}` : `You rejected the feedback on ${item.settingName}`;
