import type { ReactNode } from "react";
import type { ChildProfile } from "@shared/schemas/children";
import { ReadingColumn } from "../../components/reading-column";
import { commissionerChildPath } from "../../lib/paths";

/** A page about one child (its matches, a change, a request): the reading column, with the way back to the child. */
export function ChildSubpage({ child, children }: { child: Pick<ChildProfile, "id" | "reference">; children: ReactNode }) {
  return (
    <ReadingColumn backTo={commissionerChildPath(child.id)} backText={<>Back to {child.reference}</>}>
      {children}
    </ReadingColumn>
  );
}
