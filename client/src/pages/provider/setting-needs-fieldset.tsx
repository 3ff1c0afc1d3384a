import { NEED_SUPPORT_LEVELS } from "@shared/codes/directory";
import { type NeedCode, NEEDS } from "@shared/codes/needs";
import { RadioGrid } from "../../components/radio-grid";
import type { NeedChoice } from "./setting-form-state";

const CHOICES: { value: NeedChoice; label: string }[] = [
  { value: "none", label: "Not met here" },
  ...NEED_SUPPORT_LEVELS.map((level) => ({ value: level, label: level === "specialist" ? "Specialist" : "Supported" })),
];
const ROWS = NEEDS.map((need) => ({ key: need.code, label: `${need.name} (${need.code})` }));

interface SettingNeedsFieldsetProps {
  needs: Partial<Record<NeedCode, NeedChoice>>;
  onChange(needs: Partial<Record<NeedCode, NeedChoice>>): void;
  error: string | undefined;
}

/** Each SEN2 need with inline radios: not met, supported (can meet it) or specialist (designed around it). */
export function SettingNeedsFieldset({ needs, onChange, error }: SettingNeedsFieldsetProps) {
  return (
    <RadioGrid
      id="setting-needs"
      legend={<h2 className="govuk-fieldset__heading">Needs</h2>}
      hint="For each need type (SEN2), say whether the setting is a specialist in it (designed around it), supports it (can meet it alongside others), or does not meet it."
      rows={ROWS}
      options={CHOICES}
      values={needs}
      onChange={(code, choice) => onChange({ ...needs, [code]: choice })}
      error={error}
    />
  );
}
