import { useState } from "react";
import { formatPence } from "@shared/money";
import type { Offer, OfferReceipt, RequestSummary } from "@shared/schemas/placement-requests";
import { useIdempotencyKey } from "../../api/idempotency-key";
import { revisePrice } from "../../api/placement-requests";
import { Form } from "../../components/form";
import { errorsFromApi } from "../../components/form-errors";
import { useFormSubmit } from "../../components/use-form-submit";
import { FeeFields } from "./fee-fields";
import { checkPriceRevision, feeFieldIds, type FeeForm, feeFormFrom } from "./offer-form-state";

interface PriceRevisionFormProps {
  request: RequestSummary;
  offer: Offer;
  prefix: string;
  rank: { rank: number; of: number } | undefined;
  onSent(receipt: OfferReceipt): void;
}

/** Ranked mode's price round: this offer's rank (never anyone else's price) and a lower fee. */
export function PriceRevisionForm({ request, offer, prefix, rank, onSent }: PriceRevisionFormProps) {
  const [fee, setFee] = useState<FeeForm>(() => feeFormFrom(offer.current.fee));
  const [justification, setJustification] = useState(offer.current.justification ?? "");
  const key = useIdempotencyKey();
  const form = useFormSubmit(async (state: { fee: FeeForm; justification: string }) => {
    const checked = checkPriceRevision(state.fee, state.justification, request.bandCeilingPence, prefix);
    if ("problems" in checked) return checked.problems;
    try {
      const receipt = await revisePrice(request.id, offer.id, checked.data, key.forSubmission());
      key.reset();
      onSent(receipt);
      return undefined;
    } catch (error) {
      return errorsFromApi({ ...feeFieldIds(prefix), justification: `${prefix}-justification` }, error);
    }
  });
  const { errors } = form;
  return (
    <section aria-labelledby={`${prefix}-price-round-heading`}>
      <h3 className="govuk-heading-m" id={`${prefix}-price-round-heading`}>
        Price round
      </h3>
      <p className="govuk-body-l" aria-live="polite">
        {rank ? `Your offer is ranked ${rank.rank} of ${rank.of}.` : "Your rank is being worked out."}
      </p>
      <p className="govuk-body">
        Your current weekly fee is {formatPence(offer.current.weeklyFeePence)}. You may only lower it; you never see another provider’s price.
      </p>
      <Form form={form} onSubmit={(event) => form.submit(event, { fee, justification })} submitLabel="Send lower price">
        <FeeFields
          prefix={prefix}
          legend="Your lower weekly fee"
          fee={fee}
          onFee={(next) => {
            key.reset();
            setFee(next);
          }}
          ceilingPence={request.bandCeilingPence}
          justification={justification}
          onJustification={(text) => {
            key.reset();
            setJustification(text);
          }}
          errors={errors?.fields ?? {}}
        />
      </Form>
    </section>
  );
}
