import { formatPence } from "@shared/money";
import { CharacterCount } from "../../components/character-count";
import { TextInput } from "../../components/text-input";
import { FEE_PARTS, type FeeForm, feeTotalPence, needsJustification } from "./offer-form-state";

interface FeeFieldsProps {
  prefix: string;
  legend: string;
  fee: FeeForm;
  onFee(fee: FeeForm): void;
  ceilingPence: number | null;
  justification: string;
  onJustification(text: string): void;
  errors: Partial<Record<string, string>>;
}

/**
 * The weekly fee in its parts, in pounds, with the running total. Above the band's ceiling the
 * framework asks for a justification, so the field appears, required, as soon as the total passes it.
 */
export function FeeFields({ prefix, legend, fee, onFee, ceilingPence, justification, onJustification, errors }: FeeFieldsProps) {
  const total = feeTotalPence(fee);
  const above = needsJustification(fee, ceilingPence);
  return (
    <>
      <div className="govuk-form-group">
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{legend}</legend>
          <div className="govuk-hint">In pounds a week. {ceilingPence !== null ? `The band’s ceiling is ${formatPence(ceilingPence)} a week.` : ""}</div>
          {FEE_PARTS.map((part) => (
            <TextInput
              key={part.key}
              id={`${prefix}-${part.key}`}
              label={`${part.label} (£ a week)`}
              value={fee[part.key]}
              onChange={(value) => onFee({ ...fee, [part.key]: value })}
              inputMode="decimal"
              widthClass="govuk-input--width-10"
              error={errors[`fee.${part.pence}`]}
            />
          ))}
          <p className="govuk-body govuk-!-font-weight-bold" aria-live="polite">
            Total: {formatPence(total)} a week{above ? ", above the band’s ceiling" : ""}
          </p>
        </fieldset>
      </div>
      {above ? (
        <CharacterCount
          id={`${prefix}-justification`}
          label="Why the fee is above the band’s ceiling"
          hint="Required: the council reads this with your offer."
          maxLength={4000}
          value={justification}
          onChange={onJustification}
          error={errors.justification}
        />
      ) : null}
    </>
  );
}
