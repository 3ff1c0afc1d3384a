import { formatPence } from "@shared/money";
import type { Criterion, Offer, OfferVersion } from "@shared/schemas/placement-requests";
import { Details } from "../../components/details";
import { SummaryList } from "../../components/summary-list";
import { formatDate, formatTime, formatTimestampDate } from "../../lib/format-date";

const feeParts = (v: OfferVersion) =>
  `core ${formatPence(v.fee.corePence)}, staffing ${formatPence(v.fee.staffingPence)}, therapies ${formatPence(v.fee.therapiesPence)}, other ${formatPence(v.fee.otherPence)}`;

const submitted = (v: OfferVersion) => `Version ${v.version}, received ${formatTimestampDate(v.submittedAt)} at ${formatTime(v.submittedAt)}`;

/** One version as the council reads it: the fee broken down, the start, each criterion answered. */
function VersionRows({ version, criteria }: { version: OfferVersion; criteria: readonly Criterion[] }) {
  return (
    <SummaryList
      rows={[
        { key: "Weekly fee", value: `${formatPence(version.weeklyFeePence)} (${feeParts(version)})` },
        { key: "Start date", value: formatDate(version.startDate) },
        ...criteria.map((c) => ({ key: c.label, value: version.criteria[c.id] || "Not answered" })),
        { key: "Notes", value: version.notes || "None" },
        ...(version.justification ? [{ key: "Why above the band ceiling", value: version.justification }] : []),
        { key: "Version", value: submitted(version) },
      ]}
    />
  );
}

/** An offer in a summary card, with its earlier versions (each revision is kept) folded away. */
export function OfferDetails({
  offer,
  criteria,
  title = `${offer.settingName}, ${offer.organisationName}`,
}: {
  offer: Offer;
  criteria: readonly Criterion[];
  title?: string;
}) {
  return (
    <div className="govuk-summary-card" data-offer-id={offer.id}>
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title">
          {title}
          {offer.status === "withdrawn" ? <strong className="govuk-tag govuk-tag--yellow govuk-!-margin-left-2">Withdrawn</strong> : null}
        </h3>
      </div>
      <div className="govuk-summary-card__content">
        <VersionRows version={offer.current} criteria={criteria} />
        {offer.history.length > 0 ? (
          <Details summary={`Earlier versions (${offer.history.length})`} className="govuk-!-margin-bottom-0">
            <ul className="govuk-list govuk-list--spaced">
              {[...offer.history].reverse().map((v) => (
                <li key={v.version}>
                  {submitted(v)}: {formatPence(v.weeklyFeePence)} a week ({feeParts(v)}), starting {formatDate(v.startDate)}
                </li>
              ))}
            </ul>
          </Details>
        ) : null}
      </div>
    </div>
  );
}
