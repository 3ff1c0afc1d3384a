import { useState } from "react";
import { formatPence, poundsToPence } from "@shared/money";
import { FeeChangeInputSchema, type PlacementFee } from "@shared/schemas/payments";
import { changePlacementFee, usePlacementFees } from "../../api/payments";
import { CharacterCount, PERSONAL_DATA_HINT } from "../../components/character-count";
import { DateInput, EMPTY_DATE, isoDateFrom } from "../../components/date-input";
import { Details } from "../../components/details";
import { Form } from "../../components/form";
import { collectErrors, sendOrErrors } from "../../components/form-errors";
import { SuccessBanner } from "../../components/notification-banner";
import { QueryView } from "../../components/query-view";
import { Table } from "../../components/table";
import { TextInput } from "../../components/text-input";
import { useFormSubmit } from "../../components/use-form-submit";
import { formatDate } from "../../lib/format-date";

const FIELD_IDS = { effectiveFrom: "fee-effective-from", weeklyFeePence: "fee-weekly", reason: "fee-reason" } as const;

/** A placement's weekly fee from each date it changed; the council changes it, and invoiced periods are corrected. */
export function PlacementFeesSection({ placementId, canChange }: { placementId: string; canChange: boolean }) {
  const fees = usePlacementFees(placementId);
  const [notice, setNotice] = useState<{ text: string; n: number }>();
  return (
    <section aria-labelledby="weekly-fee-heading">
      <h2 className="govuk-heading-m" id="weekly-fee-heading">
        Weekly fee
      </h2>
      {notice ? <SuccessBanner key={notice.n} title={notice.text} /> : null}
      <QueryView query={fees} what="the weekly fee" loading="the weekly fee">
        {(list) => <FeeHistory fees={list} />}
      </QueryView>
      {canChange ? (
        <Details summary="Change the fee">
          <FeeChangeForm
            placementId={placementId}
            onChanged={async (text) => {
              await fees.reload();
              setNotice((prev) => ({ text, n: (prev?.n ?? 0) + 1 }));
            }}
          />
        </Details>
      ) : null}
    </section>
  );
}

function FeeHistory({ fees }: { fees: PlacementFee[] }) {
  return (
    <Table
      caption="The weekly fee from each date it changed"
      captionSize="hidden"
      columns={["From", { text: "Weekly fee", numeric: true }, "Why it changed"]}
      rows={fees.map((fee) => ({
        key: fee.effectiveFrom,
        header: formatDate(fee.effectiveFrom),
        cells: [formatPence(fee.weeklyFeePence), fee.reason ?? "The fee agreed at the award"],
      }))}
      empty="No fee recorded."
    />
  );
}

function FeeChangeForm({ placementId, onChanged }: { placementId: string; onChanged(message: string): Promise<void> }) {
  const [effectiveFrom, setEffectiveFrom] = useState(EMPTY_DATE);
  const [pounds, setPounds] = useState("");
  const [reason, setReason] = useState("");
  const form = useFormSubmit(async () => {
    const pence = pounds.trim() === "" ? undefined : (poundsToPence(pounds) ?? pounds);
    const parsed = FeeChangeInputSchema.safeParse({ effectiveFrom: isoDateFrom(effectiveFrom) ?? undefined, weeklyFeePence: pence, reason });
    if (!parsed.success) {
      // The schema speaks of pence; the form asks for pounds.
      return collectErrors(
        FIELD_IDS,
        parsed.error.issues.map((issue) => {
          const field = issue.path.map(String).join(".");
          const inPounds = field === "weeklyFeePence" && (pence === undefined || typeof pence === "string");
          return { field, message: inPounds ? "Enter the new weekly fee in pounds, like 1250.00" : issue.message };
        }),
      );
    }
    return sendOrErrors(FIELD_IDS, async () => {
      await changePlacementFee(placementId, parsed.data);
      setEffectiveFrom(EMPTY_DATE);
      setPounds("");
      setReason("");
      await onChanged(`The weekly fee is ${formatPence(parsed.data.weeklyFeePence)} from ${formatDate(parsed.data.effectiveFrom)}`);
    });
  });
  return (
    <Form form={form} onSubmit={(event) => form.submit(event)} submitLabel="Change the fee">
      <DateInput
        id={FIELD_IDS.effectiveFrom}
        legend="New fee starts on"
        hint="Within the placement. Periods already invoiced are corrected: a credit note or an extra line for the difference. For example, 1 5 2026"
        value={effectiveFrom}
        onChange={setEffectiveFrom}
        error={form.errors?.fields.effectiveFrom}
      />
      <TextInput
        id={FIELD_IDS.weeklyFeePence}
        label="New weekly fee, in pounds"
        labelSize="s"
        value={pounds}
        onChange={setPounds}
        error={form.errors?.fields.weeklyFeePence}
        widthClass="govuk-input--width-10"
        inputMode="decimal"
        prefix="£"
      />
      <CharacterCount
        id={FIELD_IDS.reason}
        label="Why the fee changes"
        hint={PERSONAL_DATA_HINT}
        maxLength={500}
        value={reason}
        onChange={setReason}
        error={form.errors?.fields.reason}
      />
    </Form>
  );
}
