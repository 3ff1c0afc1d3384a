import { CharacterCount } from "../../components/character-count";
import { Checkboxes } from "../../components/checkboxes";
import { Radios } from "../../components/radios";
import { Select } from "../../components/select";
import { CHILD_FIELD_IDS as IDS, type ChildSectionProps } from "./child-form-state";
import { EHC_OPTIONS, NEED_OPTIONS, RATIO_OPTIONS, THERAPY_OPTIONS } from "./child-options";

const PRIMARY_OPTIONS = [{ value: "", label: "Choose the primary need" }, ...NEED_OPTIONS];
const NO_PERSONAL_DATA = "Do not include names, dates of birth, phone numbers or full postcodes: a profile with them is refused.";
const SECTIONS = [
  { field: "sectionB", label: "Section B: special educational needs (summary)" },
  { field: "sectionE", label: "Section E: outcomes (summary)" },
  { field: "sectionF", label: "Section F: special educational provision (summary)" },
] as const;

/** SEN2 needs, the EHC plan's summaries and the support they call for. */
export function ChildNeedsFields({ form, update, error }: ChildSectionProps) {
  return (
    <>
      <Select
        id={IDS.primaryNeed}
        label="Primary need"
        labelSize="s"
        hint="As recorded in the school census (SEN2)"
        options={PRIMARY_OPTIONS}
        value={form.primaryNeed}
        onChange={(primaryNeed) => update({ primaryNeed })}
        error={error("primaryNeed")}
      />
      <Checkboxes
        name={IDS.secondaryNeeds}
        legend="Secondary needs"
        legendSize="s"
        hint="Select all that apply, apart from the primary need"
        options={NEED_OPTIONS}
        values={form.secondaryNeeds}
        onChange={(secondaryNeeds) => update({ secondaryNeeds })}
        error={error("secondaryNeeds")}
        small
      />
      <Radios
        name={IDS.ehcPlanStatus}
        legend="Education, health and care (EHC) plan"
        options={EHC_OPTIONS}
        value={form.ehcPlanStatus}
        onChange={(ehcPlanStatus) => update({ ehcPlanStatus })}
        error={error("ehcPlanStatus")}
      />
      {SECTIONS.map(({ field, label }) => (
        <CharacterCount
          key={field}
          id={IDS[field]}
          label={`${label} (optional)`}
          hint={NO_PERSONAL_DATA}
          maxLength={2000}
          value={form[field]}
          onChange={(text) => update({ [field]: text })}
          error={error(field)}
        />
      ))}
      <Radios
        name={IDS.staffingRatio}
        legend="Staffing ratio needed (adult:child)"
        options={RATIO_OPTIONS}
        value={form.staffingRatio}
        onChange={(staffingRatio) => update({ staffingRatio })}
        error={error("staffingRatio")}
      />
      <Checkboxes
        name={IDS.therapies}
        legend="Therapies needed"
        hint="Select all that apply"
        options={THERAPY_OPTIONS}
        values={form.therapies}
        onChange={(therapies) => update({ therapies })}
        error={error("therapies")}
      />
    </>
  );
}
