import type { ReactNode } from "react";
import { REQUEST_STATE_LABELS } from "@shared/codes/tenders";
import { REQUEST_LIST_FILTERS } from "@shared/schemas/placement-requests";
import { fetchRequestPage } from "../../api/placement-requests";
import { FilteredList } from "../../components/filtered-list";
import { usePageTitle } from "../../components/use-page-title";
import { RequestsTable } from "./requests-table";

interface RequestsListPageProps {
  title: string;
  intro: ReactNode;
  empty: string;
  viewer: "commissioner" | "provider";
  pathOf(id: string): string;
}

const stateOptions = (viewer: RequestsListPageProps["viewer"]) =>
  REQUEST_LIST_FILTERS.filter((s) => viewer === "commissioner" || s !== "draft").map((value) =>
    value === "awaiting_decision"
      ? { value, label: "Waiting for a decision", hint: "Closed, evaluated or in standstill: the council decides next" }
      : { value, label: REQUEST_STATE_LABELS[value] },
  );

/** A role's placement requests, searched, filtered and paged by the server: the council's own, or a provider's invitations. */
export function RequestsListPage({ title, intro, empty, viewer, pathOf }: RequestsListPageProps) {
  usePageTitle(title);
  return (
    <>
      <h1 className="govuk-heading-l">{title}</h1>
      {intro}
      <FilteredList
        load={fetchRequestPage}
        what="requests"
        count={(n) => (n === 1 ? "1 request" : `${n} requests`)}
        search={{
          label: "Search",
          hint: viewer === "commissioner" ? "A request's reference, like PR-1A2B3C4D, or a child's reference" : "A request's reference, like PR-1A2B3C4D",
        }}
        filter={{ legend: "State", options: stateOptions(viewer) }}
        empty={empty}
      >
        {(items) => <RequestsTable items={items} viewer={viewer} pathOf={pathOf} />}
      </FilteredList>
    </>
  );
}
