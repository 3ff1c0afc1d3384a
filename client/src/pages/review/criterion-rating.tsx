import { RatingSchema, type ReviewRound } from "@shared/schemas/review-rounds";
import { rateCriterion } from "../../api/review-rounds";
import { ChoiceCard } from "./choice-card";

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

export function CriterionRating({
  roundId,
  criterion,
  canRate,
  onRated,
}: {
  roundId: string;
  criterion: Criterion;
  canRate: boolean;
  onRated(round: ReviewRound): void;
}) {
  return (
    <ChoiceCard
      field="rating"
      fieldId={`rating-${criterion.id}`}
      title={criterion.name}
      description={criterion.description}
      status={
        <p className="govuk-body" role="status" aria-live="polite">
          {averageText(criterion.averageRating, criterion.ratings)}
        </p>
      }
      canChoose={canRate}
      legend={`Your rating of “${criterion.name}”`}
      options={RATINGS}
      initial={criterion.myRating === null ? undefined : String(criterion.myRating)}
      buttonText="Rate"
      buttonHiddenText={` “${criterion.name}”`}
      parse={(value) => RatingSchema.safeParse({ rating: value === undefined ? undefined : Number(value) })}
      send={async (body) => onRated(await rateCriterion(roundId, criterion.id, body.rating))}
    />
  );
}
