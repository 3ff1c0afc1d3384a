import { FEEDBACK_ASPECT_LABELS, FEEDBACK_ASPECTS, type SettingFeedback } from "@shared/schemas/setting-feedback";

/** "Meeting children's needs: 4 out of 5", one line per rated aspect. */
export function RatingsList({ ratings }: { ratings: SettingFeedback["ratings"] }) {
  const rated = FEEDBACK_ASPECTS.filter((aspect) => ratings[aspect] !== undefined);
  return (
    <ul className="govuk-list govuk-body-s govuk-!-margin-bottom-0">
      {rated.map((aspect) => (
        <li key={aspect}>
          {FEEDBACK_ASPECT_LABELS[aspect]}: {ratings[aspect]} out of 5
        </li>
      ))}
    </ul>
  );
}
