import { useState } from "react";
import type { RequestView } from "@shared/schemas/placement-requests";
import { startPriceRound } from "../../api/placement-requests";
import { DateTimeInput, type DateTimeParts, EMPTY_DATE_TIME, momentFromLondon } from "../../components/date-time-input";
import { Form } from "../../components/form";
import { collectErrors, sendOrErrors } from "../../components/form-errors";
import { useFormSubmit } from "../../components/use-form-submit";

const FIELD_IDS = { closesAt: "price-round-closes" };

/** Ranked mode: a price-only round in which each provider sees its own rank and may lower its fee. */
export function PriceRoundForm({ requestId, onStarted }: { requestId: string; onStarted(view: RequestView): void }) {
  const [closes, setCloses] = useState<DateTimeParts>(EMPTY_DATE_TIME);
  const form = useFormSubmit(async (parts: DateTimeParts) => {
    const closesAt = momentFromLondon(parts);
    if (!closesAt)
      return collectErrors(FIELD_IDS, [
        { field: "closesAt", message: "Enter when the price round closes as a real date and a time, like 27 3 2026 and 14 30" },
      ]);
    return sendOrErrors(
      FIELD_IDS,
      async () => {
        onStarted(await startPriceRound(requestId, closesAt));
      },
      "closesAt",
    );
  });
  const { errors } = form;
  return (
    <section aria-labelledby="price-round-heading">
      <h2 className="govuk-heading-m" id="price-round-heading">
        Start a price round
      </h2>
      <p className="govuk-body">
        Each provider is told its offer’s rank, never anyone else’s price, and may only lower its weekly fee until the round closes. The evaluation is worked
        out again after it.
      </p>
      <Form form={form} onSubmit={(event) => form.submit(event, closes)} submitLabel="Start price round" secondary>
        <DateTimeInput
          id={FIELD_IDS.closesAt}
          legend="When the price round closes"
          hint="UK time, 24-hour clock."
          value={closes}
          onChange={setCloses}
          error={errors?.fields.closesAt}
        />
      </Form>
    </section>
  );
}
