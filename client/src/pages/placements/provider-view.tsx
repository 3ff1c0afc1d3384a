import { useState } from "react";
import { type ProviderView, ProviderViewDecisionSchema } from "@shared/schemas/outcome-reviews";
import { decideProviderView } from "../../api/outcome-reviews";
import { CharacterCount, PERSONAL_DATA_HINT } from "../../components/character-count";
import { Form } from "../../components/form";
import { errorsFromZod, sendOrErrors } from "../../components/form-errors";
import { SummaryList } from "../../components/summary-list";
import { useFormSubmit } from "../../components/use-form-submit";
import { formatTimestampDate } from "../../lib/format-date";
import { measureRows } from "./review-summary";

interface ProviderViewSummaryProps {
  view: ProviderView;
  statementOf(outcomeId: string): string;
  /** "the provider’s view" for the council, "your view" for the provider. */
  whose: string;
}

/** The provider's view of a review as given, and what the council did with it. */
export function ProviderViewSummary({ view, statementOf, whose }: ProviderViewSummaryProps) {
  return (
    <>
      <p className="govuk-body">Given on {formatTimestampDate(view.submittedAt)}.</p>
      <SummaryList rows={measureRows(view, statementOf)} />
      <DecisionText view={view} whose={whose} />
    </>
  );
}

function DecisionText({ view, whose }: { view: ProviderView; whose: string }) {
  const when = view.decidedAt ? ` on ${formatTimestampDate(view.decidedAt)}` : "";
  if (view.decision === "accepted")
    return (
      <p className="govuk-body govuk-!-font-weight-bold">
        The council accepted {whose}
        {when}.
      </p>
    );
  if (view.decision === "annotated") {
    return (
      <div className="govuk-inset-text">
        <p className="govuk-body govuk-!-font-weight-bold">
          The council annotated {whose}
          {when}:
        </p>
        <p className="govuk-body">{view.annotation}</p>
      </div>
    );
  }
  return <p className="govuk-body">The council has not decided on {whose} yet.</p>;
}

interface DecideProviderViewProps {
  placementId: string;
  reviewId: string;
  /** "the review of 3 March 2026": which view the buttons decide on, for screen reader users. */
  on: string;
  onDecided(): Promise<void>;
}

/** The council accepts the provider's view as it is, or adds its own note to it. */
export function DecideProviderView({ placementId, reviewId, on, onDecided }: DecideProviderViewProps) {
  const [annotation, setAnnotation] = useState("");
  const noteId = `decide-${reviewId}-annotation`;
  const accept = useFormSubmit(async () =>
    sendOrErrors({}, async () => {
      await decideProviderView(placementId, reviewId, { decision: "accepted" });
      await onDecided();
    }),
  );
  const annotate = useFormSubmit(async (text: string) => {
    const parsed = ProviderViewDecisionSchema.safeParse({ decision: "annotated", annotation: text });
    if (!parsed.success) return errorsFromZod({ annotation: noteId }, parsed.error);
    return sendOrErrors({ annotation: noteId }, async () => {
      await decideProviderView(placementId, reviewId, parsed.data);
      await onDecided();
    });
  });
  return (
    <>
      <Form
        form={accept}
        onSubmit={(event) => accept.submit(event)}
        submitLabel={
          <>
            Accept the provider’s view<span className="govuk-visually-hidden"> of {on}</span>
          </>
        }
      />
      <Form
        form={annotate}
        onSubmit={(event) => annotate.submit(event, annotation)}
        secondary
        submitLabel={
          <>
            Annotate<span className="govuk-visually-hidden"> the provider’s view of {on}</span>
          </>
        }
      >
        <CharacterCount
          id={noteId}
          label="Or annotate it with the council’s note"
          hint={`The provider will see the note. ${PERSONAL_DATA_HINT}`}
          maxLength={2000}
          value={annotation}
          onChange={setAnnotation}
          error={annotate.errors?.fields.annotation}
        />
      </Form>
    </>
  );
}
