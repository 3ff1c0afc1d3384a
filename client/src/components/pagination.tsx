import { Link } from "react-router";

interface PaginationProps {
  page: number;
  pageCount: number;
  /** The link to a page number, keeping the rest of the query. */
  hrefFor(page: number): string;
  label: string;
}

/** GOV.UK pagination for a list of results: previous, numbered pages (with ellipses), next. */
export function Pagination({ page, pageCount, hrefFor, label }: PaginationProps) {
  if (pageCount <= 1) return null;
  const shown = [...new Set([1, page - 1, page, page + 1, pageCount])].filter((n) => n >= 1 && n <= pageCount).sort((a, b) => a - b);
  return (
    <nav className="govuk-pagination" aria-label={label}>
      {page > 1 ? (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" to={hrefFor(page - 1)} rel="prev">
            <span className="govuk-pagination__link-title">
              Previous<span className="govuk-visually-hidden"> page</span>
            </span>
          </Link>
        </div>
      ) : null}
      <ul className="govuk-pagination__list">
        {shown.map((n, index) => (
          <FragmentItems key={n} n={n} gap={index > 0 && n - (shown[index - 1] ?? n) > 1} current={n === page} href={hrefFor(n)} />
        ))}
      </ul>
      {page < pageCount ? (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" to={hrefFor(page + 1)} rel="next">
            <span className="govuk-pagination__link-title">
              Next<span className="govuk-visually-hidden"> page</span>
            </span>
          </Link>
        </div>
      ) : null}
    </nav>
  );
}

function FragmentItems({ n, gap, current, href }: { n: number; gap: boolean; current: boolean; href: string }) {
  return (
    <>
      {gap ? <li className="govuk-pagination__item govuk-pagination__item--ellipses">&ctdot;</li> : null}
      <li className={`govuk-pagination__item${current ? " govuk-pagination__item--current" : ""}`}>
        <Link className="govuk-link govuk-pagination__link" to={href} aria-label={`Page ${n}`} aria-current={current ? "page" : undefined}>
          {n}
        </Link>
      </li>
    </>
  );
}
