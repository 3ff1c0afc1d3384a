import { useState } from "react";
import {
  OFSTED_GRADE_LABELS,
  OFSTED_GRADES,
  PDS_RISKS,
  RESIDENTIAL_TYPE_LABELS,
  RESIDENTIAL_TYPES,
  SEND_ESTABLISHMENT_TYPES,
  SEX_ADMITTED,
  SEX_ADMITTED_LABELS,
  STAFFING_RATIOS,
  THERAPIES,
  THERAPY_LABELS,
} from "@shared/codes/directory";
import { LOTS } from "@shared/codes/lots";
import { CharacterCount } from "../../components/character-count";
import { Checkboxes } from "../../components/checkboxes";
import { DateInput } from "../../components/date-input";
import { Form } from "../../components/form";
import type { FormErrors } from "../../components/form-errors";
import { Radios } from "../../components/radios";
import { Select } from "../../components/select";
import { TextInput } from "../../components/text-input";
import { useFormSubmit } from "../../components/use-form-submit";
import { SETTING_FIELD_IDS as IDS, type SettingField, type SettingFormState } from "./setting-form-state";
import { SettingNeedsFieldset } from "./setting-needs-fieldset";

const LOT_OPTIONS = LOTS.map((lot) => ({ value: String(lot.number), label: `Lot ${lot.number}: ${lot.name}` }));
const TYPE_OPTIONS = [
  { value: "", label: "Not given" },
  ...Object.entries(SEND_ESTABLISHMENT_TYPES).map(([code, name]) => ({ value: code, label: `${name} (${code})` })),
];
const SEX_OPTIONS = SEX_ADMITTED.map((s) => ({ value: s, label: SEX_ADMITTED_LABELS[s] }));
const RESIDENTIAL_OPTIONS = RESIDENTIAL_TYPES.map((t) => ({ value: t, label: RESIDENTIAL_TYPE_LABELS[t] }));
const RISKS_TO_CHILD = PDS_RISKS.filter((r) => r.towards === "child").map((r) => ({ value: r.code, label: r.label }));
const RISKS_TO_OTHERS = PDS_RISKS.filter((r) => r.towards === "others").map((r) => ({ value: r.code, label: r.label }));
const THERAPY_OPTIONS = THERAPIES.map((t) => ({ value: t, label: THERAPY_LABELS[t] }));
const RATIO_OPTIONS = STAFFING_RATIOS.map((r) => ({ value: r, label: r }));
const OFSTED_OPTIONS = [
  { value: "none", label: "Not inspected yet, or not graded" },
  ...OFSTED_GRADES.map((g) => ({ value: String(g), label: `${g} – ${OFSTED_GRADE_LABELS[g]}` })),
];

interface SettingFormProps {
  initial: SettingFormState;
  /** The URN is asked for only when adding: it is the setting's identity in GIAS and Ofsted. */
  askUrn: boolean;
  submitLabel: string;
  /** Checks and saves; answers the problems to show, or nothing when it saved. */
  save(form: SettingFormState): Promise<FormErrors<SettingField> | undefined>;
  onErrorsChange(hasErrors: boolean): void;
}

