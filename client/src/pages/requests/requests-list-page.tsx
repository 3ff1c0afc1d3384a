import type { ReactNode } from "react";
import { usePlacementRequests } from "../../api/placement-requests";
import { QueryView } from "../../components/query-view";
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
      <QueryView query={requests} what="the requests" loading="requests" empty={empty}>
        {(data) => <RequestsTable items={data} viewer={viewer} pathOf={pathOf} />}
      </QueryView>
    </>
  );
}
