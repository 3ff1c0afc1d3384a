import { useState } from "react";
import { Link } from "react-router";
import { PLACEMENT_END_REASON_LABELS, PLACEMENT_END_REASONS, type PlacementEndReason } from "@shared/codes/tenders";
import { type Placement, PlacementEndSchema } from "@shared/schemas/placement-requests";
import { endPlacement } from "../../api/placement-requests";
import { DateInput, type DateParts, EMPTY_DATE, isoDateFrom } from "../../components/date-input";
import { Form } from "../../components/form";
import { errorsFromZod, sendOrErrors } from "../../components/form-errors";
import { Radios } from "../../components/radios";
import { useFormSubmit } from "../../components/use-form-submit";
import { commissionerPlacementPath } from "../../lib/paths";
import { PlacementSummary } from "../requests/placement-summary";

const FIELD_IDS = { endDate: "placement-end-date", reason: "placement-end-reason" };
const REASON_OPTIONS = PLACEMENT_END_REASONS.map((value) => ({ value, label: PLACEMENT_END_REASON_LABELS[value] }));

/** The placement the award made, and the form to record how it ended. */
export function PlacementSection({ placement, onEnded }: { placement: Placement; onEnded(): void }) {
  return (
    <section aria-labelledby="placement-heading">
      <h2 className="govuk-heading-m" id="placement-heading">
        The placement
      </h2>
      <PlacementSummary placement={placement} />
      <p className="govuk-body">
        <Link className="govuk-link" to={commissionerPlacementPath(placement.id)}>
          Reviews and distance travelled of this placement
        </Link>
      </p>
      {placement.endDate ? null : <EndPlacementForm placementId={placement.id} onEnded={onEnded} />}
    </section>
  );
}

function EndPlacementForm({ placementId, onEnded }: { placementId: string; onEnded(): void }) {
  const [endDate, setEndDate] = useState<DateParts>(EMPTY_DATE);
  const [reason, setReason] = useState<string>();
  const form = useFormSubmit(async (state: { endDate: DateParts; reason: string | undefined }) => {
    const parsed = PlacementEndSchema.safeParse({ endDate: isoDateFrom(state.endDate) ?? undefined, reason: state.reason });
    if (!parsed.success) return errorsFromZod(FIELD_IDS, parsed.error);
    return sendOrErrors(FIELD_IDS, async () => {
      await endPlacement(placementId, parsed.data);
      onEnded();
    });
  });
  const { errors } = form;
  return (
    <>
      <h3 className="govuk-heading-s">End the placement</h3>
      <Form form={form} onSubmit={(event) => form.submit(event, { endDate, reason })} submitLabel="End placement" warning>
        <DateInput
          id={FIELD_IDS.endDate}
          legend="End date"
          hint="For example, 27 3 2026"
          value={endDate}
          onChange={setEndDate}
          error={errors?.fields.endDate}
        />
        <Radios
          name={FIELD_IDS.reason}
          legend="How the placement ended"
          hint="Breakdowns count in the region’s high-risk insights."
          options={REASON_OPTIONS}
          value={reason}
          onChange={(value) => setReason(value as PlacementEndReason)}
          error={errors?.fields.reason}
        />
      </Form>
    </>
  );
}
