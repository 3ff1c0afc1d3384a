import type { ReactNode } from "react";
import { PLACEMENT_END_REASON_LABELS } from "@shared/codes/tenders";
import { formatPence } from "@shared/money";
import type { Placement } from "@shared/schemas/placement-requests";
import { usePlacementHighRisk } from "../../api/placements";
import { QueryView } from "../../components/query-view";
import { SummaryList, type SummaryRow } from "../../components/summary-list";
import { formatDate } from "../../lib/format-date";

const ended = (p: Placement) =>
  p.endDate
    ? `${formatDate(p.endDate)}${p.endReason ? `: ${PLACEMENT_END_REASON_LABELS[p.endReason]}` : ""}${p.breakdown ? " (a breakdown)" : ""}`
    : "Not ended";

/** The placement agreed at the award; the council sees the child's reference first. */
export function PlacementFacts({ placement, child }: { placement: Placement; child?: ReactNode }) {
  const rows: SummaryRow[] = [
    ...(child === undefined ? [] : [{ key: "Child", value: child }]),
    { key: "Setting", value: `${placement.settingName}, ${placement.organisationName}` },
    { key: "Agreed weekly fee", value: formatPence(placement.weeklyFeePence) },
    { key: "Start date", value: formatDate(placement.startDate) },
    { key: "Review dates", value: placement.reviewDates.map(formatDate).join(", ") || "None" },
    { key: "Ended", value: ended(placement) },
  ];
  return <SummaryList rows={rows} />;
}

/** Which rules of the region's definition make the placement high risk, in the definition's words. */
export function HighRiskStatus({ placementId }: { placementId: string }) {
  const status = usePlacementHighRisk(placementId);
  return (
    <section aria-labelledby="high-risk-heading">
      <h2 className="govuk-heading-m" id="high-risk-heading">
        High risk
      </h2>
      <QueryView query={status} what="whether the placement is high risk" loading="the high-risk rules">
        {(data) =>
          data.highRisk ? (
            <div className="govuk-warning-text">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <div className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">Warning</span>
                High risk because:
                <ul className="govuk-list govuk-list--bullet govuk-!-margin-top-2 govuk-!-margin-bottom-0">
                  {data.rules.map((r) => (
                    <li key={r.rule}>{r.description}</li>
                  ))}
                </ul>
              </div>
            </div>
          ) : (
            <p className="govuk-body">Not high risk: no rule of the region’s definition holds for this placement.</p>
          )
        }
      </QueryView>
    </section>
  );
}
