import { useState, type FormEvent } from "react";
import { RatingSchema, type ReviewRound } from "../../../../shared/src/schemas/review-rounds";
import { rateCriterion } from "../../api/review-rounds";
import { ErrorSummary } from "../../components/error-summary";
import { errorsFromApi, errorsFromZod, type FormErrors } from "../../components/form-errors";
import { Radios } from "../../components/radios";

type Criterion = ReviewRound["criteria"][number];
const RATINGS = [
  { value: "1", label: "1 (poor)" },
  { value: "2", label: "2" },
  { value: "3", label: "3" },
  { value: "4", label: "4" },
  { value: "5", label: "5 (excellent)" },
];

export function averageText(averageRating: number | null, ratings: number): string {
  if (averageRating === null || ratings === 0) return "No ratings yet";
  return `Average rating: ${averageRating.toFixed(1)} out of 5 (${ratings} ${ratings === 1 ? "rating" : "ratings"})`;
}

export function CriterionRating({ roundId, criterion, canRate, onRated }: { roundId: string; criterion: Criterion; canRate: boolean; onRated(round: ReviewRound): void }) {
  const [rating, setRating] = useState<string | undefined>(criterion.myRating === null ? undefined : String(criterion.myRating));
  const [errors, setErrors] = useState<FormErrors<"rating">>();
  const [attempt, setAttempt] = useState(0);
  const [sending, setSending] = useState(false);
  const fieldIds = { rating: `rating-${criterion.id}` };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    const parsed = RatingSchema.safeParse({ rating: rating === undefined ? undefined : Number(rating) });
    if (!parsed.success) {
      setErrors(errorsFromZod(fieldIds, parsed.error));
      setAttempt((n) => n + 1);
      return;
    }
    setSending(true);
    try {
      onRated(await rateCriterion(roundId, criterion.id, parsed.data.rating));
      setErrors(undefined);
    } catch (error) {
      setErrors(errorsFromApi(fieldIds, error));
      setAttempt((n) => n + 1);
    } finally {
      setSending(false);
    }
  }

  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title">{criterion.name}</h3>
      </div>
      <div className="govuk-summary-card__content">
        {criterion.description ? <p className="govuk-body">{criterion.description}</p> : null}
        <p className="govuk-body" role="status" aria-live="polite">
          {averageText(criterion.averageRating, criterion.ratings)}
        </p>
        {canRate ? (
          <>
            {errors ? <ErrorSummary key={attempt} errors={errors.summary} /> : null}
            <form noValidate onSubmit={handleSubmit}>
              <Radios name={fieldIds.rating} legend={`Your rating of “${criterion.name}”`} options={RATINGS} value={rating} onChange={setRating} error={errors?.fields.rating} />
              <button type="submit" className="govuk-button govuk-!-margin-bottom-0" data-module="govuk-button" disabled={sending}>
                Rate<span className="govuk-visually-hidden"> “{criterion.name}”</span>
              </button>
            </form>
          </>
        ) : null}
      </div>
    </div>
  );
}
