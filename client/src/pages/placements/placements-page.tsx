import { Link } from "react-router";
import type { z } from "zod";
import type { CouncilPlacementListItemSchema, ProviderPlacementListItemSchema } from "@shared/schemas/outcome-reviews";
import { usePlacements } from "../../api/placements";
import { QueryView } from "../../components/query-view";
import { Table } from "../../components/table";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate } from "../../lib/format-date";
import { commissionerPlacementPath, providerPlacementPath } from "../../lib/paths";

type CouncilItem = z.infer<typeof CouncilPlacementListItemSchema>;
type ProviderItem = z.infer<typeof ProviderPlacementListItemSchema>;

const count = (n: number) => (n === 1 ? "1 placement" : `${n} placements`);

/** The council's placements, with when each next review is due. */
export function CommissionerPlacementsPage() {
  usePageTitle("Placements");
  const placements = usePlacements();
  return (
    <>
      <h1 className="govuk-heading-l">Placements</h1>
      <p className="govuk-body">Your council’s placements from awards. Open one to record its baseline and reviews and see the distance travelled.</p>
      <QueryView
        query={placements}
        what="the placements"
        isEmpty={(r) => r.data.length === 0}
        empty="Your council has no placements yet. A placement starts when you award a placement request."
      >
        {(response) => (response.viewer === "council" ? <CouncilTable items={response.data} /> : null)}
      </QueryView>
    </>
  );
}

function CouncilTable({ items }: { items: CouncilItem[] }) {
  return (
    <Table
      caption={count(items.length)}
      captionSize="m"
      columns={["Child", "Setting", "Start date", "Next review due", "Ended"]}
      rows={items.map((item) => ({
        key: item.id,
        header: (
          <Link className="govuk-link" to={commissionerPlacementPath(item.id)}>
            {item.childReference}
          </Link>
        ),
        cells: [
          `${item.settingName}, ${item.organisationName}`,
          formatDate(item.startDate),
          item.nextReviewDue ? formatDate(item.nextReviewDue) : "None due",
          item.endDate ? formatDate(item.endDate) : "Not ended",
        ],
      }))}
    />
  );
}

/** The provider's placements: its settings' children, never named or referenced. */
export function ProviderPlacementsPage() {
  usePageTitle("Placements");
  const placements = usePlacements();
  return (
    <>
      <h1 className="govuk-heading-l">Placements</h1>
      <p className="govuk-body">Placements your settings were awarded. Open one to read the council’s reviews and give your view of each.</p>
      <QueryView query={placements} what="the placements" isEmpty={(r) => r.data.length === 0} empty="You have no placements yet.">
        {(response) => (response.viewer === "provider" ? <ProviderTable items={response.data} /> : null)}
      </QueryView>
    </>
  );
}

function ProviderTable({ items }: { items: ProviderItem[] }) {
  return (
    <Table
      caption={count(items.length)}
      captionSize="m"
      columns={["Setting", "Start date", "Ended", "Reviews"]}
      rows={items.map((item) => ({
        key: item.id,
        header: (
          <Link className="govuk-link" to={providerPlacementPath(item.id)}>
            {item.settingName}, from {formatDate(item.startDate)}
          </Link>
        ),
        cells: [
          formatDate(item.startDate),
          item.endDate ? formatDate(item.endDate) : "Not ended",
          item.reviewAwaitsView ? <strong className="govuk-tag govuk-tag--blue">Awaits your view</strong> : "Nothing to do",
        ],
      }))}
    />
  );
}
