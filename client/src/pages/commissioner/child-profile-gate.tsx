import type { ReactNode } from "react";
import { useParams } from "react-router";
import type { ChildProfile } from "../../../../shared/src/schemas/children";
import { useChild } from "../../api/children";
import { isNotFound } from "../../components/not-found-error";
import { Loading, QueryProblem } from "../../components/query-problem";
import { NotFoundPage } from "../public/not-found-page";

/** Loads the profile named by the page's `:id`; another council's child is "not found", as the API answers. */
export function ChildProfileGate({ children: render }: { children(child: ChildProfile): ReactNode }) {
  const { id = "" } = useParams();
  const child = useChild(id);
  if (child.status === "loading") return <Loading what="the child’s profile" />;
  if (child.status === "error") return isNotFound(child.error) ? <NotFoundPage /> : <QueryProblem what="the child’s profile" onRetry={child.retry} />;
  return render(child.data);
}
