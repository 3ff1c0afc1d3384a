import { MonthYearInput } from "../../components/month-year-input";
import { Radios } from "../../components/radios";
import { TextInput } from "../../components/text-input";
import { CHILD_FIELD_IDS as IDS, type ChildSectionProps } from "./child-form-state";
import { SEX_OPTIONS } from "./child-options";

/** Who the child is, without saying who: a council reference, a month of birth and a postcode district. */
export function ChildAboutFields({ form, update, error }: ChildSectionProps) {
  return (
    <>
      <TextInput
        id={IDS.reference}
        label="Reference"
        hint="Your council’s reference for the child, like MCR-2026-0042 – never the child’s name"
        value={form.reference}
        onChange={(reference) => update({ reference })}
        error={error("reference")}
        widthClass="govuk-input--width-20"
        spellCheck={false}
      />
      <MonthYearInput
        id={IDS.birthMonth}
        legend="Month and year of birth"
        hint="For example, 9 2013. The day is not needed and is not kept."
        value={form.birthMonth}
        onChange={(birthMonth) => update({ birthMonth })}
        error={error("birthMonth")}
      />
      <Radios name={IDS.sex} legend="Sex" options={SEX_OPTIONS} value={form.sex} onChange={(sex) => update({ sex })} error={error("sex")} />
      <TextInput
        id={IDS.homeOutcode}
        label="Home postcode district"
        hint="The first half of the postcode only, like M14 – never the full postcode"
        value={form.homeOutcode}
        onChange={(homeOutcode) => update({ homeOutcode })}
        error={error("homeOutcode")}
        widthClass="govuk-input--width-5"
        spellCheck={false}
      />
      <TextInput
        id={IDS.schoolYear}
        label="School year"
        hint="0 for Reception, 1 to 13 for years 1 to 13, 14 for a further year"
        value={form.schoolYear}
        onChange={(schoolYear) => update({ schoolYear })}
        error={error("schoolYear")}
        widthClass="govuk-input--width-2"
        inputMode="numeric"
      />
    </>
  );
}
