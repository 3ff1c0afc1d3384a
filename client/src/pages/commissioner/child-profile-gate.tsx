import type { ReactNode } from "react";
import { useParams } from "react-router";
import type { ChildProfile } from "@shared/schemas/children";
import { useChild } from "../../api/children";
import { QueryView } from "../../components/query-view";
import { NotFoundPage } from "../public/not-found-page";

/** Loads the profile named by the page's `:id`; another council's child is "not found", as the API answers. */
export function ChildProfileGate({ children: render }: { children(child: ChildProfile): ReactNode }) {
  const { id = "" } = useParams();
  const child = useChild(id);
  return (
    <QueryView query={child} what="the child’s profile" notFound={<NotFoundPage />}>
      {render}
    </QueryView>
  );
}
