import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { CHILD_SECTIONS, missingAnswerMessage } from "@shared/schemas/child-questions";
import type { ChildProfile } from "@shared/schemas/children";
import { completeChild } from "../../api/children";
import { Form } from "../../components/form";
import { sendOrErrors } from "../../components/form-errors";
import { SummaryList } from "../../components/summary-list";
import { useFormSubmit } from "../../components/use-form-submit";
import { usePageTitle } from "../../components/use-page-title";
import { commissionerChildEditPath, commissionerChildPath, commissionerChildQuestionPath } from "../../lib/paths";
import { ChildProfileGate } from "./child-profile-gate";
import { ChildSubpage } from "./child-subpage";
import { childSummarySections } from "./child-summary";

/** Check your answers: every answer with a way to change it, then "Confirm and complete" for a draft. */
export function ChildCheckPage() {
  return <ChildProfileGate>{(child) => <CheckAnswers child={child} />}</ChildProfileGate>;
}

function CheckAnswers({ child }: { child: ChildProfile }) {
  const [hasErrors, setHasErrors] = useState(false);
  usePageTitle(`Check your answers – ${child.reference}`, { hasErrors });
  const navigate = useNavigate();
  const draft = child.status === "draft";
  const form = useFormSubmit(
    () =>
      sendOrErrors({}, async () => {
        const completed = await completeChild(child.id);
        await navigate(commissionerChildPath(completed.id), { state: { notice: `You completed the profile of ${completed.reference}.` } });
      }),
    setHasErrors,
  );

  if (child.unanswered.length > 0) return <StillToAnswer child={child} />;
  return (
    <ChildSubpage child={child}>
      <span className="govuk-caption-l">{child.reference}</span>
      <h1 className="govuk-heading-l">Check your answers</h1>
      {childSummarySections(child).map((section) => (
        <div key={section.id}>
          <h2 className="govuk-heading-m">{section.heading}</h2>
          <SummaryList
            rows={section.rows.map((row) => ({ ...row, change: { to: commissionerChildQuestionPath(child.id, section.id), hidden: row.key.toLowerCase() } }))}
          />
        </div>
      ))}
      {draft ? (
        <>
          <h2 className="govuk-heading-m">Now complete the profile</h2>
          <p className="govuk-body">
            By completing the profile you confirm these answers are right, as far as you know. The profile can then be matched with settings and sent to
            providers in a placement request. You can still change it later.
          </p>
          <Form form={form} onSubmit={(event) => form.submit(event)} submitLabel="Confirm and complete" />
        </>
      ) : (
        <p className="govuk-body">
          <Link className="govuk-link" to={commissionerChildPath(child.id)}>
            Back to {child.reference}
          </Link>
        </p>
      )}
    </ChildSubpage>
  );
}

/** Reached before every question is answered: what is left, section by section. */
function StillToAnswer({ child }: { child: ChildProfile }) {
  const open = CHILD_SECTIONS.map((section) => ({
    section,
    paths: section.questions.filter((q) => child.unanswered.includes(q.path)).map((q) => q.path),
  })).filter((s) => s.paths.length > 0);
  return (
    <ChildSubpage child={child}>
      <span className="govuk-caption-l">{child.reference}</span>
      <h1 className="govuk-heading-l">You have not answered every question yet</h1>
      {open.map(({ section, paths }) => (
        <div key={section.id}>
          <h2 className="govuk-heading-m">
            <Link className="govuk-link" to={commissionerChildQuestionPath(child.id, section.id)}>
              {section.title}
            </Link>
          </h2>
          <ul className="govuk-list govuk-list--bullet">
            {paths.map((path) => (
              <li key={path}>{missingAnswerMessage(path)}</li>
            ))}
          </ul>
        </div>
      ))}
      <p className="govuk-body">
        <Link className="govuk-link" to={commissionerChildEditPath(child.id)}>
          Back to the task list
        </Link>
      </p>
    </ChildSubpage>
  );
}
