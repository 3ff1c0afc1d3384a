import { Link, useLocation } from "react-router";
import { PAGE_PATHS } from "@shared/page-paths";
import type { OutcomeReview } from "@shared/schemas/outcome-reviews";
import { useDistanceTravelled, useReviews } from "../../api/outcome-reviews";
import { SuccessBanner } from "../../components/notification-banner";
import { QueryView } from "../../components/query-view";
import { usePageTitle } from "../../components/use-page-title";
import { commissionerChildOutcomesPath, commissionerChildPath, commissionerPlacementPath, commissionerReviewNewPath } from "../../lib/paths";
import { PlacementFeesSection } from "../payments/placement-fees";
import { DistanceTravelledSection } from "./distance-travelled";
import type { OutcomesLinkState } from "./outcomes-page";
import { HighRiskStatus, PlacementFacts } from "./placement-facts";
import { type CouncilPlacement, CouncilPlacementGate, currentOutcomes } from "./placement-gate";
import { CouncilReviewCard } from "./review-card";
import { statementsOf } from "./review-summary";
import { byDate } from "./reviews";

/** A placement of the council's: its facts, high-risk status, the plan's outcomes, the reviews and the distance travelled. */
export function CouncilPlacementPage() {
  return <CouncilPlacementGate>{(council) => <CouncilPlacementView council={council} />}</CouncilPlacementGate>;
}

function CouncilPlacementView({ council }: { council: CouncilPlacement }) {
  const { placement, child, outcomes } = council;
  usePageTitle(`Placement of ${child.reference}`);
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const reviews = useReviews(placement.id);
  const distance = useDistanceTravelled(placement.id);
  const reload = async () => {
    await Promise.all([reviews.reload(), distance.reload()]);
  };
  return (
    <>
      <Link className="govuk-back-link" to={PAGE_PATHS.commissionerPlacements}>
        Back to placements
      </Link>
      {notice ? <SuccessBanner key={notice} title={notice} /> : null}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">{child.reference}</span>
          <h1 className="govuk-heading-l">Placement at {placement.settingName}</h1>
          <PlacementFacts
            placement={placement}
            child={
              <Link className="govuk-link" to={commissionerChildPath(child.id)}>
                {child.reference}
              </Link>
            }
          />
          <HighRiskStatus placementId={placement.id} />
          <PlacementFeesSection placementId={placement.id} canChange />
          <OutcomesSection council={council} />
        </div>
      </div>
      <section aria-labelledby="reviews-heading">
        <h2 className="govuk-heading-m" id="reviews-heading">
          Reviews
        </h2>
        <QueryView query={reviews} what="the reviews of this placement" loading="the reviews">
          {(list) => (
            <>
              <RecordReview placementId={placement.id} reviews={list} />
              {list.length === 0 ? <p className="govuk-body">No review recorded yet. Start with the baseline, at the start of the placement.</p> : null}
              {byDate(list).map((review) => (
                <CouncilReviewCard key={review.id} placementId={placement.id} review={review} statementOf={statementsOf(outcomes)} onChanged={reload} />
              ))}
            </>
          )}
        </QueryView>
      </section>
      <QueryView query={distance} what="the distance travelled" loading="the distance travelled">
        {(data) => <DistanceTravelledSection data={data} />}
      </QueryView>
    </>
  );
}

function OutcomesSection({ council }: { council: CouncilPlacement }) {
  const outcomes = currentOutcomes(council.outcomes);
  return (
    <section aria-labelledby="outcomes-heading">
      <h2 className="govuk-heading-m" id="outcomes-heading">
        Outcomes in the EHC plan
      </h2>
      {outcomes.length === 0 ? (
        <p className="govuk-body">No outcomes recorded yet. Each review scores progress towards the outcomes in section E of the child’s EHC plan.</p>
      ) : (
        <ol className="govuk-list govuk-list--number">
          {outcomes.map((o) => (
            <li key={o.id}>{o.statement}</li>
          ))}
        </ol>
      )}
      <p className="govuk-body">
        <Link
          className="govuk-link"
          to={commissionerChildOutcomesPath(council.child.id)}
          state={{ from: commissionerPlacementPath(council.placement.id) } satisfies OutcomesLinkState}
        >
          {outcomes.length === 0 ? "Add the outcomes" : "Change the outcomes"}
        </Link>
      </p>
    </section>
  );
}

function RecordReview({ placementId, reviews }: { placementId: string; reviews: OutcomeReview[] }) {
  const baseline = reviews.some((r) => r.kind === "baseline");
  return (
    <Link className="govuk-button" data-module="govuk-button" to={commissionerReviewNewPath(placementId)}>
      {baseline ? "Record a review" : "Record the baseline"}
    </Link>
  );
}
