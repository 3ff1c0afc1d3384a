import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { RESIDENTIAL_TYPE_LABELS, RESIDENTIAL_TYPES } from "@shared/codes/directory";
import { LOTS } from "@shared/codes/lots";
import { NEEDS } from "@shared/codes/needs";
import { PRICE_BANDS } from "@shared/codes/price-bands";
import { PAGE_PATHS } from "@shared/page-paths";
import { Checkbox } from "../../components/checkbox";
import { Checkboxes } from "../../components/checkboxes";
import type { FormErrors } from "../../components/form-errors";
import { Select } from "../../components/select";
import { SubmitButton } from "../../components/submit-or-cancel";
import { TextInput } from "../../components/text-input";
import { FILTER_IDS, type FilterField, type SearchFilters } from "./search-query";

const ANY = { value: "", label: "Any" };
const LOT_OPTIONS = [{ value: "", label: "Any lot" }, ...LOTS.map((lot) => ({ value: String(lot.number), label: `Lot ${lot.number}: ${lot.name}` }))];
const NEED_OPTIONS = NEEDS.map((need) => ({ value: need.code, label: `${need.name} (${need.code})` }));
const SEX_OPTIONS = [ANY, { value: "boys", label: "Boy" }, { value: "girls", label: "Girl" }];
const RESIDENTIAL_OPTIONS = [ANY, ...RESIDENTIAL_TYPES.map((t) => ({ value: t, label: RESIDENTIAL_TYPE_LABELS[t] }))];
const BAND_OPTIONS = [{ value: "", label: "No band" }, ...PRICE_BANDS.map((b) => ({ value: b.band, label: `Band ${b.band}` }))];

interface SearchFiltersFormProps {
  initial: SearchFilters;
  errors: FormErrors<FilterField> | undefined;
  onApply(filters: SearchFilters): void;
}

/** The filter column of GOV.UK's search layout. Applying puts the filters in the address, so results can be shared and revisited. */
export function SearchFiltersForm({ initial, errors, onApply }: SearchFiltersFormProps) {
  const [filters, setFilters] = useState(initial);
  const set =
    <K extends keyof SearchFilters>(key: K) =>
    (value: SearchFilters[K]) =>
      setFilters((f) => ({ ...f, [key]: value }));

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply(filters);
  }

  return (
    <form noValidate onSubmit={handleSubmit} aria-labelledby="filters-heading">
      <h2 className="govuk-heading-m" id="filters-heading">
        Filter settings
      </h2>
      <SubmitButton>Apply filters</SubmitButton>
      <Select id={FILTER_IDS.lot} label="Lot" labelSize="s" options={LOT_OPTIONS} value={filters.lot} onChange={set("lot")} error={errors?.fields.lot} />
      <Checkboxes
        name={FILTER_IDS.need}
        legend="Needs"
        legendSize="s"
        hint="Settings that meet each need you choose"
        small
        options={NEED_OPTIONS}
        values={filters.need}
        onChange={set("need")}
        error={errors?.fields.need}
      />
      <TextInput
        id={FILTER_IDS.age}
        label="Child’s age"
        labelSize="s"
        hint="In years"
        value={filters.age}
        onChange={set("age")}
        error={errors?.fields.age}
        widthClass="govuk-input--width-2"
        inputMode="numeric"
      />
      <Select
        id={FILTER_IDS.sex}
        label="Child’s sex"
        labelSize="s"
        options={SEX_OPTIONS}
        value={filters.sex}
        onChange={set("sex")}
        error={errors?.fields.sex}
      />
      <Select
        id={FILTER_IDS.residential}
        label="Day or residential"
        labelSize="s"
        options={RESIDENTIAL_OPTIONS}
        value={filters.residential}
        onChange={set("residential")}
        error={errors?.fields.residential}
      />
      <Checkbox id={FILTER_IDS.hasVacancy} label="Has a vacancy now" checked={filters.hasVacancy} onChange={set("hasVacancy")} />
      <TextInput
        id={FILTER_IDS.near}
        label="Near postcode district"
        labelSize="s"
        hint="The first half of the child’s home postcode, like M14. Results are sorted by distance."
        value={filters.near}
        onChange={set("near")}
        error={errors?.fields.near}
        widthClass="govuk-input--width-5"
        spellCheck={false}
      />
      <TextInput
        id={FILTER_IDS.radiusKm}
        label="Within (km)"
        labelSize="s"
        value={filters.radiusKm}
        onChange={set("radiusKm")}
        error={errors?.fields.radiusKm}
        widthClass="govuk-input--width-4"
        inputMode="numeric"
      />
      <Checkbox id={FILTER_IDS.ofsted} label="Ofsted good or outstanding" checked={filters.ofstedGoodOrBetter} onChange={set("ofstedGoodOrBetter")} />
      <Select
        id={FILTER_IDS.band}
        label="Price band"
        labelSize="s"
        hint="Shows each provider’s framework price for the band. Choose a lot too."
        options={BAND_OPTIONS}
        value={filters.band}
        onChange={set("band")}
        error={errors?.fields.band}
      />
      <TextInput
        id={FILTER_IDS.maxBandPrice}
        label="Most you would pay a week (£)"
        labelSize="s"
        hint="For the band above, in pounds"
        value={filters.maxBandPricePounds}
        onChange={set("maxBandPricePounds")}
        error={errors?.fields.maxBandPrice}
        widthClass="govuk-input--width-5"
        inputMode="decimal"
      />
      <div className="govuk-button-group">
        <SubmitButton secondary>Apply filters</SubmitButton>
        <Link className="govuk-link" to={PAGE_PATHS.commissionerSearch}>
          Clear filters
        </Link>
      </div>
    </form>
  );
}
