import { useState, type FormEvent } from "react";
import {
  SATISFACTION_LABELS,
  SATISFACTION_RATINGS,
  SERVICE_FEEDBACK_MAX_LENGTH,
  ServiceFeedbackCreateSchema,
  type ServiceFeedbackReceipt,
} from "../../../../shared/src/schemas/service-feedback";
import { submitServiceFeedback } from "../../api/service-feedback";
import { CharacterCount } from "../../components/character-count";
import { ErrorSummary } from "../../components/error-summary";
import { Radios } from "../../components/radios";
import { usePageTitle } from "../../components/use-page-title";
import { errorsFromApi, errorsFromZod, type FeedbackErrors } from "./feedback-errors";

const RATING_OPTIONS = SATISFACTION_RATINGS.map((value) => ({ value, label: SATISFACTION_LABELS[value] }));

interface FeedbackFormProps {
  sourcePage: string | undefined;
  onSent(receipt: ServiceFeedbackReceipt["data"]): void;
}

export function FeedbackForm({ sourcePage, onSent }: FeedbackFormProps) {
  const [rating, setRating] = useState<string>();
  const [comments, setComments] = useState("");
  const [errors, setErrors] = useState<FeedbackErrors>();
  // A new key on each failed submit remounts the error summary, which focuses it again.
  const [attempt, setAttempt] = useState(0);
  const [sending, setSending] = useState(false);
  usePageTitle("Give feedback on Placement Exchange", { hasErrors: Boolean(errors) });

  function fail(next: FeedbackErrors) {
    setErrors(next);
    setAttempt((n) => n + 1);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    const parsed = ServiceFeedbackCreateSchema.safeParse({
      rating,
      comments: comments.trim() === "" ? undefined : comments,
      page: sourcePage,
    });
    if (!parsed.success) return fail(errorsFromZod(parsed.error));

    setSending(true);
    try {
      onSent(await submitServiceFeedback(parsed.data));
    } catch (error) {
      fail(errorsFromApi(error));
      setSending(false);
    }
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {errors ? <ErrorSummary key={attempt} errors={errors.summary} /> : null}
        <h1 className="govuk-heading-l">Give feedback on Placement Exchange</h1>
        <p className="govuk-body">
          Tell us what you think of the service so we can improve it. Do not include personal information, such as
          your name or a child’s name, in your feedback.
        </p>
        <form noValidate onSubmit={handleSubmit}>
          <Radios
            name="rating"
            legend="Overall, how did you feel about Placement Exchange?"
            options={RATING_OPTIONS}
            value={rating}
            onChange={setRating}
            error={errors?.fields.rating}
          />
          <CharacterCount
            id="comments"
            label="How could we improve this service? (optional)"
            hint="Do not include any personal or sensitive information."
            maxLength={SERVICE_FEEDBACK_MAX_LENGTH}
            value={comments}
            onChange={setComments}
            error={errors?.fields.comments}
          />
          <button type="submit" className="govuk-button">
            Send feedback
          </button>
        </form>
      </div>
    </div>
  );
}
