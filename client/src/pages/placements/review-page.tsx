import { type FormEvent, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import type { ReviewKind } from "@shared/codes/outcomes";
import { type OutcomeReview, OutcomeReviewInputSchema, recordsAttendance } from "@shared/schemas/outcome-reviews";
import { createReview, submitReview, updateReview, useReviews } from "../../api/outcome-reviews";
import { DateInput } from "../../components/date-input";
import { FormErrorSummary } from "../../components/form";
import { errorsFromZod, sendOrErrors } from "../../components/form-errors";
import { QueryView } from "../../components/query-view";
import { Radios } from "../../components/radios";
import { ReadingColumn } from "../../components/reading-column";
import { useFormSubmit } from "../../components/use-form-submit";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate } from "../../lib/format-date";
import { commissionerPlacementPath } from "../../lib/paths";
import { NotFoundPage } from "../public/not-found-page";
import { VIEW_OPTIONS } from "./labels";
import { type CouncilPlacement, CouncilPlacementGate, currentOutcomes } from "./placement-gate";
import { errorsById, MeasureFields, reviewFieldIds } from "./review-fields";
import { reviewFormFrom, type ReviewFormState, reviewInput, startingRisks } from "./review-form-state";
import { byDate } from "./reviews";

/** The council records the baseline (the first review) or a later review, as a draft first. */
export function NewReviewPage() {
  return <CouncilPlacementGate>{(council) => <WithReviews council={council} reviewId={undefined} />}</CouncilPlacementGate>;
}

/** A draft reopened: the same form, saved over the draft. */
export function EditReviewPage() {
  const { reviewId = "" } = useParams();
  return <CouncilPlacementGate>{(council) => <WithReviews council={council} reviewId={reviewId} />}</CouncilPlacementGate>;
}

function WithReviews({ council, reviewId }: { council: CouncilPlacement; reviewId: string | undefined }) {
  const reviews = useReviews(council.placement.id);
  return (
    <QueryView query={reviews} what="the reviews of this placement" loading="the reviews">
      {(list) => <ReviewEditor council={council} reviews={list} reviewId={reviewId} />}
    </QueryView>
  );
}

function ReviewEditor({ council, reviews, reviewId }: { council: CouncilPlacement; reviews: OutcomeReview[]; reviewId: string | undefined }) {
  const review = reviewId === undefined ? undefined : reviews.find((r) => r.id === reviewId);
  if (reviewId !== undefined && !review) return <NotFoundPage />;
  if (review?.status === "submitted") return <AlreadySubmitted council={council} review={review} />;
  return <ReviewForm council={council} reviews={reviews} review={review} />;
}

function AlreadySubmitted({ council, review }: { council: CouncilPlacement; review: OutcomeReview }) {
  usePageTitle("This review has been submitted");
  return (
    <ReadingColumn backTo={commissionerPlacementPath(council.placement.id)} backText="Back to the placement">
      <h1 className="govuk-heading-l">This review has been submitted</h1>
      <p className="govuk-body">The review of {formatDate(review.reviewDate)} is the council’s record and cannot be changed.</p>
      <p className="govuk-body">
        <Link className="govuk-link" to={commissionerPlacementPath(council.placement.id)}>
          Go back to the placement
        </Link>
      </p>
    </ReadingColumn>
  );
}

/** The next review date after the latest recorded review: what a new review is most likely dated. */
function likelyDate(kind: ReviewKind, council: CouncilPlacement, reviews: OutcomeReview[]): string | null {
  if (kind === "baseline") return council.placement.startDate;
  const latest = reviews.at(-1)?.reviewDate ?? council.placement.startDate;
  return council.placement.reviewDates.find((date) => date > latest) ?? null;
}

type Action = "draft" | "submit";

