import { useParams } from "react-router";
import { PAGE_PATHS } from "@shared/page-paths";
import { ReviewRoundView } from "../review/review-round-view";

export function ReviewRoundAdminPage() {
  const { id = "" } = useParams();
  return <ReviewRoundView id={id} admin backTo={PAGE_PATHS.adminReviewRounds} />;
}
