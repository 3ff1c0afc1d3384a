import type { Exclusion } from "@shared/schemas/matching";

/** Each listed setting the hard rules left out, with every rule it broke, so no exclusion is a mystery. */
export function ExcludedSettings({ excluded }: { excluded: readonly Exclusion[] }) {
  return (
    <section aria-labelledby="excluded-heading">
      <h2 className="govuk-heading-m" id="excluded-heading">
        Settings left out ({excluded.length})
      </h2>
      {excluded.length === 0 ? <p className="govuk-body">No setting on this lot was left out.</p> : null}
      <ul className="govuk-list">
        {excluded.map((exclusion) => (
          <li key={exclusion.settingId} className="govuk-!-margin-bottom-4">
            <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{exclusion.settingName}</h3>
            <ul className="govuk-list govuk-list--bullet">
              {exclusion.reasons.map((reason) => (
                <li key={`${reason.rule}:${reason.reason}`}>{reason.reason}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
