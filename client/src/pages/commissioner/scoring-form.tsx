import { useState } from "react";
import type { Offer, RequestView } from "@shared/schemas/placement-requests";
import { completeEvaluation, saveScores } from "../../api/placement-requests";
import { Form } from "../../components/form";
import { sendOrErrors } from "../../components/form-errors";
import { RadioGrid } from "../../components/radio-grid";
import { useFormSubmit } from "../../components/use-form-submit";

const SCORE_OPTIONS = ["0", "1", "2", "3", "4", "5"].map((value) => ({ value, label: value }));

type Scores = Record<string, Partial<Record<string, string>>>;

/**
 * The council scores each opened offer 0 to 5 against each quality criterion; completing the
 * evaluation saves them and has the price scores, totals and ranks worked out.
 */
export function ScoringForm({ view, onDone }: { view: RequestView; onDone(view: RequestView): void }) {
  const offers: Offer[] = view.offers.filter((o) => o.status === "active");
  const criteria = view.request.criteria;
  const [scores, setScores] = useState<Scores>({});
  const form = useFormSubmit(async (state: Scores) => {
    const body = offers.flatMap((o) => criteria.map((c) => ({ offerId: o.id, criterionId: c.id, score: Number(state[o.id]?.[c.id] ?? "0") })));
    return sendOrErrors({}, async () => {
      await saveScores(view.request.id, body);
      onDone(await completeEvaluation(view.request.id));
    });
  });

  return (
    <section aria-labelledby="scoring-heading">
      <h2 className="govuk-heading-m" id="scoring-heading">
        Score the offers
      </h2>
      <p className="govuk-body">Score each offer against each criterion: 0 does not meet it, 5 meets it in full. A criterion you leave at 0 counts as 0.</p>
      <Form form={form} onSubmit={(event) => form.submit(event, scores)} submitLabel="Complete evaluation">
        {offers.map((offer, index) => (
          <RadioGrid
            key={offer.id}
            id={`score-${index + 1}`}
            legend={`${offer.settingName}, ${offer.organisationName}`}
            rows={criteria.map((c) => ({ key: c.id, label: c.label }))}
            options={SCORE_OPTIONS}
            values={scores[offer.id] ?? {}}
            onChange={(criterionId, value) => setScores((current) => ({ ...current, [offer.id]: { ...current[offer.id], [criterionId]: value } }))}
          />
        ))}
      </Form>
    </section>
  );
}
