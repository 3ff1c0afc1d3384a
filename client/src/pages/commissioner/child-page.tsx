import { Link, useLocation } from "react-router";
import { PAGE_PATHS } from "@shared/page-paths";
import type { ChildProfile } from "@shared/schemas/children";
import { useShortlist } from "../../api/children";
import { SuccessBanner } from "../../components/notification-banner";
import { Loading, QueryProblem } from "../../components/query-problem";
import { ReadingColumn } from "../../components/reading-column";
import { usePageTitle } from "../../components/use-page-title";
import { commissionerChildEditPath, commissionerChildMatchesPath, commissionerChildRequestNewPath } from "../../lib/paths";
import { ChildPlacements } from "../placements/child-placements";
import { missingLabel } from "./child-labels";
import { ChildProfileGate } from "./child-profile-gate";
import { ChildRequests } from "./child-requests";
import { ChildSummary } from "./child-summary";
import { ShortlistSummary } from "./shortlist-summary";

/** A child's profile, what it still needs before matching, and the settings shortlisted for it. */
export function ChildPage() {
  return <ChildProfileGate>{(child) => <ChildView child={child} />}</ChildProfileGate>;
}

function ChildView({ child }: { child: ChildProfile }) {
  usePageTitle(child.reference);
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  return (
    <ReadingColumn backTo={PAGE_PATHS.commissionerChildren} backText="Back to children">
      {notice ? <SuccessBanner key={notice} title={notice} /> : null}
      <span className="govuk-caption-l">{child.organisationName}</span>
      <h1 className="govuk-heading-l">{child.reference}</h1>
      {child.status === "draft" ? <DraftProfile child={child} /> : <CompleteProfile child={child} />}
    </ReadingColumn>
  );
}

/** A draft is not shown as answers: what is left, and the way back to the task list. */
function DraftProfile({ child }: { child: ChildProfile }) {
  return (
    <>
      <div className="govuk-inset-text">
        This profile is a draft with {child.unanswered.length === 1 ? "1 question" : `${child.unanswered.length} questions`} still to answer. It cannot be
        matched or sent to providers until you complete it.
      </div>
      <Link className="govuk-button" data-module="govuk-button" to={commissionerChildEditPath(child.id)}>
        Continue the profile
      </Link>
    </>
  );
}

function CompleteProfile({ child }: { child: ChildProfile }) {
  const shortlist = useShortlist(child.id);
  return (
    <>
      <MissingForMatching child={child} />
      <p className="govuk-body">
        <Link className="govuk-link" to={commissionerChildEditPath(child.id)}>
          Change the profile<span className="govuk-visually-hidden"> of {child.reference}</span>
        </Link>
      </p>
      <ChildRequests child={child} />
      <ChildSummary child={child} />
      {shortlist.status === "loading" ? <Loading what="the shortlist" /> : null}
      {shortlist.status === "error" ? <QueryProblem what="the shortlist" onRetry={shortlist.retry} /> : null}
      {shortlist.status === "success" ? <ShortlistSummary entries={shortlist.data} /> : null}
      <ChildPlacements child={child} />
      <Link className="govuk-button govuk-button--secondary" data-module="govuk-button" to={commissionerChildRequestNewPath(child.id)}>
        Invite settings to a placement request
      </Link>
    </>
  );
}

/** Matching cannot run on a profile without these (one imported from a referral may lack them). */
function MissingForMatching({ child }: { child: ChildProfile }) {
  if (child.missingForMatching.length > 0) {
    return (
      <div className="govuk-inset-text">
        To find matching settings, add {missingLabel(child.missingForMatching)}.{" "}
        <Link className="govuk-link" to={commissionerChildEditPath(child.id)}>
          Add them to the profile
        </Link>
      </div>
    );
  }
  return (
    <Link className="govuk-button" data-module="govuk-button" to={commissionerChildMatchesPath(child.id)}>
      Find matching settings
    </Link>
  );
}
