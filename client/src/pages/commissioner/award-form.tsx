import { z } from "zod";
import { formatPence } from "@shared/money";
import type { RequestView } from "@shared/schemas/placement-requests";
import { awardRequest } from "../../api/placement-requests";
import { DecisionForm } from "../../components/decision-form";

// The API's AwardSchema in the shape DecisionForm sends: the reasons are its "reason".
const AwardFormSchema = z.object({
  offerId: z.string({ error: "Choose the offer to award" }).min(1, { error: "Choose the offer to award" }),
  reason: z
    .string()
    .trim()
    .min(1, { error: "Give the reasons for the award: every provider is told" })
    .max(4000, { error: "The reasons must be 4000 characters or fewer" }),
});

/** Choices in rank order once evaluated; in urgent mode, the offers as they came. */
function awardOptions(view: RequestView) {
  if (view.evaluation.length > 0) {
    return view.evaluation.map((e) => ({
      value: e.offerId,
      label: `Rank ${e.rank}: ${e.settingName}, ${e.organisationName}, ${formatPence(e.weeklyFeePence)} a week, total ${e.total}`,
    }));
  }
  return view.offers
    .filter((o) => o.status === "active")
    .map((o) => ({ value: o.id, label: `${o.settingName}, ${o.organisationName}, ${formatPence(o.current.weeklyFeePence)} a week` }));
}

/** The award, with reasons every provider reads; it makes the placement. */
export function AwardForm({ view, onAwarded }: { view: RequestView; onAwarded(view: RequestView): void }) {
  return (
    <section aria-labelledby="award-heading">
      <h2 className="govuk-heading-m" id="award-heading">
        Award the placement
      </h2>
      <DecisionForm
        idPrefix="award"
        legend="Which offer do you award?"
        decisionKey="offerId"
        options={awardOptions(view)}
        schema={AwardFormSchema}
        submitLabel="Award the placement"
        reasonLabel="Reasons for the award"
        reasonHint="Every invited provider reads these, with their own outcome."
        reasonMaxLength={4000}
        send={async (body) => onAwarded(await awardRequest(view.request.id, { offerId: body.offerId, reasons: body.reason }))}
      />
    </section>
  );
}
