import { RequestCancelSchema, type RequestView } from "@shared/schemas/placement-requests";
import { cancelPlacementRequest } from "../../api/placement-requests";
import { Details } from "../../components/details";
import { TextForm } from "../../components/text-form";

/** Cancelling stops the competition for everyone; the invited providers read the reason. */
export function CancelRequestForm({ requestId, onCancelled }: { requestId: string; onCancelled(view: RequestView): void }) {
  return (
    <Details summary="Cancel this request">
      <TextForm
        id="cancel-reason"
        field="reason"
        schema={RequestCancelSchema}
        label="Why are you cancelling it?"
        hint="Every invited provider reads this."
        maxLength={1000}
        submitLabel="Cancel the request"
        warning
        send={async ({ reason }) => onCancelled(await cancelPlacementRequest(requestId, reason))}
      />
    </Details>
  );
}
