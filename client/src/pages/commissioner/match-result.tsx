import { Link } from "react-router";
import { formatPence } from "@shared/money";
import type { Match, MatchCriterion } from "@shared/schemas/matching";
import { ofstedLabel } from "../../components/setting-labels";
import { SummaryList } from "../../components/summary-list";
import { Table } from "../../components/table";
import { commissionerSettingPath } from "../../lib/paths";

const CRITERION_LABELS: Record<MatchCriterion, string> = {
  need_fit: "Need fit",
  distance: "Distance from home",
  price: "Price against the band",
  ofsted: "Ofsted",
  parental_preference: "Parental preference",
  parent_feedback: "Parent carer feedback",
};
const NUMBER = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });
const points = (n: number) => NUMBER.format(n);

interface MatchResultProps {
  match: Match;
  homeOutcode: string | null;
  band: string | null;
  shortlisted: boolean;
  /** While this or another shortlist change is being saved. */
  busy: boolean;
  onToggleShortlist(): void;
}

/** One ranked setting: the facts a commissioner compares, and every criterion's points with its reason. */
export function MatchResult({ match, homeOutcode, band, shortlisted, busy, onToggleShortlist }: MatchResultProps) {
  return (
    <li className="govuk-!-margin-bottom-8">
      <h3 className="govuk-heading-m govuk-!-margin-bottom-1">
        <span className="govuk-caption-m">Rank {match.rank}</span>
        <Link className="govuk-link" to={commissionerSettingPath(match.settingId)}>
          {match.settingName}
        </Link>
      </h3>
      <p className="govuk-body-s">
        {match.organisationName}, {match.town}
        {match.outcode ? ` (${match.outcode})` : ""}
      </p>
      <SummaryList
        rows={[
          { key: "Score", value: `${points(match.score)} out of 100` },
          { key: "Distance", value: match.distanceKm === null ? "Not known" : `${points(match.distanceKm)} km from ${homeOutcode ?? "home"}` },
          { key: "Vacancies", value: match.vacancies === 1 ? "1 vacancy" : `${match.vacancies} vacancies` },
          { key: "Ofsted", value: ofstedLabel(match.ofstedGrade) },
          {
            key: band ? `Band ${band} price` : "Framework price",
            value:
              match.bandPricePence === null
                ? band
                  ? "No framework price for this band"
                  : "Choose a price band on the profile to compare"
                : `${formatPence(match.bandPricePence)} a week`,
          },
        ]}
      />
      <Table
        caption={`How ${match.settingName} scored`}
        columns={["What counts", { text: "Points", numeric: true }, "Why"]}
        rows={match.criteria.map((c) => ({
          key: c.criterion,
          header: CRITERION_LABELS[c.criterion],
          cells: [`${points(c.points)} of ${points(c.maxPoints)}`, c.reason],
        }))}
      />
      <button type="button" className="govuk-button govuk-button--secondary" data-module="govuk-button" disabled={busy} onClick={onToggleShortlist}>
        {shortlisted ? "Remove from shortlist" : "Add to shortlist"}
        <span className="govuk-visually-hidden">: {match.settingName}</span>
      </button>
    </li>
  );
}
