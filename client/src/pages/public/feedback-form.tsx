import { useState } from "react";
import { ErrorCode } from "@shared/errors";
import {
  SATISFACTION_LABELS,
  SATISFACTION_RATINGS,
  SERVICE_FEEDBACK_MAX_LENGTH,
  ServiceFeedbackCreateSchema,
  type ServiceFeedbackReceipt,
} from "@shared/schemas/service-feedback";
import { ApiRequestError } from "../../api/http";
import { submitServiceFeedback } from "../../api/service-feedback";
import { CharacterCount } from "../../components/character-count";
import { Form, FormErrorSummary } from "../../components/form";
import { collectErrors, errorsFromApi, errorsFromZod } from "../../components/form-errors";
import { Radios } from "../../components/radios";
import { useFormSubmit } from "../../components/use-form-submit";
import { usePageTitle } from "../../components/use-page-title";

const RATING_OPTIONS = SATISFACTION_RATINGS.map((value) => ({ value, label: SATISFACTION_LABELS[value] }));
const FIELD_IDS = { rating: "rating", comments: "comments" } as const;

interface FeedbackFormProps {
  sourcePage: string | undefined;
  onSent(receipt: ServiceFeedbackReceipt["data"]): void;
}

export function FeedbackForm({ sourcePage, onSent }: FeedbackFormProps) {
  const [rating, setRating] = useState<string>();
  const [comments, setComments] = useState("");
  const form = useFormSubmit(async () => {
    const parsed = ServiceFeedbackCreateSchema.safeParse({
      rating,
      comments: comments.trim() === "" ? undefined : comments,
      page: sourcePage,
    });
    if (!parsed.success) return errorsFromZod(FIELD_IDS, parsed.error);
    try {
      onSent(await submitServiceFeedback(parsed.data));
      return undefined;
    } catch (error) {
      // Anyone may send feedback, signed in or not: the limit is worded for this form.
      if (error instanceof ApiRequestError && error.error.code === ErrorCode.RateLimited) {
        return collectErrors(FIELD_IDS, [{ field: "", message: "You have sent feedback too many times. Wait a few minutes and try again." }]);
      }
      return errorsFromApi(FIELD_IDS, error);
    }
  });
  const fields = form.errors?.fields;
  usePageTitle("Give feedback on Placement Exchange", { hasErrors: Boolean(form.errors) });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrorSummary form={form} />
        <h1 className="govuk-heading-l">Give feedback on Placement Exchange</h1>
        <p className="govuk-body">
          Tell us what you think of the service so we can improve it. Do not include personal information, such as your name or a child’s name, in your
          feedback.
        </p>
        <Form form={form} onSubmit={(event) => form.submit(event)} submitLabel="Send feedback" errorSummary={false}>
          <Radios
            name={FIELD_IDS.rating}
            legend="Overall, how did you feel about Placement Exchange?"
            options={RATING_OPTIONS}
            value={rating}
            onChange={setRating}
            error={fields?.rating}
          />
          <CharacterCount
            id={FIELD_IDS.comments}
            label="How could we improve this service? (optional)"
            hint="Do not include any personal or sensitive information."
            maxLength={SERVICE_FEEDBACK_MAX_LENGTH}
            value={comments}
            onChange={setComments}
            error={fields?.comments}
          />
        </Form>
      </div>
    </div>
  );
}
