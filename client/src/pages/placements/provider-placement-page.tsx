import { Link } from "react-router";
import { PAGE_PATHS } from "@shared/page-paths";
import type { DistanceTravelled } from "@shared/schemas/outcome-reviews";
import type { Placement } from "@shared/schemas/placement-requests";
import { useDistanceTravelled, useReviews } from "../../api/outcome-reviews";
import { QueryView } from "../../components/query-view";
import { usePageTitle } from "../../components/use-page-title";
import { DistanceTravelledSection } from "./distance-travelled";
import { HighRiskStatus, PlacementFacts } from "./placement-facts";
import { PlacementGate } from "./placement-gate";
import { ProviderReviewCard } from "./review-card";
import { statementsOf } from "./review-summary";
import { byDate } from "./reviews";

/** A placement the provider delivers: the council's submitted reviews, its own view of each, and the distance travelled. */
export function ProviderPlacementPage() {
  return <PlacementGate>{(placement) => <ProviderPlacementView placement={placement} />}</PlacementGate>;
}

function ProviderPlacementView({ placement }: { placement: Placement }) {
  usePageTitle(`Placement at ${placement.settingName}`);
  const reviews = useReviews(placement.id);
  const distance = useDistanceTravelled(placement.id);
  const reload = async () => {
    await Promise.all([reviews.reload(), distance.reload()]);
  };
  return (
    <>
      <Link className="govuk-back-link" to={PAGE_PATHS.providerPlacements}>
        Back to placements
      </Link>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Placement at {placement.settingName}</h1>
          <PlacementFacts placement={placement} />
          <HighRiskStatus placementId={placement.id} />
        </div>
      </div>
      <QueryView query={distance} what="the distance travelled" loading="the distance travelled">
        {(data) => (
          <>
            <section aria-labelledby="reviews-heading">
              <h2 className="govuk-heading-m" id="reviews-heading">
                Reviews
              </h2>
              <p className="govuk-body">
                The council’s submitted reviews. You can give your view of each, and change it until the council accepts or annotates it.
              </p>
              <QueryView query={reviews} what="the reviews of this placement" loading="the reviews" empty="The council has not submitted a review yet.">
                {(list) =>
                  byDate(list).map((review) => (
                    <ProviderReviewCard
                      key={review.id}
                      placementId={placement.id}
                      review={review}
                      outcomes={outcomesOf(data)}
                      statementOf={statementsOf(outcomesOf(data))}
                      onChanged={reload}
                    />
                  ))
                }
              </QueryView>
            </section>
            <DistanceTravelledSection data={data} />
          </>
        )}
      </QueryView>
    </>
  );
}

/** The provider reads the plan's outcomes through the distance travelled, never the child's profile. */
const outcomesOf = (data: DistanceTravelled) => data.outcomes.map((o) => ({ id: o.outcomeId, statement: o.statement }));
