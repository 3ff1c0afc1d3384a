import { z } from "zod";
import { DECLINE_REASON_LABELS, DECLINE_REASONS } from "@shared/codes/tenders";
import type { RequestView } from "@shared/schemas/placement-requests";
import { declineInvitation } from "../../api/placement-requests";
import { DecisionForm } from "../../components/decision-form";
import { Details } from "../../components/details";

const REASON_OPTIONS = DECLINE_REASONS.map((value) => ({ value, label: DECLINE_REASON_LABELS[value] }));

// The API's DeclineSchema in the shape DecisionForm sends: the reason code is its "decision", the note its "reason".
const DeclineFormSchema = z.object({
  decision: z.enum(DECLINE_REASONS, { error: "Choose why you are declining" }),
  reason: z.string().trim().max(1000, { error: "The note must be 1000 characters or fewer" }),
});

/** Declining, with a reason code the council sees at once. */
export function DeclineForm({
  requestId,
  settingId,
  prefix,
  onDeclined,
}: {
  requestId: string;
  settingId: string;
  prefix: string;
  onDeclined(view: RequestView): void;
}) {
  return (
    <Details summary="Decline this request">
      <DecisionForm
        idPrefix={`${prefix}-decline`}
        legend="Why are you declining?"
        decisionKey="decision"
        options={REASON_OPTIONS}
        schema={DeclineFormSchema}
        submitLabel="Decline"
        reasonLabel="Anything to add (optional)"
        reasonHint="The council reads this."
        send={async (body) =>
          onDeclined(
            await declineInvitation(requestId, {
              settingId,
              reason: body.decision as (typeof DECLINE_REASONS)[number],
              ...(body.reason ? { note: body.reason } : {}),
            }),
          )
        }
      />
    </Details>
  );
}
