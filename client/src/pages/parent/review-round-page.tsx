import { useParams } from "react-router";
import { PAGE_PATHS } from "@shared/page-paths";
import { ReviewRoundView } from "../review/review-round-view";

export function ReviewRoundPage() {
  const { id = "" } = useParams();
  return <ReviewRoundView id={id} admin={false} backTo={PAGE_PATHS.parentReviewRounds} />;
}
