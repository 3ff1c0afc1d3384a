import { LOTS } from "@shared/codes/lots";
import { Checkbox } from "../../components/checkbox";
import type { FormErrors } from "../../components/form-errors";
import { MonthYearInput } from "../../components/month-year-input";
import { Select, type SelectOption } from "../../components/select";
import { filterFieldIds, type FilterPrefix, type InsightsFilterState, paramName } from "./insights-query";

const LOT_OPTIONS = [{ value: "", label: "All lots" }, ...LOTS.map((lot) => ({ value: String(lot.number), label: `Lot ${lot.number}: ${lot.name}` }))];

interface InsightsFilterFieldsProps {
  prefix?: FilterPrefix;
  state: InsightsFilterState;
  onChange(state: InsightsFilterState): void;
  errors: FormErrors<string> | undefined;
  /** The councils the reader may choose: the first is "the region" (value ""). */
  councils: readonly SelectOption[];
}

/** The filters of one set of figures: period of award, lot, council, high-risk only. */
export function InsightsFilterFields({ prefix = "", state, onChange, errors, councils }: InsightsFilterFieldsProps) {
  const ids = filterFieldIds(prefix);
  const error = (field: Parameters<typeof paramName>[1]) => errors?.fields[paramName(prefix, field)];
  const id = (field: Parameters<typeof paramName>[1]) => ids[paramName(prefix, field)] as string;
  const set =
    <K extends keyof InsightsFilterState>(key: K) =>
    (value: InsightsFilterState[K]) =>
      onChange({ ...state, [key]: value });

  return (
    <>
      <MonthYearInput id={id("from")} legend="Awarded from" hint="For example, 4 2025" value={state.from} onChange={set("from")} error={error("from")} />
      <MonthYearInput id={id("to")} legend="Awarded up to" hint="For example, 3 2026" value={state.to} onChange={set("to")} error={error("to")} />
      <Select id={id("lot")} label="Lot" labelSize="s" options={LOT_OPTIONS} value={state.lot} onChange={set("lot")} error={error("lot")} />
      <Select id={id("council")} label="Council" labelSize="s" options={councils} value={state.council} onChange={set("council")} error={error("council")} />
      <Checkbox id={id("highRisk")} label="High-risk placements only" checked={state.highRisk} onChange={set("highRisk")} />
    </>
  );
}
