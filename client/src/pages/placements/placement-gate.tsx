import type { ReactNode } from "react";
import { useParams } from "react-router";
import type { ChildProfile } from "@shared/schemas/children";
import type { ChildOutcome } from "@shared/schemas/outcome-reviews";
import type { Placement } from "@shared/schemas/placement-requests";
import { useChild } from "../../api/children";
import { useChildOutcomes } from "../../api/outcome-reviews";
import { usePlacement } from "../../api/placements";
import { QueryView } from "../../components/query-view";
import { NotFoundPage } from "../public/not-found-page";

/** Loads the placement named by the page's `:id`; one this person may not see is "not found", as the API answers. */
export function PlacementGate({ children: render }: { children(placement: Placement): ReactNode }) {
  const { id = "" } = useParams();
  const placement = usePlacement(id);
  return (
    <QueryView query={placement} what="the placement" notFound={<NotFoundPage />}>
      {render}
    </QueryView>
  );
}

export interface CouncilPlacement {
  placement: Placement;
  /** The child's profile: the reference, the lot (attendance) and the risks a first review starts from. */
  child: ChildProfile;
  /** Every outcome of the EHC plan, retired ones included (earlier reviews scored them), in order. */
  outcomes: ChildOutcome[];
}

/** The outcomes still in the plan, in order: the ones a review scores. */
export const currentOutcomes = (outcomes: readonly ChildOutcome[]) => outcomes.filter((o) => !o.retired).sort((a, b) => a.position - b.position);

/** The council's view of a placement: the placement, its child's profile and the plan's outcomes. */
export function CouncilPlacementGate({ children: render }: { children(council: CouncilPlacement): ReactNode }) {
  return <PlacementGate>{(placement) => <ChildAndOutcomes placement={placement} render={render} />}</PlacementGate>;
}

function ChildAndOutcomes({ placement, render }: { placement: Placement; render(council: CouncilPlacement): ReactNode }) {
  const child = useChild(placement.childId);
  const outcomes = useChildOutcomes(placement.childId);
  return (
    <QueryView query={child} what="the child’s profile" notFound={<NotFoundPage />}>
      {(profile) => (
        <QueryView query={outcomes} what="the outcomes of the child’s EHC plan" loading="the outcomes">
          {(list) => render({ placement, child: profile, outcomes: list })}
        </QueryView>
      )}
    </QueryView>
  );
}
