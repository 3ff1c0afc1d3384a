import { useState, type FormEvent } from "react";
import { BandCeilingUpdateSchema, type Framework } from "../../../../shared/src/schemas/framework";
import { updateBandCeiling } from "../../api/framework";
import { ErrorSummary } from "../../components/error-summary";
import { errorsFromApi, errorsFromZod, type FormErrors } from "../../components/form-errors";
import { formatPence, penceToPoundsInput, poundsToPence } from "../../../../shared/src/money";
import { TextInput } from "../../components/text-input";

interface Editing {
  lotNumber: number;
  band: string;
  ceilingPence: number;
}

const FIELD_IDS = { weeklyCeilingPence: "ceiling-pounds" } as const;

/** Each lot's weekly ceiling per band. Providers' prices and offers are checked against them. */
export function BandCeilings({ framework, onChanged }: { framework: Framework; onChanged(message: string): Promise<void> }) {
  const [editing, setEditing] = useState<Editing>();
  return (
    <section aria-labelledby="ceilings-heading">
      <h2 className="govuk-heading-m" id="ceilings-heading">
        Lots and price band ceilings
      </h2>
      {editing ? <CeilingForm framework={framework} editing={editing} onCancel={() => setEditing(undefined)} onSaved={async (message) => { await onChanged(message); setEditing(undefined); }} /> : null}
      {framework.lots.map((lot) => (
        <table key={lot.id} className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">
            Lot {lot.number}: {lot.name}
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Band</th>
              <th scope="col" className="govuk-table__header">Intensity</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Weekly ceiling</th>
              <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Action</span></th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {lot.bands.map((band) => (
              <tr key={band.band} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">{band.band}</th>
                <td className="govuk-table__cell">{band.description}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{formatPence(band.weeklyCeilingPence)}</td>
                <td className="govuk-table__cell">
                  <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button" onClick={() => setEditing({ lotNumber: lot.number, band: band.band, ceilingPence: band.weeklyCeilingPence })}>
                    Change<span className="govuk-visually-hidden"> the ceiling for lot {lot.number} band {band.band}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}

function CeilingForm({ framework, editing, onCancel, onSaved }: { framework: Framework; editing: Editing; onCancel(): void; onSaved(message: string): Promise<void> }) {
  const [pounds, setPounds] = useState(penceToPoundsInput(editing.ceilingPence));
  const [errors, setErrors] = useState<FormErrors<"weeklyCeilingPence">>();
  const [attempt, setAttempt] = useState(0);
  const fail = (next: FormErrors<"weeklyCeilingPence">) => {
    setErrors(next);
    setAttempt((n) => n + 1);
  };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const pence = poundsToPence(pounds);
    if (pence === undefined) return fail({ fields: { weeklyCeilingPence: "Enter the weekly ceiling in pounds, like 2500.00" }, summary: [{ text: "Enter the weekly ceiling in pounds, like 2500.00", fieldId: FIELD_IDS.weeklyCeilingPence }] });
    const parsed = BandCeilingUpdateSchema.safeParse({ weeklyCeilingPence: pence });
    if (!parsed.success) return fail(errorsFromZod(FIELD_IDS, parsed.error));
    try {
      await updateBandCeiling(framework.id, editing.lotNumber, editing.band, parsed.data.weeklyCeilingPence);
      await onSaved(`The ceiling for lot ${editing.lotNumber} band ${editing.band} is now ${formatPence(parsed.data.weeklyCeilingPence)} a week`);
    } catch (error) {
      fail(errorsFromApi(FIELD_IDS, error));
    }
  }

  return (
    <div className="govuk-!-margin-bottom-6">
      {errors ? <ErrorSummary key={attempt} errors={errors.summary} /> : null}
      <form noValidate onSubmit={handleSubmit}>
        <TextInput id={FIELD_IDS.weeklyCeilingPence} label={`Weekly ceiling for lot ${editing.lotNumber} band ${editing.band}, in pounds`} labelSize="s" hint="Providers’ prices above it will need a justification on each offer" value={pounds} onChange={setPounds} error={errors?.fields.weeklyCeilingPence} widthClass="govuk-input--width-10" inputMode="decimal" />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button">Save ceiling</button>
          <button type="button" className="govuk-button govuk-button--secondary" data-module="govuk-button" onClick={onCancel}>Cancel</button>
        </div>
      </form>
    </div>
  );
}
