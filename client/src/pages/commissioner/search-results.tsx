import { Link, useLocation } from "react-router";
import { formatPence } from "@shared/money";
import type { SettingSearchResult } from "@shared/schemas/settings";
import { Pagination } from "../../components/pagination";
import { ageRange, needsLabel, ofstedLabel, residentialLabel, sexLabel, vacanciesLabel } from "../../components/setting-labels";
import { SummaryList } from "../../components/summary-list";
import { commissionerSettingPath } from "../../lib/paths";

interface SearchResultsProps {
  result: SettingSearchResult;
  near: string | null;
  band: string | null;
  hrefForPage(page: number): string;
  exportHref: string;
}

const KM = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function SearchResults({ result, near, band, hrefForPage, exportHref }: SearchResultsProps) {
  const { data, total, page, pageSize } = result;
  const first = (page - 1) * pageSize + 1;
  // The setting's back link returns to these results, filters and page included.
  const { search } = useLocation();
  return (
    <>
      <h2 className="govuk-heading-m" id="results-heading" aria-live="polite">
        {total === 1 ? "1 setting found" : `${total} settings found`}
      </h2>
      {total > 0 ? (
        <p className="govuk-body">
          {total > data.length
            ? `Showing ${first} to ${first + data.length - 1}, ${near ? `nearest to ${near} first` : "by name"}. `
            : near
              ? `Nearest to ${near} first. `
              : ""}
          <a className="govuk-link" href={exportHref} download>
            Download these results (CSV)
          </a>
        </p>
      ) : (
        <p className="govuk-body">No published settings match these filters. Try removing some.</p>
      )}
      <ul className="govuk-list" aria-labelledby="results-heading">
        {data.map((hit) => (
          <li key={hit.id} className="govuk-!-margin-bottom-6">
            <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
              <Link className="govuk-link" to={commissionerSettingPath(hit.id)} state={{ search }}>
                {hit.name}
              </Link>
            </h3>
            <p className="govuk-body-s govuk-!-margin-bottom-2">
              {hit.organisationName}, {hit.town}
              {hit.outcode ? ` (${hit.outcode})` : ""}
            </p>
            <SummaryList
              noBorder
              dense
              className="govuk-!-margin-bottom-0"
              rows={[
                ...(hit.distanceKm !== null ? [{ key: "Distance", value: `${KM.format(hit.distanceKm)} km from ${near ?? "the district"}` }] : []),
                { key: "Vacancies", value: vacanciesLabel(hit.vacancies, hit.vacanciesConfirmedAt) },
                { key: "Needs", value: needsLabel(hit.needs) },
                {
                  key: "Ages",
                  value: `${ageRange(hit.ageLow, hit.ageHigh)}, ${sexLabel(hit.sexAdmitted).toLowerCase()}, ${residentialLabel(hit.residentialTypes).toLowerCase()}`,
                },
                { key: "Ofsted", value: ofstedLabel(hit.ofstedGrade) },
                ...(hit.bandPricePence !== null ? [{ key: `Band ${band ?? ""} price`, value: `${formatPence(hit.bandPricePence)} a week` }] : []),
              ]}
            />
          </li>
        ))}
      </ul>
      <Pagination page={page} pageCount={Math.ceil(total / pageSize)} hrefFor={hrefForPage} label="Pages of results" />
    </>
  );
}
