import { adminReviewRoundPath } from "../../components/paths";
import { ReviewRoundsList } from "../review/review-rounds-list";

export function ReviewRoundsAdminPage() {
  return <ReviewRoundsList intro="Rounds in which Parent Carer Forums review the framework. Hide comments that break the rules, and answer what forums said." pathFor={adminReviewRoundPath} />;
}
