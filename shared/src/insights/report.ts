import type { InsightsFilter, InsightsReport } from "./contract";
import type { InsightsData } from "./data";
import { monthText } from "./months";
import { placementsCell, select } from "./select";
import { cutTables } from "./tables-cuts";
import { feeByLotTable, feeByRiskCountTable, timeByLotTable, timeByModeTable } from "./tables-place";
import { pairsTable, prevalenceTable, riskCountTable, riskMeanTable } from "./tables-risks";

/**
 * Every table of the regional insights for one filter, suppressed (pure: the same facts, filter
 * and day give the same report, whoever asks; the day is the data's). `council` names the filter's council.
 */
export function insightsReport(input: {
  data: InsightsData;
  filter: InsightsFilter;
  council: { id: string; name: string } | null;
  factsAsOf: string | null;
}): InsightsReport {
  const { data, filter } = input;
  const s = select(data, filter);
  const empty = s.period.from > s.period.to;
  return {
    filter: {
      from: filter.from ?? (empty ? null : monthText(s.period.from)),
      to: filter.to ?? (empty ? null : monthText(s.period.to)),
      lot: filter.lot ?? null,
      council: input.council,
      highRiskOnly: s.highRiskOnly,
    },
    scope: filter.council ? "council" : "region",
    placements: placementsCell(s),
    factsAsOf: input.factsAsOf,
    tables: [
      prevalenceTable(s),
      riskCountTable(s),
      riskMeanTable(s),
      pairsTable(s),
      feeByRiskCountTable(s),
      feeByLotTable(s),
      timeByLotTable(s),
      timeByModeTable(s),
      ...cutTables(s, data.today),
    ],
  };
}
