import { useNavigate } from "react-router";
import type { z } from "zod";
import type { ChildProfile } from "@shared/schemas/children";
import { errorsFromApi } from "../../components/form-errors";
import { commissionerChildPath } from "../../lib/paths";
import { checkChildForm, CHILD_FIELD_IDS, type ChildFormState } from "./child-form-state";

/**
 * The child form's `save`: checks it with `schema` (the create or the update one), sends it,
 * and opens the profile saying what was done; or answers the problems to show.
 */
export function useSaveChild<T>(schema: z.ZodType<T>, send: (input: T) => Promise<ChildProfile>, notice: (child: ChildProfile) => string) {
  const navigate = useNavigate();
  return async (form: ChildFormState) => {
    const checked = checkChildForm(form, schema);
    if ("problems" in checked) return checked.problems;
    try {
      const child = await send(checked.data);
      await navigate(commissionerChildPath(child.id), { state: { notice: notice(child) } });
      return undefined;
    } catch (error) {
      // A reference the council has used already: said on the reference.
      return errorsFromApi(CHILD_FIELD_IDS, error, "reference");
    }
  };
}
