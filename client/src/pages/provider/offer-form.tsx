import { useState } from "react";
import type { Offer, OfferReceipt, RequestSummary } from "@shared/schemas/placement-requests";
import { useIdempotencyKey } from "../../api/idempotency-key";
import { submitOffer } from "../../api/placement-requests";
import { CharacterCount } from "../../components/character-count";
import { DateInput } from "../../components/date-input";
import { Form } from "../../components/form";
import { errorsFromApi } from "../../components/form-errors";
import { useFormSubmit } from "../../components/use-form-submit";
import { FeeFields } from "./fee-fields";
import { checkOfferForm, offerFieldIds, offerFormFrom, type OfferFormState } from "./offer-form-state";

interface OfferFormProps {
  request: RequestSummary;
  settingId: string;
  /** Unique on the page: every field's id starts with it. */
  prefix: string;
  /** The offer to revise (its current version fills the form); none for a first offer. */
  offer: Offer | undefined;
  onSent(receipt: OfferReceipt): void;
}

/** An offer, or a new version of one, until the deadline. */
export function OfferForm({ request, settingId, prefix, offer, onSent }: OfferFormProps) {
  const [form, setForm] = useState<OfferFormState>(() => offerFormFrom(offer?.status === "active" ? offer.current : undefined));
  const key = useIdempotencyKey();
  const change = (patch: Partial<OfferFormState>) => {
    key.reset();
    setForm((current) => ({ ...current, ...patch }));
  };
  const submission = useFormSubmit(async (state: OfferFormState) => {
    const checked = checkOfferForm(settingId, state, request.criteria, request.bandCeilingPence, prefix);
    if ("problems" in checked) return checked.problems;
    try {
      const receipt = await submitOffer(request.id, checked.data, key.forSubmission());
      key.reset();
      onSent(receipt);
      return undefined;
    } catch (error) {
      return errorsFromApi(offerFieldIds(prefix, request.criteria), error);
    }
  });
  const { errors } = submission;
  const fields = errors?.fields ?? {};
  const revising = offer?.status === "active";

  return (
    <Form form={submission} onSubmit={(event) => submission.submit(event, form)} submitLabel={revising ? "Send revised offer" : "Send offer"}>
      <FeeFields
        prefix={prefix}
        legend="Weekly fee"
        fee={form.fee}
        onFee={(fee) => change({ fee })}
        ceilingPence={request.bandCeilingPence}
        justification={form.justification}
        onJustification={(justification) => change({ justification })}
        errors={fields}
      />
      <DateInput
        id={`${prefix}-start`}
        legend="Start date"
        hint="The first day the placement could start. For example, 27 3 2026"
        value={form.startDate}
        onChange={(startDate) => change({ startDate })}
        error={fields.startDate}
        legendSize="m"
      />
      {request.criteria.map((c) => (
        <CharacterCount
          key={c.id}
          id={`${prefix}-criterion-${c.id}`}
          label={c.label}
          hint="How your offer meets this. The council scores it 0 to 5."
          maxLength={4000}
          value={form.criteria[c.id] ?? ""}
          onChange={(text) => change({ criteria: { ...form.criteria, [c.id]: text } })}
          error={fields[`criteria.${c.id}`]}
        />
      ))}
      <CharacterCount
        id={`${prefix}-notes`}
        label="Notes (optional)"
        maxLength={4000}
        value={form.notes}
        onChange={(notes) => change({ notes })}
        error={fields.notes}
      />
    </Form>
  );
}
