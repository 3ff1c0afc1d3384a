import { useState } from "react";
import type { ReviewRound } from "@shared/schemas/review-rounds";
import { ThemeForm } from "./theme-form";

interface ThemeCardsProps {
  round: ReviewRound;
  /** The hub adds and changes themes; panel members read them. */
  admin: boolean;
  onSaved(message: string): Promise<void>;
}

/** "You said, we did": each theme with its answer; the hub changes one in place. */
export function ThemeCards({ round, admin, onSaved }: ThemeCardsProps) {
  const [editing, setEditing] = useState<string>();
  if (!admin && round.themes.length === 0) return null;
  return (
    <section aria-labelledby="themes-heading">
      <h2 className="govuk-heading-l" id="themes-heading">
        You said, we did
      </h2>
      {round.themes.length === 0 ? <p className="govuk-body">No themes yet.</p> : null}
      {round.themes.map((theme) => (
        <div key={theme.id} className="govuk-summary-card" data-theme-id={theme.id}>
          <div className="govuk-summary-card__title-wrapper">
            <h3 className="govuk-summary-card__title">{theme.title}</h3>
            {admin && editing !== theme.id ? (
              <ul className="govuk-summary-card__actions">
                <li className="govuk-summary-card__action">
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                    data-module="govuk-button"
                    onClick={() => setEditing(theme.id)}
                  >
                    Change<span className="govuk-visually-hidden"> the theme “{theme.title}”</span>
                  </button>
                </li>
              </ul>
            ) : null}
          </div>
          <div className="govuk-summary-card__content">
            {editing === theme.id ? (
              <ThemeForm
                roundId={round.id}
                comments={round.comments}
                theme={theme}
                onSaved={async (title) => {
                  setEditing(undefined);
                  await onSaved(`You changed the theme “${title}”`);
                }}
                onCancel={() => setEditing(undefined)}
              />
            ) : (
              <>
                <p className="govuk-body">{theme.answer || "Not answered yet."}</p>
                <p className="govuk-body-s">
                  {theme.commentIds.length} {theme.commentIds.length === 1 ? "comment" : "comments"}
                </p>
              </>
            )}
          </div>
        </div>
      ))}
      {admin ? <ThemeForm roundId={round.id} comments={round.comments} onSaved={(title) => onSaved(`You added the theme “${title}”`)} /> : null}
    </section>
  );
}