function ReviewForm({ council, reviews, review }: { council: CouncilPlacement; reviews: OutcomeReview[]; review: OutcomeReview | undefined }) {
  const { placement, child } = council;
  const outcomes = currentOutcomes(council.outcomes);
  const others = byDate(reviews.filter((r) => r.id !== review?.id));
  const kind: ReviewKind = review?.kind ?? (reviews.some((r) => r.kind === "baseline") ? "review" : "baseline");
  const previous = review ? others.filter((r) => r.reviewDate <= review.reviewDate).at(-1) : others.at(-1);
  const [before] = useState(() => startingRisks(previous, child.risks));
  const [state, setState] = useState(() => reviewFormFrom(review, likelyDate(kind, council, others), before));
  const [savedId, setSavedId] = useState(review?.id);
  const navigate = useNavigate();
  const title = review ? "Continue the draft review" : kind === "baseline" ? "Record the baseline" : "Record a review";

  const form = useFormSubmit(async ({ action, values }: { action: Action; values: ReviewFormState }) => {
    const raw = reviewInput(
      kind,
      values,
      outcomes.map((o) => o.id),
      before,
    );
    const ids = reviewFieldIds(outcomes, values, raw.scores);
    const parsed = OutcomeReviewInputSchema.safeParse(raw);
    if (!parsed.success) return errorsFromZod(ids, parsed.error);
    return sendOrErrors(ids, async () => {
      const saved = savedId ? await updateReview(placement.id, savedId, parsed.data) : await createReview(placement.id, parsed.data);
      setSavedId(saved.id);
      if (action === "submit") await submitReview(placement.id, saved.id);
      const what = kind === "baseline" ? "baseline" : "review";
      await navigate(commissionerPlacementPath(placement.id), {
        state: { notice: action === "submit" ? `You submitted the ${what}.` : `You saved the ${what} as a draft.` },
      });
    });
  });
  usePageTitle(title, { hasErrors: Boolean(form.errors) });
  const errorAt = errorsById(form.errors);
  const update = (change: Partial<ReviewFormState>) => {
    setState((current) => ({ ...current, ...change }));
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    return form.submit(event, { action: submitter?.getAttribute("value") === "draft" ? "draft" : "submit", values: state });
  };

  return (
    <ReadingColumn backTo={commissionerPlacementPath(placement.id)} backText="Back to the placement">
      <FormErrorSummary form={form} />
      <span className="govuk-caption-l">
        {child.reference}, {placement.settingName}
      </span>
      <h1 className="govuk-heading-l">{title}</h1>
      {savedId && !review ? <div className="govuk-inset-text">The draft is saved. You can submit it once every question is answered.</div> : null}
      <p className="govuk-body">
        {kind === "baseline"
          ? "The baseline records where the child is at the start of the placement; each later review is measured against it."
          : "Record progress since the last review. You can save a draft and come back to it; once submitted the review cannot be changed."}
      </p>
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
        <DateInput
          id="review-date"
          legend={kind === "baseline" ? "Date of the baseline" : "Date of the review"}
          legendSize="m"
          hint="For example, 27 3 2026"
          value={state.reviewDate}
          onChange={(reviewDate) => update({ reviewDate })}
          error={errorAt("review-date")}
        />
        <MeasureFields
          prefix="review"
          outcomes={outcomes}
          state={state}
          update={update}
          showAttendance={child.lotNumber === null || recordsAttendance(child.lotNumber)}
          incidentsLegend={kind === "baseline" ? "Incidents before the placement started" : "Incidents since the last review"}
          errorAt={errorAt}
        />
        <Radios
          name="review-child-view"
          legend="The child’s view of the placement (optional)"
          options={VIEW_OPTIONS}
          value={state.childView}
          onChange={(childView) => update({ childView })}
          error={errorAt("review-child-view")}
        />
        <Radios
          name="review-family-view"
          legend="The family’s view of the placement (optional)"
          options={VIEW_OPTIONS}
          value={state.familyView}
          onChange={(familyView) => update({ familyView })}
          error={errorAt("review-family-view")}
        />
        <div className="govuk-button-group">
          <button type="submit" name="action" value="submit" className="govuk-button" data-module="govuk-button" disabled={form.sending}>
            Submit {kind === "baseline" ? "baseline" : "review"}
          </button>
          <button type="submit" name="action" value="draft" className="govuk-button govuk-button--secondary" data-module="govuk-button" disabled={form.sending}>
            Save as draft
          </button>
        </div>
      </form>
    </ReadingColumn>
  );
}
