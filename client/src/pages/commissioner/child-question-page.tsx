import { useState } from "react";
import { useParams } from "react-router";
import type { ChildSectionId } from "@shared/schemas/child-questions";
import type { ChildProfile } from "@shared/schemas/children";
import { ReadingColumn } from "../../components/reading-column";
import { usePageTitle } from "../../components/use-page-title";
import { commissionerChildEditPath } from "../../lib/paths";
import { NotFoundPage } from "../public/not-found-page";
import { formFromChild } from "./child-form-state";
import { ChildProfileGate } from "./child-profile-gate";
import { isChildSection, sectionTitle } from "./child-progress";
import { ChildSectionForm } from "./child-section-form";
import { useSaveChildSection } from "./use-save-child";

/** One topic of a child's profile, as a question page of the task list. */
export function ChildQuestionPage() {
  const { section } = useParams();
  if (!isChildSection(section)) return <NotFoundPage />;
  return <ChildProfileGate>{(child) => <ChildQuestion key={section} child={child} section={section} />}</ChildProfileGate>;
}

function ChildQuestion({ child, section }: { child: ChildProfile; section: ChildSectionId }) {
  const [hasErrors, setHasErrors] = useState(false);
  const title = sectionTitle(section);
  usePageTitle(`${title} – ${child.reference}`, { hasErrors });
  const save = useSaveChildSection(child.id, section);
  return (
    <ReadingColumn backTo={commissionerChildEditPath(child.id)} backText="Back to the task list">
      <span className="govuk-caption-l">{child.reference}</span>
      <h1 className="govuk-heading-l">{title}</h1>
      <ChildSectionForm
        section={section}
        initial={formFromChild(child)}
        preferredSettingName={child.preferredSettingName}
        save={save}
        onErrorsChange={setHasErrors}
      />
    </ReadingColumn>
  );
}
