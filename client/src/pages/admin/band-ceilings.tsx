import { useState } from "react";
import { DomainErrorCode, type PriceAboveCeiling } from "@shared/errors";
import { formatPence, penceToPoundsInput, poundsToPence } from "@shared/money";
import { BandCeilingUpdateSchema, type Framework } from "@shared/schemas/framework";
import { updateBandCeiling } from "../../api/framework";
import { ApiRequestError } from "../../api/http";
import { Form } from "../../components/form";
import { collectErrors, errorsFromApi, errorsFromZod } from "../../components/form-errors";
import { Table } from "../../components/table";
import { TextInput } from "../../components/text-input";
import { useFormSubmit } from "../../components/use-form-submit";
import { WarningText } from "../../components/warning-text";

interface Editing {
  lotNumber: number;
  band: string;
  ceilingPence: number;
}

const FIELD_IDS = { weeklyCeilingPence: "ceiling-pounds" } as const;
const COLUMNS = ["Band", "Intensity", { text: "Weekly ceiling", numeric: true }, { text: "Action", hidden: true }];

/** Each lot's weekly ceiling per band. Providers' prices and offers are checked against them. */
export function BandCeilings({ framework, onChanged }: { framework: Framework; onChanged(message: string): Promise<void> }) {
  const [editing, setEditing] = useState<Editing>();
  return (
    <section aria-labelledby="ceilings-heading">
      <h2 className="govuk-heading-m" id="ceilings-heading">
        Lots and price band ceilings
      </h2>
      {editing ? (
        <CeilingForm
          framework={framework}
          editing={editing}
          onCancel={() => setEditing(undefined)}
          onSaved={async (message) => {
            await onChanged(message);
            setEditing(undefined);
          }}
        />
      ) : null}
      {framework.lots.map((lot) => (
        <Table
          key={lot.id}
          caption={`Lot ${lot.number}: ${lot.name}`}
          columns={COLUMNS}
          rows={lot.bands.map((band) => ({
            key: band.band,
            header: band.band,
            cells: [
              band.description,
              formatPence(band.weeklyCeilingPence),
              <button
                type="button"
                className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                data-module="govuk-button"
                onClick={() => setEditing({ lotNumber: lot.number, band: band.band, ceilingPence: band.weeklyCeilingPence })}
              >
                Change
                <span className="govuk-visually-hidden">
                  {" "}
                  the ceiling for lot {lot.number} band {band.band}
                </span>
              </button>,
            ],
          }))}
        />
      ))}
    </section>
  );
}

function CeilingForm({
  framework,
  editing,
  onCancel,
  onSaved,
}: {
  framework: Framework;
  editing: Editing;
  onCancel(): void;
  onSaved(message: string): Promise<void>;
}) {
  const [pounds, setPounds] = useState(penceToPoundsInput(editing.ceilingPence));
  // The prices above the ceiling the server warned of, for the ceiling it warned about: saving
  // that same ceiling again confirms it; changing the ceiling asks again.
  const [warning, setWarning] = useState<{ pence: number; prices: PriceAboveCeiling[] }>();
  const form = useFormSubmit(async () => {
    const pence = poundsToPence(pounds);
    if (pence === undefined) return collectErrors(FIELD_IDS, [{ field: "weeklyCeilingPence", message: "Enter the weekly ceiling in pounds, like 2500.00" }]);
    const parsed = BandCeilingUpdateSchema.safeParse({ weeklyCeilingPence: pence });
    if (!parsed.success) return errorsFromZod(FIELD_IDS, parsed.error);
    const ceiling = parsed.data.weeklyCeilingPence;
    try {
      await updateBandCeiling(framework.id, editing.lotNumber, editing.band, ceiling, warning?.pence === ceiling);
    } catch (error) {
      const prices =
        error instanceof ApiRequestError && error.error.reason === DomainErrorCode.ConfirmationRequired ? error.error.pricesAboveCeiling : undefined;
      if (prices) {
        setWarning({ pence: ceiling, prices });
        return undefined;
      }
      return errorsFromApi(FIELD_IDS, error);
    }
    await onSaved(`The ceiling for lot ${editing.lotNumber} band ${editing.band} is now ${formatPence(ceiling)} a week`);
    return undefined;
  });
  const warned = warning && warning.pence === poundsToPence(pounds) ? warning : undefined;

  return (
    <div className="govuk-!-margin-bottom-6">
      <Form form={form} onSubmit={(event) => form.submit(event)} submitLabel={warned ? "Confirm and save ceiling" : "Save ceiling"} onCancel={onCancel}>
        <TextInput
          id={FIELD_IDS.weeklyCeilingPence}
          label={`Weekly ceiling for lot ${editing.lotNumber} band ${editing.band}, in pounds`}
          labelSize="s"
          hint="Providers’ prices above it will need a justification on each offer"
          value={pounds}
          onChange={setPounds}
          error={form.errors?.fields.weeklyCeilingPence}
          widthClass="govuk-input--width-10"
          inputMode="decimal"
        />
        {warned ? <PricesAboveWarning ceilingPence={warned.pence} prices={warned.prices} /> : null}
      </Form>
    </div>
  );
}

const PRICE_COLUMNS = ["Provider", "Lot", "Band", { text: "Current weekly price", numeric: true }];

/** Whom a lower ceiling affects, before it is saved: GOV.UK warning text and the list. */
function PricesAboveWarning({ ceilingPence, prices }: { ceilingPence: number; prices: PriceAboveCeiling[] }) {
  const count = prices.length === 1 ? "1 provider’s current price is" : `${prices.length} providers’ current prices are`;
  return (
    <>
      <WarningText>
        {count} above {formatPence(ceilingPence)}. Their prices stay as they are, but their offers above the ceiling will need a justification. They will be
        told when you save.
      </WarningText>
      <Table
        caption="Prices above the new ceiling"
        columns={PRICE_COLUMNS}
        rows={prices.map((price) => ({
          key: `${price.organisationName}-${price.lotNumber}-${price.band}`,
          header: price.organisationName,
          cells: [String(price.lotNumber), price.band, formatPence(price.weeklyPricePence)],
        }))}
      />
    </>
  );
}
