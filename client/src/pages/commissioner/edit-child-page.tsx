import { Link, useLocation } from "react-router";
import { CHILD_SECTIONS } from "@shared/schemas/child-questions";
import type { ChildProfile } from "@shared/schemas/children";
import { SuccessBanner } from "../../components/notification-banner";
import { usePageTitle } from "../../components/use-page-title";
import { commissionerChildCheckPath, commissionerChildPath, commissionerChildQuestionPath } from "../../lib/paths";
import { ChildProfileGate } from "./child-profile-gate";
import { sectionProgress } from "./child-progress";
import { ChildSubpage } from "./child-subpage";

/** The child's profile as a GOV.UK task list: one question page per topic, then check your answers. */
export function EditChildPage() {
  return <ChildProfileGate>{(child) => <ChildTaskList child={child} />}</ChildProfileGate>;
}

const TAGS = {
  "Not started": <strong className="govuk-tag govuk-tag--blue">Not started</strong>,
  "In progress": <strong className="govuk-tag govuk-tag--light-blue">In progress</strong>,
  Completed: <>Completed</>,
};

function ChildTaskList({ child }: { child: ChildProfile }) {
  const draft = child.status === "draft";
  const title = draft ? `Record ${child.reference}’s needs` : `Change ${child.reference}`;
  usePageTitle(title);
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const done = CHILD_SECTIONS.filter((section) => sectionProgress(child, section) === "Completed").length;
  return (
    <ChildSubpage child={child}>
      {notice ? <SuccessBanner key={notice} title={notice} /> : null}
      <h1 className="govuk-heading-l">{title}</h1>
      {draft ? (
        <>
          <p className="govuk-body">
            This profile is a draft: it cannot be matched or sent to providers until every question is answered and you have checked your answers. Your answers
            are saved as you go, so you can come back to it at any time.
          </p>
          <p className="govuk-body govuk-!-font-weight-bold" id="child-progress">
            You have completed {done} of {CHILD_SECTIONS.length} sections.
          </p>
        </>
      ) : (
        <p className="govuk-body">Change the answers in any section: each page is saved when you continue.</p>
      )}
      <ul className="govuk-task-list">
        {CHILD_SECTIONS.map((section) => {
          const statusId = `child-task-${section.id}-status`;
          return (
            <li key={section.id} className="govuk-task-list__item govuk-task-list__item--with-link">
              <div className="govuk-task-list__name-and-hint">
                <Link className="govuk-link govuk-task-list__link" to={commissionerChildQuestionPath(child.id, section.id)} aria-describedby={statusId}>
                  {section.title}
                </Link>
              </div>
              <div className="govuk-task-list__status" id={statusId}>
                {TAGS[sectionProgress(child, section)]}
              </div>
            </li>
          );
        })}
      </ul>
      {draft ? (
        done === CHILD_SECTIONS.length ? (
          <Link className="govuk-button" data-module="govuk-button" to={commissionerChildCheckPath(child.id)}>
            Check your answers
          </Link>
        ) : (
          <p className="govuk-body">Once every section is completed, you can check your answers and complete the profile.</p>
        )
      ) : (
        <p className="govuk-body">
          <Link className="govuk-link" to={commissionerChildCheckPath(child.id)}>
            Check all the answers
          </Link>{" "}
          or{" "}
          <Link className="govuk-link" to={commissionerChildPath(child.id)}>
            go back to {child.reference}
          </Link>
          .
        </p>
      )}
    </ChildSubpage>
  );
}
