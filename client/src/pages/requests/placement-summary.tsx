import { PLACEMENT_END_REASON_LABELS } from "@shared/codes/tenders";
import { formatPence } from "@shared/money";
import type { Placement } from "@shared/schemas/placement-requests";
import { SummaryList } from "../../components/summary-list";
import { formatDate } from "../../lib/format-date";

const ended = (p: Placement) =>
  p.endDate ? `${formatDate(p.endDate)}: ${p.endReason ? PLACEMENT_END_REASON_LABELS[p.endReason] : ""}${p.breakdown ? " (a breakdown)" : ""}` : "Not ended";

/** The Individual Placement Agreement the award made: setting, agreed fee, start, reviews and any end. */
export function PlacementSummary({ placement }: { placement: Placement }) {
  return (
    <SummaryList
      rows={[
        { key: "Setting", value: `${placement.settingName}, ${placement.organisationName}` },
        { key: "Agreed weekly fee", value: formatPence(placement.weeklyFeePence) },
        { key: "Start date", value: formatDate(placement.startDate) },
        { key: "Review dates", value: placement.reviewDates.map(formatDate).join(", ") || "None" },
        { key: "Ended", value: ended(placement) },
      ]}
    />
  );
}
