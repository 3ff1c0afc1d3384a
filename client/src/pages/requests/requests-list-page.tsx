import type { ReactNode } from "react";
import { usePlacementRequests } from "../../api/placement-requests";
import { Loading, QueryProblem } from "../../components/query-problem";
import { usePageTitle } from "../../components/use-page-title";
import { RequestsTable } from "./requests-table";

interface RequestsListPageProps {
  title: string;
  intro: ReactNode;
  empty: string;
  viewer: "commissioner" | "provider";
  pathOf(id: string): string;
}

/** A role's placement requests: the council's own, or a provider's invitations. */
export function RequestsListPage({ title, intro, empty, viewer, pathOf }: RequestsListPageProps) {
  usePageTitle(title);
  const requests = usePlacementRequests();
  return (
    <>
      <h1 className="govuk-heading-l">{title}</h1>
      {intro}
      {requests.status === "loading" ? <Loading what="requests" /> : null}
      {requests.status === "error" ? <QueryProblem what="the requests" onRetry={requests.retry} /> : null}
      {requests.status === "success" ? requests.data.length === 0 ? <p className="govuk-body">{empty}</p> : <RequestsTable items={requests.data} viewer={viewer} pathOf={pathOf} /> : null}
    </>
  );
}
