import { NEED_SUPPORT_LEVELS } from "../../../../shared/src/codes/directory";
import { NEEDS, type NeedCode } from "../../../../shared/src/codes/needs";
import { ErrorMessage } from "../../components/error-message";
import type { NeedChoice } from "./setting-form-state";

const CHOICES: { value: NeedChoice; label: string }[] = [
  { value: "none", label: "Not met here" },
  ...NEED_SUPPORT_LEVELS.map((level) => ({ value: level, label: level === "specialist" ? "Specialist" : "Supported" })),
];

interface SettingNeedsFieldsetProps {
  needs: Partial<Record<NeedCode, NeedChoice>>;
  onChange(needs: Partial<Record<NeedCode, NeedChoice>>): void;
  error: string | undefined;
}

/** Each SEN2 need with inline radios: not met, supported (can meet it) or specialist (designed around it). */
export function SettingNeedsFieldset({ needs, onChange, error }: SettingNeedsFieldsetProps) {
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={`setting-needs-hint${error ? " setting-needs-error" : ""}`}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
          <h2 className="govuk-fieldset__heading">Needs</h2>
        </legend>
        <div id="setting-needs-hint" className="govuk-hint">
          For each need type (SEN2), say whether the setting is a specialist in it (designed around it), supports it (can meet it
          alongside others), or does not meet it.
        </div>
        {error ? <ErrorMessage id="setting-needs-error">{error}</ErrorMessage> : null}
        {NEEDS.map((need) => (
          <div key={need.code} className="govuk-form-group govuk-!-margin-bottom-4">
            <fieldset className="govuk-fieldset">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
                {need.name} ({need.code})
              </legend>
              <div className="govuk-radios govuk-radios--small govuk-radios--inline">
                {CHOICES.map((choice, index) => {
                  const id = index === 0 ? `setting-needs-${need.code}` : `setting-needs-${need.code}-${choice.value}`;
                  return (
                    <div key={choice.value} className="govuk-radios__item">
                      <input
                        className="govuk-radios__input"
                        id={id}
                        name={`setting-needs-${need.code}`}
                        type="radio"
                        value={choice.value}
                        checked={(needs[need.code] ?? "none") === choice.value}
                        onChange={() => onChange({ ...needs, [need.code]: choice.value })}
                      />
                      <label className="govuk-label govuk-radios__label" htmlFor={id}>
                        {choice.label}
                      </label>
                    </div>
                  );
                })}
              </div>
            </fieldset>
          </div>
        ))}
      </fieldset>
    </div>
  );
}