/** One form in sections, as the provider's own records are laid out. */
export function SettingForm({ initial, askUrn, submitLabel, save, onErrorsChange }: SettingFormProps) {
  const [form, setForm] = useState(initial);
  const submission = useFormSubmit(save, onErrorsChange);
  const { errors } = submission;
  const set =
    <K extends keyof SettingFormState>(key: K) =>
    (value: SettingFormState[K]) =>
      setForm((f) => ({ ...f, [key]: value }));
  const error = (field: SettingField) => errors?.fields[field];

  return (
    <Form form={submission} onSubmit={(event) => submission.submit(event, form)} submitLabel={submitLabel}>
      <h2 className="govuk-heading-m">Details</h2>
      {askUrn ? (
        <TextInput
          id={IDS.urn}
          label="URN"
          hint="The 6-digit unique reference number from Get Information About Schools or Ofsted, like 105678"
          value={form.urn}
          onChange={set("urn")}
          error={error("urn")}
          widthClass="govuk-input--width-10"
          inputMode="numeric"
          spellCheck={false}
        />
      ) : null}
      <TextInput id={IDS.name} label="Name" value={form.name} onChange={set("name")} error={error("name")} autoComplete="organization" />
      <Select
        id={IDS.establishmentTypeCode}
        label="Type of establishment"
        hint="As Get Information About Schools records it"
        options={TYPE_OPTIONS}
        value={form.establishmentTypeCode}
        onChange={set("establishmentTypeCode")}
        error={error("establishmentTypeCode")}
      />
      <Checkboxes
        name={IDS.lotNumbers}
        legend="Framework lots"
        hint="The lots this setting is offered on. You can only be invited on lots you are admitted to."
        options={LOT_OPTIONS}
        values={form.lotNumbers}
        onChange={set("lotNumbers")}
        error={error("lotNumbers")}
        legendSize="s"
      />

      <h2 className="govuk-heading-m">Who it is for</h2>
      <TextInput
        id={IDS.ageLow}
        label="Youngest age"
        hint="In years, from 0 to 25"
        value={form.ageLow}
        onChange={set("ageLow")}
        error={error("ageLow")}
        widthClass="govuk-input--width-2"
        inputMode="numeric"
      />
      <TextInput
        id={IDS.ageHigh}
        label="Oldest age"
        value={form.ageHigh}
        onChange={set("ageHigh")}
        error={error("ageHigh")}
        widthClass="govuk-input--width-2"
        inputMode="numeric"
      />
      <Radios
        name={IDS.sexAdmitted}
        legend="Who does it admit?"
        options={SEX_OPTIONS}
        value={form.sexAdmitted}
        onChange={set("sexAdmitted")}
        error={error("sexAdmitted")}
      />
      <Checkboxes
        name={IDS.residentialTypes}
        legend="Day or residential"
        hint="Select all that apply"
        options={RESIDENTIAL_OPTIONS}
        values={form.residentialTypes}
        onChange={set("residentialTypes")}
        error={error("residentialTypes")}
      />

      <h2 className="govuk-heading-m">Capacity</h2>
      <TextInput
        id={IDS.registeredCapacity}
        label="Registered capacity"
        hint="The number of places the setting is registered for"
        value={form.registeredCapacity}
        onChange={set("registeredCapacity")}
        error={error("registeredCapacity")}
        widthClass="govuk-input--width-4"
        inputMode="numeric"
      />
      <TextInput
        id={IDS.vacancies}
        label="Vacancies now"
        value={form.vacancies}
        onChange={set("vacancies")}
        error={error("vacancies")}
        widthClass="govuk-input--width-4"
        inputMode="numeric"
      />

      <SettingNeedsFieldset needs={form.needs} onChange={set("needs")} error={error("needs")} />

      <h2 className="govuk-heading-m">Risks, therapies and staffing</h2>
      <Checkboxes
        name={IDS.risksManaged}
        legend="Risks to the child it can manage"
        hint="In the Placements Data Standard’s terms. Select all that apply."
        options={RISKS_TO_CHILD}
        values={form.risksManaged.filter((r) => RISKS_TO_CHILD.some((o) => o.value === r))}
        onChange={(v) => set("risksManaged")([...v, ...form.risksManaged.filter((r) => RISKS_TO_OTHERS.some((o) => o.value === r))])}
        error={error("risksManaged")}
        legendSize="s"
      />
      <Checkboxes
        name={`${IDS.risksManaged}-others`}
        legend="Risks to others or property it can manage"
        hint="Select all that apply"
        options={RISKS_TO_OTHERS}
        values={form.risksManaged.filter((r) => RISKS_TO_OTHERS.some((o) => o.value === r))}
        onChange={(v) => set("risksManaged")([...form.risksManaged.filter((r) => RISKS_TO_CHILD.some((o) => o.value === r)), ...v])}
        legendSize="s"
      />
      <Checkboxes
        name={IDS.therapies}
        legend="Therapies on site"
        hint="Select all that apply"
        options={THERAPY_OPTIONS}
        values={form.therapies}
        onChange={set("therapies")}
        error={error("therapies")}
        legendSize="s"
      />
      <Checkboxes
        name={IDS.staffingRatios}
        legend="Staffing ratios it can provide (adult:child)"
        hint="Select all that apply"
        options={RATIO_OPTIONS}
        values={form.staffingRatios}
        onChange={set("staffingRatios")}
        error={error("staffingRatios")}
        legendSize="s"
      />

      <h2 className="govuk-heading-m">Ofsted</h2>
      <Radios
        name={IDS.ofstedGrade}
        legend="Latest Ofsted grade"
        options={OFSTED_OPTIONS}
        value={form.ofstedGrade}
        onChange={set("ofstedGrade")}
        error={error("ofstedGrade")}
      />
      <DateInput
        id={IDS.ofstedInspectionDate}
        legend="Date of that inspection"
        hint="For example, 27 3 2025"
        value={form.ofstedInspectionDate}
        onChange={set("ofstedInspectionDate")}
        error={error("ofstedInspectionDate")}
      />

      <h2 className="govuk-heading-m">Address</h2>
      <p className="govuk-body">The setting’s business address. Commissioners search by its postcode district.</p>
      <TextInput
        id={IDS["address.line1"]}
        label="Address line 1"
        value={form.line1}
        onChange={set("line1")}
        error={error("address.line1")}
        autoComplete="address-line1"
      />
      <TextInput
        id={IDS["address.line2"]}
        label="Address line 2 (optional)"
        value={form.line2}
        onChange={set("line2")}
        error={error("address.line2")}
        autoComplete="address-line2"
      />
      <TextInput
        id={IDS["address.town"]}
        label="Town or city"
        value={form.town}
        onChange={set("town")}
        error={error("address.town")}
        widthClass="govuk-!-width-two-thirds"
        autoComplete="address-level2"
      />
      <TextInput
        id={IDS["address.postcode"]}
        label="Postcode"
        value={form.postcode}
        onChange={set("postcode")}
        error={error("address.postcode")}
        widthClass="govuk-input--width-10"
        autoComplete="postal-code"
      />

      <CharacterCount
        id={IDS.description}
        label="Description"
        hint="What the setting is like and who it suits, for commissioners and families"
        maxLength={5000}
        value={form.description}
        onChange={set("description")}
        error={error("description")}
      />
    </Form>
  );
}
