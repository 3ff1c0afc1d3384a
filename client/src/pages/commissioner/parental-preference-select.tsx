import { useSettingSearch } from "../../api/settings";
import { Select } from "../../components/select";

interface ParentalPreferenceSelectProps {
  id: string;
  /** The lot chosen on the form, to list only its settings; all listed settings before one is chosen. */
  lotNumber: string | undefined;
  value: string;
  /** The stored preference's name, when changing a profile whose setting may not be on the lot. */
  currentName?: string | null;
  onChange(settingId: string): void;
  error: string | undefined;
}

/** Parental preference as a setting of the region's directory, chosen from the published settings of the lot. */
export function ParentalPreferenceSelect({ id, lotNumber, value, currentName, onChange, error }: ParentalPreferenceSelectProps) {
  const search = useSettingSearch(`${lotNumber ? `lot=${lotNumber}&` : ""}pageSize=100`);
  const settings = search.status === "success" ? search.data.data.map((s) => ({ value: s.id, label: `${s.name}, ${s.town}` })) : [];
  const stale = value !== "" && !settings.some((s) => s.value === value) ? [{ value, label: currentName ?? "The setting chosen before" }] : [];
  const hint =
    search.status === "error"
      ? "Sorry, the list of settings cannot be shown at the moment. You can add a preference later."
      : "A setting the child’s parents or carers have asked for. Matching gives it extra points.";
  return (
    <Select
      id={id}
      label="Parental preference (optional)"
      labelSize="s"
      hint={hint}
      options={[{ value: "", label: "No preference" }, ...stale, ...settings]}
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}
