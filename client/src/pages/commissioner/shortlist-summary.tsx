import type { ShortlistEntry } from "@shared/schemas/children";

const count = (n: number) => (n === 1 ? "1 setting shortlisted" : `${n} settings shortlisted`);

/** The settings a placement request for this child will invite; announced when it changes. */
export function ShortlistSummary({ entries }: { entries: readonly ShortlistEntry[] }) {
  return (
    <section aria-labelledby="shortlist-heading">
      <h2 className="govuk-heading-m" id="shortlist-heading">
        Shortlist
      </h2>
      <div aria-live="polite">
        <p className="govuk-body" id="shortlist-count">
          {entries.length === 0 ? "No settings shortlisted yet." : `${count(entries.length)}. A placement request for this child invites them.`}
        </p>
        {entries.length > 0 ? (
          <ul className="govuk-list govuk-list--bullet" aria-labelledby="shortlist-heading">
            {entries.map((entry) => (
              <li key={entry.settingId}>
                {entry.settingName}, {entry.organisationName}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </section>
  );
}
