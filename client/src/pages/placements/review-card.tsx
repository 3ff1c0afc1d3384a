import { useState } from "react";
import { Link } from "react-router";
import type { OutcomeReview } from "@shared/schemas/outcome-reviews";
import { SummaryCard } from "../../components/summary-list";
import { formatDate } from "../../lib/format-date";
import { commissionerReviewPath } from "../../lib/paths";
import { DecideProviderView, ProviderViewSummary } from "./provider-view";
import { ProviderViewForm } from "./provider-view-form";
import type { OutcomeRef } from "./review-fields";
import { ReviewSummary } from "./review-summary";

const titleOf = (review: OutcomeReview) => `${review.kind === "baseline" ? "Baseline" : "Review"}, ${formatDate(review.reviewDate)}`;
const onWhat = (review: OutcomeReview) => `the ${review.kind === "baseline" ? "baseline" : "review"} of ${formatDate(review.reviewDate)}`;

function StatusTag({ review }: { review: OutcomeReview }) {
  return review.status === "draft" ? (
    <strong className="govuk-tag govuk-tag--grey">Draft</strong>
  ) : (
    <strong className="govuk-tag govuk-tag--green">Submitted</strong>
  );
}

interface CardProps {
  placementId: string;
  review: OutcomeReview;
  statementOf(outcomeId: string): string;
  /** Reloads the reviews and the distance travelled after a change. */
  onChanged(): Promise<void>;
}

/** The council's review and, beside it, the provider's view with Accept or Annotate until the council decides. */
export function CouncilReviewCard({ placementId, review, statementOf, onChanged }: CardProps) {
  const view = review.providerView;
  return (
    <SummaryCard
      title={titleOf(review)}
      headingLevel={3}
      titleId={`review-${review.id}`}
      aside={<StatusTag review={review} />}
      data={{ "data-review-id": review.id }}
    >
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <h4 className="govuk-heading-s">The council’s review</h4>
          {review.status === "draft" ? (
            <p className="govuk-body">
              <Link className="govuk-link" to={commissionerReviewPath(placementId, review.id)}>
                Continue the draft<span className="govuk-visually-hidden"> of {onWhat(review)}</span>
              </Link>
            </p>
          ) : null}
          <ReviewSummary review={review} statementOf={statementOf} />
        </div>
        <div className="govuk-grid-column-one-half">
          <h4 className="govuk-heading-s">The provider’s view</h4>
          {view ? (
            <>
              <ProviderViewSummary view={view} statementOf={statementOf} whose="the provider’s view" />
              {view.decision === null ? <DecideProviderView placementId={placementId} reviewId={review.id} on={onWhat(review)} onDecided={onChanged} /> : null}
            </>
          ) : (
            <p className="govuk-body">
              {review.status === "draft" ? "The provider sees the review once it is submitted." : "The provider has not given its view of this review."}
            </p>
          )}
        </div>
      </div>
    </SummaryCard>
  );
}

/** A submitted review as the provider sees it, with its own view, which it can give or change until the council decides. */
export function ProviderReviewCard({ placementId, review, statementOf, onChanged, outcomes }: CardProps & { outcomes: readonly OutcomeRef[] }) {
  const [editing, setEditing] = useState(false);
  const view = review.providerView;
  const open = view === null || view.decision === null;
  return (
    <SummaryCard title={titleOf(review)} headingLevel={3} titleId={`review-${review.id}`} data={{ "data-review-id": review.id }}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <h4 className="govuk-heading-s">The council’s review</h4>
          <ReviewSummary review={review} statementOf={statementOf} />
        </div>
        <div className="govuk-grid-column-one-half">
          <h4 className="govuk-heading-s">Your view</h4>
          {view ? (
            <ProviderViewSummary view={view} statementOf={statementOf} whose="your view" />
          ) : (
            <p className="govuk-body">You have not given your view yet.</p>
          )}
          {open && !editing ? (
            <button type="button" className="govuk-button govuk-button--secondary" data-module="govuk-button" onClick={() => setEditing(true)}>
              {view ? "Change your view" : "Give your view"}
              <span className="govuk-visually-hidden"> of {onWhat(review)}</span>
            </button>
          ) : null}
        </div>
      </div>
      {open && editing ? (
        <ProviderViewForm
          placementId={placementId}
          review={review}
          outcomes={outcomes}
          on={onWhat(review)}
          onCancel={() => setEditing(false)}
          onSaved={async () => {
            setEditing(false);
            await onChanged();
          }}
        />
      ) : null}
    </SummaryCard>
  );
}
