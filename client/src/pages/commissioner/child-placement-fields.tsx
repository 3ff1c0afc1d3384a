import { DateInput } from "../../components/date-input";
import { Radios } from "../../components/radios";
import { TextInput } from "../../components/text-input";
import { CHILD_FIELD_IDS as IDS, type ChildSectionProps } from "./child-form-state";
import { BAND_OPTIONS, LOT_OPTIONS } from "./child-options";
import { ParentalPreferenceSelect } from "./parental-preference-select";

/** The placement sought: the framework lot, the price band, when, and how far from home. */
export function ChildPlacementFields({ form, update, error, preferredSettingName }: ChildSectionProps & { preferredSettingName?: string | null }) {
  return (
    <>
      <Radios
        name={IDS.lotNumber}
        legend="Placement type (framework lot)"
        options={LOT_OPTIONS}
        value={form.lotNumber}
        onChange={(lotNumber) => update({ lotNumber })}
        error={error("lotNumber")}
      />
      <Radios
        name={IDS.priceBand}
        legend="Price band (need intensity)"
        hint="Matching compares each provider’s framework price in this band"
        options={BAND_OPTIONS}
        value={form.priceBand}
        onChange={(priceBand) => update({ priceBand })}
        error={error("priceBand")}
      />
      <DateInput
        id={IDS.neededBy}
        legend="Needed by"
        hint="For example, 1 9 2026"
        value={form.neededBy}
        onChange={(neededBy) => update({ neededBy })}
        error={error("neededBy")}
      />
      <ParentalPreferenceSelect
        id={IDS.preferredSettingId}
        lotNumber={form.lotNumber}
        value={form.preferredSettingId}
        currentName={preferredSettingName}
        onChange={(preferredSettingId) => update({ preferredSettingId })}
        error={error("preferredSettingId")}
      />
      <TextInput
        id={IDS.maxTravelKm}
        label="Furthest distance from home, in km (optional)"
        hint="Settings further away are left out"
        value={form.maxTravelKm}
        onChange={(maxTravelKm) => update({ maxTravelKm })}
        error={error("maxTravelKm")}
        widthClass="govuk-input--width-4"
        inputMode="decimal"
        labelSize="s"
      />
      <TextInput
        id={IDS.siblingCount}
        label="Siblings to place together (optional)"
        value={form.siblingCount}
        onChange={(siblingCount) => update({ siblingCount })}
        error={error("siblingCount")}
        widthClass="govuk-input--width-2"
        inputMode="numeric"
        labelSize="s"
      />
      <TextInput
        id={IDS.preferredLocation}
        label="Preferred location (optional)"
        hint="An area, like ‘south Manchester’ – never an address"
        value={form.preferredLocation}
        onChange={(preferredLocation) => update({ preferredLocation })}
        error={error("preferredLocation")}
        labelSize="s"
      />
    </>
  );
}
