import { z } from "zod";
import { formatPence } from "@shared/money";
import { AwardWithdrawSchema, type RequestView } from "@shared/schemas/placement-requests";
import { standstillEndInWords } from "@shared/tenders/standstill";
import { awardRequest, confirmAward, withdrawIntention } from "../../api/placement-requests";
import { DecisionForm } from "../../components/decision-form";
import { Form } from "../../components/form";
import { sendOrErrors } from "../../components/form-errors";
import { SummaryList } from "../../components/summary-list";
import { TextForm } from "../../components/text-form";
import { useFormSubmit } from "../../components/use-form-submit";

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

/**
 * The intention to award, with reasons every provider reads. With a standstill period it waits for
 * the confirmation; with none (0 days, a reason recorded) it is the award and makes the placement.
 */
export function AwardForm({ view, onAwarded }: { view: RequestView; onAwarded(view: RequestView): void }) {
  const immediate = view.request.standstillDays === 0;
  return (
    <section aria-labelledby="award-heading">
      <h2 className="govuk-heading-m" id="award-heading">
        {immediate ? "Award the placement" : "Intention to award"}
      </h2>
      <p className="govuk-body">{immediate ? `This request has no standstill period: ${view.request.standstillReason ?? ""}.` : intentionLead(view)}</p>
      <DecisionForm
        idPrefix="award"
        legend="Which offer do you award?"
        decisionKey="offerId"
        options={awardOptions(view)}
        schema={AwardFormSchema}
        submitLabel={immediate ? "Award the placement" : "Record the intention to award"}
        reasonLabel="Reasons for the award"
        reasonHint="Every provider that offered reads these, with their own outcome and scores."
        reasonMaxLength={4000}
        send={async (body) => onAwarded(await awardRequest(view.request.id, { offerId: body.offerId, reasons: body.reason }))}
      />
    </section>
  );
}

const intentionLead = (view: RequestView) => {
  const days = view.request.standstillDays;
  return `Every provider that offered is told the outcome and its own scores. The award waits for a standstill period of ${days} calendar ${days === 1 ? "day" : "days"}; you confirm it after that, and only then is the placement made.`;
};

/** The intention to award during its standstill: when it ends, confirming it after that, or withdrawing it with a reason. */
export function StandstillSection({ view, onChanged }: { view: RequestView; onChanged(view: RequestView, notice: string): void }) {
  const { award, request } = view;
  const confirm = useFormSubmit(async () =>
    sendOrErrors({}, async () => onChanged(await confirmAward(request.id), "You confirmed the award. The placement is made and every provider has been told.")),
  );
  if (!award) return null;
  return (
    <section aria-labelledby="standstill-heading">
      <h2 className="govuk-heading-m" id="standstill-heading">
        Intention to award: standstill
      </h2>
      <SummaryList
        rows={[
          { key: "Successful provider", value: award.successfulProviderName },
          { key: "Reasons for the award", value: award.reasons },
          { key: "Standstill ends", value: standstillEndInWords(award.standstillEndsAt) },
        ]}
      />
      <p className="govuk-body">Confirm the award once the standstill has ended. Confirming makes the placement and publishes the award as open data.</p>
      <Form form={confirm} onSubmit={(event) => confirm.submit(event)} submitLabel="Confirm the award" />
      <h3 className="govuk-heading-s">Withdraw the intention to award</h3>
      <TextForm
        id="award-withdraw-reason"
        field="reason"
        schema={AwardWithdrawSchema}
        label="Why are you withdrawing the intention to award?"
        hint="Every provider that offered reads this. The request goes back to you to award again."
        maxLength={1000}
        submitLabel="Withdraw the intention to award"
        warning
        send={async ({ reason }) =>
          onChanged(await withdrawIntention(request.id, reason), "You withdrew the intention to award. Every provider that offered has been told.")
        }
      />
    </section>
  );
}
