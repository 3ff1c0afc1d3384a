import { parentReviewRoundPath } from "../../lib/paths";
import { ReviewRoundsList } from "../review/review-rounds-list";

export function ReviewRoundsPage() {
  return (
    <ReviewRoundsList
      intro="The regional hub asks your Parent Carer Forum to review parts of the framework. Comment, vote and rate while a round is open."
      pathFor={parentReviewRoundPath}
    />
  );
}
