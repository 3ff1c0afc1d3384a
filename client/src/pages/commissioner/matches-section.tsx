import { Link } from "react-router";
import { DomainErrorCode } from "@shared/errors";
import type { ChildProfile } from "@shared/schemas/children";
import { useMatches } from "../../api/children";
import { ApiRequestError } from "../../api/http";
import { Loading, QueryProblem } from "../../components/query-problem";
import { lotLabel } from "../../components/setting-labels";
import { ExcludedSettings } from "./excluded-settings";
import { MatchResult } from "./match-result";
import type { useShortlistEditor } from "./use-shortlist-editor";

interface MatchesSectionProps {
  child: ChildProfile;
  lot: number;
  explain: boolean;
  hrefWith(next: { explain: boolean }): string;
  shortlist: ReturnType<typeof useShortlistEditor>;
}

/** The ranked settings on a lot, each with its reasons, and on request those left out and why. */
export function MatchesSection({ child, lot, explain, hrefWith, shortlist }: MatchesSectionProps) {
  const matches = useMatches(child.id, { lot, explain });
  if (matches.status === "loading") return <Loading what="matching settings" />;
  if (matches.status === "error") {
    const { error } = matches;
    // The profile lacks what matching needs; the API says what in words for people.
    if (error instanceof ApiRequestError && error.error.reason === DomainErrorCode.ProfileIncomplete)
      return <div className="govuk-inset-text">{error.error.message}</div>;
    return <QueryProblem what="matching settings" onRetry={matches.retry} />;
  }
  const { matches: ranked, considered, excluded } = matches.data;
  const shortlisted = new Set(shortlist.entries?.map((e) => e.settingId));
  return (
    <>
      <h2 className="govuk-heading-m" id="matches-heading">
        {ranked.length === 1 ? "1 setting matches" : `${ranked.length} settings match`}
      </h2>
      <p className="govuk-body">
        {lotLabel(lot)}: {considered === 1 ? "1 listed setting" : `${considered} listed settings`} considered, best match first, scored out of 100.{" "}
        <Link className="govuk-link" to={hrefWith({ explain: !explain })}>
          {explain ? "Hide the settings left out" : "Show settings left out and why"}
        </Link>
      </p>
      <ol className="govuk-list" aria-labelledby="matches-heading">
        {ranked.map((match) => (
          <MatchResult
            key={match.settingId}
            match={match}
            homeOutcode={child.homeOutcode}
            band={child.priceBand}
            shortlisted={shortlisted.has(match.settingId)}
            busy={shortlist.busy !== undefined || !shortlist.entries}
            onToggleShortlist={() => void shortlist.toggle(match.settingId)}
          />
        ))}
      </ol>
      {explain && excluded ? <ExcludedSettings excluded={excluded} /> : null}
    </>
  );
}
