import { useState } from "react";
import { PAGE_PATHS } from "@shared/page-paths";
import { FEEDBACK_ASPECT_LABELS, FEEDBACK_ASPECTS, type FeedbackAspect, SettingFeedbackCreateSchema } from "@shared/schemas/setting-feedback";
import type { DirectorySetting } from "../../api/open-data";
import { sendSettingFeedback } from "../../api/setting-feedback";
import { CharacterCount, PERSONAL_DATA_HINT } from "../../components/character-count";
import { ErrorMessage } from "../../components/error-message";
import { Form, FormErrorSummary } from "../../components/form";
import { errorsFromZod, sendOrErrors } from "../../components/form-errors";
import { Radios } from "../../components/radios";
import { ReadingColumn } from "../../components/reading-column";
import { useFormSubmit } from "../../components/use-form-submit";
import { usePageTitle } from "../../components/use-page-title";

const NOT_RATED = "not-rated";
const RATING_OPTIONS = [
  { value: "1", label: "1 (poor)" },
  { value: "2", label: "2" },
  { value: "3", label: "3" },
  { value: "4", label: "4" },
  { value: "5", label: "5 (excellent)" },
  { value: NOT_RATED, label: "Not rated" },
];

const ratingId = (aspect: FeedbackAspect) => `rating-${aspect}`;
const ratingField = (aspect: FeedbackAspect) => `ratings.${aspect}` as const;
type Field = "ratings" | ReturnType<typeof ratingField> | "comment";

/** "ratings" (rate at least one) points at the first aspect; each aspect and the comment at their own fields. */
const FIELD_IDS = {
  ratings: ratingId(FEEDBACK_ASPECTS[0]),
  ...Object.fromEntries(FEEDBACK_ASPECTS.map((aspect) => [ratingField(aspect), ratingId(aspect)])),
  comment: "comment",
} as Record<Field, string>;

/**
 * Step 2: ratings and a comment. The server refuses a comment that looks like personal data
 * (a phone number, a postcode, an e-mail or NHS number); that comes back as the comment's error.
 */
export function SettingFeedbackForm({ setting, onSent }: { setting: DirectorySetting; onSent(): void }) {
  const [ratings, setRatings] = useState<Partial<Record<FeedbackAspect, string>>>({});
  const [comment, setComment] = useState("");
  const form = useFormSubmit(async () => {
    const rated = Object.fromEntries(
      FEEDBACK_ASPECTS.flatMap((aspect) => {
        const value = ratings[aspect];
        return value === undefined || value === NOT_RATED ? [] : [[aspect, Number(value)]];
      }),
    );
    const parsed = SettingFeedbackCreateSchema.safeParse({ ratings: rated, comment });
    if (!parsed.success) return errorsFromZod(FIELD_IDS, parsed.error);
    return sendOrErrors(FIELD_IDS, async () => {
      await sendSettingFeedback(setting.id, parsed.data);
      onSent();
    });
  });
  const errors = form.errors;
  usePageTitle(`Feedback on ${setting.name}`, { hasErrors: errors !== undefined });

  const atLeastOne = errors?.fields.ratings;
  return (
    <ReadingColumn backTo={PAGE_PATHS.parentGiveFeedback} backText="Choose a different setting">
      <FormErrorSummary form={form} />
      <span className="govuk-caption-l">Give feedback on a setting</span>
      <h1 className="govuk-heading-l">{setting.name}</h1>
      {setting.town ? <p className="govuk-body">{setting.town}</p> : null}
      <Form form={form} onSubmit={(event) => form.submit(event)} submitLabel="Send feedback" errorSummary={false}>
        <h2 className="govuk-heading-m">Ratings</h2>
        <p className="govuk-body">Rate what you know about, from 1 (poor) to 5 (excellent). Choose “Not rated” for anything you cannot say.</p>
        <div className={atLeastOne ? "govuk-form-group govuk-form-group--error" : undefined}>
          {atLeastOne ? <ErrorMessage id="ratings-error">{atLeastOne}</ErrorMessage> : null}
          {FEEDBACK_ASPECTS.map((aspect) => (
            <Radios
              key={aspect}
              name={ratingId(aspect)}
              legend={FEEDBACK_ASPECT_LABELS[aspect]}
              options={RATING_OPTIONS}
              value={ratings[aspect]}
              onChange={(value) => setRatings((current) => ({ ...current, [aspect]: value }))}
              error={errors?.fields[ratingField(aspect)]}
            />
          ))}
        </div>
        <CharacterCount
          id={FIELD_IDS.comment}
          label="What have families found?"
          hint={PERSONAL_DATA_HINT}
          maxLength={2000}
          value={comment}
          onChange={setComment}
          error={errors?.fields.comment}
        />
      </Form>
    </ReadingColumn>
  );
}
