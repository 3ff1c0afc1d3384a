import type { RegionSummary } from "@shared/schemas/region";
import { SummaryList } from "../../components/summary-list";
import { Table } from "../../components/table";
import { formatDate } from "../../lib/format-date";

type Framework = RegionSummary["frameworks"][number];

export function FrameworkSummary({ framework }: { framework: Framework }) {
  return (
    <>
      <SummaryList
        rows={[
          { key: "Framework", value: framework.name },
          { key: "Term", value: `${formatDate(framework.termStart)} to ${formatDate(framework.termEnd)}` },
        ]}
      />
      <Table
        caption={`Lots on the ${framework.name}`}
        columns={[{ text: "Lot", numeric: true, className: "govuk-!-width-one-quarter" }, "What is bought"]}
        rows={framework.lots.map((lot) => ({ key: lot.number, cells: [lot.number, lot.name] }))}
      />
    </>
  );
}
