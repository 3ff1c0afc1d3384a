import { useState } from "react";
import { type OutcomeReview, ProviderViewInputSchema } from "@shared/schemas/outcome-reviews";
import { saveProviderView } from "../../api/outcome-reviews";
import { Form } from "../../components/form";
import { errorsFromZod, sendOrErrors } from "../../components/form-errors";
import { useFormSubmit } from "../../components/use-form-submit";
import { errorsById, measureFieldIds, MeasureFields, type OutcomeRef } from "./review-fields";
import { measuresInput, type MeasuresState, providerViewFormFrom, startingRisks } from "./review-form-state";

interface ProviderViewFormProps {
  placementId: string;
  review: OutcomeReview;
  outcomes: readonly OutcomeRef[];
  /** "the review of 3 March 2026". */
  on: string;
  onSaved(): Promise<void>;
  onCancel(): void;
}

/**
 * The provider's own view of a submitted review: the same measures, starting from its earlier
 * view or, for a first one, from the council's review. It can be changed until the council decides.
 */
export function ProviderViewForm({ placementId, review, outcomes, on, onSaved, onCancel }: ProviderViewFormProps) {
  const [state, setState] = useState(() => providerViewFormFrom(review.providerView, review));
  const prefix = `view-${review.id}`;
  const form = useFormSubmit(async (values: MeasuresState) => {
    // A risk the council recorded and the provider now sees as gone is sent as "none", not left out.
    const raw = measuresInput(
      values,
      outcomes.map((o) => o.id),
      startingRisks(review, []),
    );
    const sent = Array.isArray(raw.scores) ? (raw.scores as { outcomeId: string }[]) : [];
    const ids = measureFieldIds(prefix, outcomes, sent);
    const parsed = ProviderViewInputSchema.safeParse(raw);
    if (!parsed.success) return errorsFromZod(ids, parsed.error);
    return sendOrErrors(ids, async () => {
      await saveProviderView(placementId, review.id, parsed.data);
      await onSaved();
    });
  });
  return (
    <Form
      form={form}
      onSubmit={(event) => form.submit(event, state)}
      onCancel={onCancel}
      submitLabel={
        <>
          Send your view<span className="govuk-visually-hidden"> of {on}</span>
        </>
      }
    >
      <MeasureFields
        prefix={prefix}
        outcomes={outcomes}
        state={state}
        update={(change) => setState((current) => ({ ...current, ...change }))}
        showAttendance={review.attendancePercent !== null}
        incidentsLegend="Incidents in the same period"
        errorAt={errorsById(form.errors)}
        headingLevel={4}
      />
    </Form>
  );
}
