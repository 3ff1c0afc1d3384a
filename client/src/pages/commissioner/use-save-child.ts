import { useNavigate } from "react-router";
import type { ChildSectionId } from "@shared/schemas/child-questions";
import { ChildProfileUpdateSchema } from "@shared/schemas/children";
import { updateChild } from "../../api/children";
import { errorsFromApi } from "../../components/form-errors";
import { commissionerChildEditPath } from "../../lib/paths";
import { checkChildSection, CHILD_FIELD_IDS, type ChildFormState } from "./child-form-state";

/**
 * A question page's `save`: checks the page's answers, saves them to the profile (a draft keeps
 * what is still unanswered) and goes back to the task list; or answers the problems to show.
 */
export function useSaveChildSection(childId: string, section: ChildSectionId) {
  const navigate = useNavigate();
  return async (form: ChildFormState) => {
    const checked = checkChildSection(form, section, ChildProfileUpdateSchema);
    if ("problems" in checked) return checked.problems;
    try {
      await updateChild(childId, checked.data);
      await navigate(commissionerChildEditPath(childId));
      return undefined;
    } catch (error) {
      // A reference the council has used already: said on the reference.
      return errorsFromApi(CHILD_FIELD_IDS, error, "reference");
    }
  };
}
