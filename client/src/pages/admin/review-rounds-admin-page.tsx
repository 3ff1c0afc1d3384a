import { useState } from "react";
import { useReviewRoundChoices } from "../../api/review-rounds";
import { QueryView } from "../../components/query-view";
import { adminReviewRoundPath } from "../../lib/paths";
import { ReviewRoundsList } from "../review/review-rounds-list";
import { ReviewRoundForm } from "./review-round-form";

export function ReviewRoundsAdminPage() {
  const choices = useReviewRoundChoices();
  const [hasErrors, setHasErrors] = useState(false);
  return (
    <ReviewRoundsList
      intro="Rounds in which Parent Carer Forums review the framework. Hide comments that break the rules, and answer what forums said."
      pathFor={adminReviewRoundPath}
      hasErrors={hasErrors}
    >
      <h2 className="govuk-heading-l govuk-!-margin-top-8">Open a new review round</h2>
      <QueryView query={choices} what="the frameworks and forums">
        {(data) => <ReviewRoundForm choices={data} onErrorsChange={setHasErrors} />}
      </QueryView>
    </ReviewRoundsList>
  );
}
