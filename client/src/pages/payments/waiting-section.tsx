import { formatPence } from "@shared/money";
import { useWaitingPlacements } from "../../api/payments";
import { QueryView } from "../../components/query-view";
import { Table } from "../../components/table";
import { formatDate } from "../../lib/format-date";

/** Placements not invoiced yet because their provider cannot be paid through Stripe yet, and why (the issue: "until then the council sees why"). */
export function WaitingSection() {
  const waiting = useWaitingPlacements();
  return (
    <section aria-labelledby="waiting-heading">
      <h2 className="govuk-heading-m" id="waiting-heading">
        Placements not invoiced yet
      </h2>
      <QueryView query={waiting} what="the placements not invoiced yet" loading="the placements not invoiced yet">
        {(list) => (
          <Table
            caption="Placements waiting for their provider to be able to take payments"
            captionSize="hidden"
            columns={["Child", "Setting", "Provider", "Started", { text: "Weekly fee", numeric: true }, "Why not invoiced yet"]}
            rows={list.map((p) => ({
              key: p.placementId,
              data: { "data-placement": p.placementId },
              header: p.childReference,
              cells: [p.settingName, p.providerName, formatDate(p.startDate), formatPence(p.weeklyFeePence), p.reason],
            }))}
            empty="Every running placement can be invoiced."
          />
        )}
      </QueryView>
    </section>
  );
}
