import type { RequestView } from "@shared/schemas/placement-requests";
import { EvaluationTable } from "../requests/evaluation-table";
import { OfferDetails } from "../requests/offer-details";
import { AwardForm, StandstillSection } from "./award-form";
import { PlacementSection } from "./placement-section";
import { PriceRoundForm } from "./price-round-form";
import { EvaluationReportLink, EvaluationSection } from "./scoring-form";
import { WithdrawnIntention } from "./withdrawn-intention";

interface StageProps {
  view: RequestView;
  /** Show the request as an action answered it, with what to tell the commissioner. */
  onChanged(view: RequestView, notice: string): void;
  resync(): void;
}

/** The opened offers: in sealed and ranked mode only after the deadline, in urgent mode as they come. */
export function OffersSection({ view }: { view: RequestView }) {
  const { request, offers } = view;
  if (offers.length === 0) {
    if (request.state !== "open" || request.mode === "urgent") return null;
    return (
      <section aria-labelledby="offers-heading">
        <h2 className="govuk-heading-m" id="offers-heading">
          Offers
        </h2>
        <p className="govuk-body">
          Offers are sealed until the deadline: you see who has offered and when, never what. They all open together when the request closes.
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="offers-heading">
      <h2 className="govuk-heading-m" id="offers-heading">
        Offers ({offers.length})
      </h2>
      {offers.map((offer) => (
        <OfferDetails key={offer.id} offer={offer} criteria={request.criteria} />
      ))}
    </section>
  );
}

/** What the council does next, by the request's state: score, award, run a price round, manage the placement. */
export function RequestBoardStage({ view, onChanged, resync }: StageProps) {
  const { request, evaluation } = view;
  const table = (caption: string) => (
    <>
      <EvaluationTable rows={evaluation} criteria={request.criteria} weights={request.weights} caption={caption} />
      <EvaluationReportLink requestId={request.id} />
    </>
  );
  const awardForm = (
    <AwardForm
      view={view}
      onAwarded={(next) =>
        onChanged(
          next,
          next.request.state === "awarded"
            ? "You awarded the placement. Every invited provider has been told."
            : "You recorded the intention to award. Every provider that offered has been told.",
        )
      }
    />
  );
  switch (request.state) {
    case "open":
      return request.mode === "urgent" && view.offers.some((o) => o.status === "active") ? awardForm : null;
    case "closed":
      return (
        <>
          <WithdrawnIntention view={view} />
          <EvaluationSection view={view} />
        </>
      );
    case "evaluated":
      return (
        <>
          <WithdrawnIntention view={view} />
          {table("Totals and ranks")}
          {awardForm}
          {request.mode === "ranked" ? <PriceRoundForm requestId={request.id} onStarted={(next) => onChanged(next, "You started the price round.")} /> : null}
        </>
      );
    case "price_round":
      return table("Ranks before the price round");
    case "standstill":
      return (
        <>
          <StandstillSection view={view} onChanged={onChanged} />
          {evaluation.length > 0 ? table("Totals and ranks") : null}
        </>
      );
    case "awarded":
      return (
        <>
          {view.award ? (
            <div className="govuk-inset-text">
              <p className="govuk-body govuk-!-font-weight-bold">Reasons for the award</p>
              <p className="govuk-body">{view.award.reasons}</p>
            </div>
          ) : null}
          {evaluation.length > 0 ? table("Totals and ranks") : null}
          {view.placement ? <PlacementSection placement={view.placement} onEnded={resync} /> : null}
        </>
      );
    case "no_offers":
      return <p className="govuk-body">No provider offered before the deadline.</p>;
    default:
      return null;
  }
}
