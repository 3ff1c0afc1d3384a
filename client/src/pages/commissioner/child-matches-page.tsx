import { Link, useNavigate, useSearchParams } from "react-router";
import type { ChildProfile } from "@shared/schemas/children";
import { ErrorSummary } from "../../components/error-summary";
import { QueryProblem } from "../../components/query-problem";
import { SummaryList } from "../../components/summary-list";
import { usePageTitle } from "../../components/use-page-title";
import { commissionerChildEditPath, commissionerChildMatchesPath } from "../../lib/paths";
import { missingLabel } from "./child-labels";
import { ChildProfileGate } from "./child-profile-gate";
import { ChildSubpage } from "./child-subpage";
import { childKeyRows } from "./child-summary";
import { LotChoiceForm } from "./lot-choice-form";
import { MatchesSection } from "./matches-section";
import { ShortlistSummary } from "./shortlist-summary";
import { useShortlistEditor } from "./use-shortlist-editor";

export function ChildMatchesPage() {
  return <ChildProfileGate>{(child) => <MatchesView child={child} />}</ChildProfileGate>;
}

/** The lot and whether to explain exclusions live in the address: view options, never anything about the child. */
function useMatchOptions(child: ChildProfile) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const asked = Number(params.get("lot"));
  const lot = Number.isInteger(asked) && asked >= 1 && asked <= 7 ? asked : (child.lotNumber ?? 1);
  const explain = params.get("explain") === "excluded";
  const hrefWith = (next: { lot?: number; explain?: boolean }) => {
    const query = new URLSearchParams();
    const nextLot = next.lot ?? lot;
    if (nextLot !== child.lotNumber) query.set("lot", String(nextLot));
    if (next.explain ?? explain) query.set("explain", "excluded");
    return `${commissionerChildMatchesPath(child.id)}${query.size > 0 ? `?${query.toString()}` : ""}`;
  };
  return { lot, explain, hrefWith, chooseLot: (next: number) => void navigate(hrefWith({ lot: next })) };
}

function MatchesView({ child }: { child: ChildProfile }) {
  usePageTitle(`Matching settings for ${child.reference}`);
  const options = useMatchOptions(child);
  const shortlist = useShortlistEditor(child.id);
  return (
    <ChildSubpage child={child}>
      {shortlist.problem ? <ErrorSummary key={shortlist.problem.attempt} errors={[{ text: shortlist.problem.text }]} /> : null}
      <span className="govuk-caption-l">{child.reference}</span>
      <h1 className="govuk-heading-l">Matching settings</h1>
      <SummaryList rows={childKeyRows(child)} />
      {child.missingForMatching.length > 0 ? (
        <div className="govuk-inset-text">
          Matching needs {missingLabel(child.missingForMatching)}.{" "}
          <Link className="govuk-link" to={commissionerChildEditPath(child.id)}>
            Add them to the profile
          </Link>
        </div>
      ) : (
        <>
          <LotChoiceForm key={options.lot} lot={options.lot} onChoose={options.chooseLot} />
          {shortlist.entries ? <ShortlistSummary entries={shortlist.entries} /> : null}
          {shortlist.loaded.status === "error" ? <QueryProblem what="the shortlist" onRetry={shortlist.loaded.retry} /> : null}
          <MatchesSection child={child} lot={options.lot} explain={options.explain} hrefWith={options.hrefWith} shortlist={shortlist} />
        </>
      )}
    </ChildSubpage>
  );
}
