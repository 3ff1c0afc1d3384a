import { useState } from "react";
import { formatPence, penceToPoundsInput, poundsToPence } from "@shared/money";
import { type Framework, ProviderPricesUpdateSchema } from "@shared/schemas/framework";
import { type ProviderPrice, updatePrices } from "../../api/framework";
import { Form } from "../../components/form";
import { collectErrors, errorsFromApi } from "../../components/form-errors";
import { Table } from "../../components/table";
import { TextInput } from "../../components/text-input";
import { useFormSubmit } from "../../components/use-form-submit";

interface PricesFormProps {
  framework: Framework;
  admittedLots: number[];
  prices: ProviderPrice[];
  onSaved(): Promise<void>;
  onErrorsChange(hasErrors: boolean): void;
}

const COLUMNS = ["Band", { text: "Weekly ceiling", numeric: true }, "Your weekly price"];
const cellId = (lotNumber: number, band: string) => `price-${lotNumber}-${band}`;

/** A framework price per band on each admitted lot, never above the hub's ceiling. Blank bands are not offered. */
export function PricesForm({ framework, admittedLots, prices, onSaved, onErrorsChange }: PricesFormProps) {
  const lots = framework.lots.filter((lot) => admittedLots.includes(lot.number));
  const cells = lots.flatMap((lot) => lot.bands.map((band) => ({ lot, band, id: cellId(lot.number, band.band) })));
  const priceOf = (lotNumber: number, band: string) => prices.find((p) => p.lotNumber === lotNumber && p.band === band);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      cells.map((c) => {
        const price = priceOf(c.lot.number, c.band.band);
        return [c.id, price ? penceToPoundsInput(price.weeklyPricePence) : ""];
      }),
    ),
  );
  const fieldIds = Object.fromEntries(cells.map((c) => [c.id, c.id]));
  const form = useFormSubmit(async () => {
    const issues: { field: string; message: string }[] = [];
    const sent: { id: string; lotNumber: number; band: string; weeklyPricePence: number }[] = [];
    for (const c of cells) {
      const text = values[c.id]?.trim() ?? "";
      if (text === "") continue;
      const pence = poundsToPence(text);
      const where = `lot ${c.lot.number} band ${c.band.band}`;
      if (pence === undefined) issues.push({ field: c.id, message: `Enter the weekly price for ${where} in pounds, like 1250.00` });
      else if (pence > c.band.weeklyCeilingPence)
        issues.push({ field: c.id, message: `The price for ${where} must be ${formatPence(c.band.weeklyCeilingPence)} or less` });
      else sent.push({ id: c.id, lotNumber: c.lot.number, band: c.band.band, weeklyPricePence: pence });
    }
    if (issues.length > 0) return collectErrors(fieldIds, issues);
    const parsed = ProviderPricesUpdateSchema.safeParse({
      prices: sent.map(({ lotNumber, band, weeklyPricePence }) => ({ lotNumber, band, weeklyPricePence })),
    });
    if (!parsed.success)
      return collectErrors(
        fieldIds,
        parsed.error.issues.map((i) => ({ field: sent[Number(i.path[1])]?.id ?? "", message: i.message })),
      );
    try {
      await updatePrices(framework.id, parsed.data);
      await onSaved();
      return undefined;
    } catch (error) {
      // "prices.3.weeklyPricePence" is the fourth price sent.
      return errorsFromApi(Object.fromEntries(sent.map((s, i) => [`prices.${i}`, s.id])), error);
    }
  }, onErrorsChange);

  if (lots.length === 0) {
    return <p className="govuk-body">Once the hub admits you to a lot, you can set your prices for it here.</p>;
  }
  return (
    <Form form={form} onSubmit={(event) => form.submit(event)} submitLabel="Save prices">
      {lots.map((lot) => (
        <Table
          key={lot.id}
          caption={`Lot ${lot.number}: ${lot.name}`}
          columns={COLUMNS}
          rows={lot.bands.map((band) => {
            const id = cellId(lot.number, band.band);
            return {
              key: band.band,
              header: (
                <>
                  {band.band}
                  <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{band.description}</span>
                </>
              ),
              cells: [
                formatPence(band.weeklyCeilingPence),
                <TextInput
                  id={id}
                  label={`Weekly price for lot ${lot.number} band ${band.band}, in pounds`}
                  hideLabel
                  prefix="£"
                  groupClass="govuk-!-margin-bottom-0"
                  widthClass="govuk-input--width-10"
                  inputMode="decimal"
                  spellCheck={false}
                  value={values[id] ?? ""}
                  onChange={(value) => setValues((v) => ({ ...v, [id]: value }))}
                  error={form.errors?.fields[id]}
                />,
              ],
            };
          })}
        />
      ))}
    </Form>
  );
}
