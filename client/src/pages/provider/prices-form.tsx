import { useState, type FormEvent } from "react";
import { ProviderPricesUpdateSchema, type Framework } from "../../../../shared/src/schemas/framework";
import { updatePrices, type ProviderPrice } from "../../api/framework";
import { ErrorMessage } from "../../components/error-message";
import { ErrorSummary } from "../../components/error-summary";
import { collectErrors, errorsFromApi, type FormErrors } from "../../components/form-errors";
import { formatPence, penceToPoundsInput, poundsToPence } from "../../../../shared/src/money";

interface PricesFormProps {
  framework: Framework;
  admittedLots: number[];
  prices: ProviderPrice[];
  onSaved(): Promise<void>;
  onErrorsChange(hasErrors: boolean): void;
}

const cellId = (lotNumber: number, band: string) => `price-${lotNumber}-${band}`;

/** A framework price per band on each admitted lot, never above the hub's ceiling. Blank bands are not offered. */
export function PricesForm({ framework, admittedLots, prices, onSaved, onErrorsChange }: PricesFormProps) {
  const lots = framework.lots.filter((lot) => admittedLots.includes(lot.number));
  const cells = lots.flatMap((lot) => lot.bands.map((band) => ({ lot, band, id: cellId(lot.number, band.band) })));
  const priceOf = (lotNumber: number, band: string) => prices.find((p) => p.lotNumber === lotNumber && p.band === band);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(cells.map((c) => {
      const price = priceOf(c.lot.number, c.band.band);
      return [c.id, price ? penceToPoundsInput(price.weeklyPricePence) : ""];
    })),
  );
  const [errors, setErrors] = useState<FormErrors<string>>();
  const [attempt, setAttempt] = useState(0);
  const [sending, setSending] = useState(false);
  const fieldIds = Object.fromEntries(cells.map((c) => [c.id, c.id]));

  function fail(next: FormErrors<string> | undefined) {
    setErrors(next);
    onErrorsChange(Boolean(next));
    if (next) setAttempt((n) => n + 1);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    const issues: { field: string; message: string }[] = [];
    const sent: { id: string; lotNumber: number; band: string; weeklyPricePence: number }[] = [];
    for (const c of cells) {
      const text = values[c.id]?.trim() ?? "";
      if (text === "") continue;
      const pence = poundsToPence(text);
      const where = `lot ${c.lot.number} band ${c.band.band}`;
      if (pence === undefined) issues.push({ field: c.id, message: `Enter the weekly price for ${where} in pounds, like 1250.00` });
      else if (pence > c.band.weeklyCeilingPence) issues.push({ field: c.id, message: `The price for ${where} must be ${formatPence(c.band.weeklyCeilingPence)} or less` });
      else sent.push({ id: c.id, lotNumber: c.lot.number, band: c.band.band, weeklyPricePence: pence });
    }
    if (issues.length > 0) return fail(collectErrors(fieldIds, issues));
    const parsed = ProviderPricesUpdateSchema.safeParse({ prices: sent.map(({ lotNumber, band, weeklyPricePence }) => ({ lotNumber, band, weeklyPricePence })) });
    if (!parsed.success) return fail(collectErrors(fieldIds, parsed.error.issues.map((i) => ({ field: sent[Number(i.path[1])]?.id ?? "", message: i.message }))));
    setSending(true);
    try {
      await updatePrices(framework.id, parsed.data);
      fail(undefined);
      await onSaved();
    } catch (error) {
      // "prices.3.weeklyPricePence" is the fourth price sent.
      const mapped = errorsFromApi(Object.fromEntries(sent.map((s, i) => [`prices.${i}`, s.id])), error);
      fail(mapped);
    } finally {
      setSending(false);
    }
  }

  if (lots.length === 0) {
    return <p className="govuk-body">Once the hub admits you to a lot, you can set your prices for it here.</p>;
  }
  return (
    <>
      {errors ? <ErrorSummary key={attempt} errors={errors.summary} /> : null}
      <form noValidate onSubmit={handleSubmit}>
        {lots.map((lot) => (
          <table key={lot.id} className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">
              Lot {lot.number}: {lot.name}
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Band</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Weekly ceiling</th>
                <th scope="col" className="govuk-table__header">Your weekly price</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {lot.bands.map((band) => {
                const id = cellId(lot.number, band.band);
                const error = errors?.fields[id];
                return (
                  <tr key={band.band} className="govuk-table__row">
                    <th scope="row" className="govuk-table__header">
                      {band.band}
                      <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{band.description}</span>
                    </th>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{formatPence(band.weeklyCeilingPence)}</td>
                    <td className="govuk-table__cell">
                      <div className={`govuk-form-group govuk-!-margin-bottom-0${error ? " govuk-form-group--error" : ""}`}>
                        <label className="govuk-label govuk-visually-hidden" htmlFor={id}>
                          Weekly price for lot {lot.number} band {band.band}, in pounds
                        </label>
                        {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
                        <div className="govuk-input__wrapper">
                          <div className="govuk-input__prefix" aria-hidden="true">
                            £
                          </div>
                          <input
                            className={`govuk-input govuk-input--width-10${error ? " govuk-input--error" : ""}`}
                            id={id}
                            name={id}
                            type="text"
                            inputMode="decimal"
                            spellCheck={false}
                            value={values[id] ?? ""}
                            onChange={(event) => setValues((v) => ({ ...v, [id]: event.target.value }))}
                            aria-describedby={error ? `${id}-error` : undefined}
                          />
                        </div>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ))}
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={sending}>
          Save prices
        </button>
      </form>
    </>
  );
}
