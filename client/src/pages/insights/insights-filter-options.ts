import { ErrorCode } from "@shared/errors";
import { ApiRequestError } from "../../api/http";
import { useOrganisations } from "../../api/organisations";
import type { FormErrors } from "../../components/form-errors";
import type { SelectOption } from "../../components/select";
import { errorsFromQueryIssues, type FilterPrefix, paramName } from "./insights-query";

/** The councils a reader may filter by: the hub any of the region's, a commissioner their own (the API sends only what each may see). */
export function useCouncilOptions(): SelectOption[] {
  const organisations = useOrganisations();
  const councils = organisations.status === "success" ? organisations.data.filter((o) => o.kind === "council") : [];
  return [{ value: "", label: "All councils in the region" }, ...councils.map((c) => ({ value: c.id, label: c.name }))];
}

/**
 * The API's refusal of the address's filters, shown on the form: a 400 on the fields it names; a
 * 403 (a commissioner's address naming another council) on the council, in the server's words.
 */
export function queryErrorsOf(error: unknown, prefixes: readonly FilterPrefix[]): FormErrors<string> | undefined {
  if (!(error instanceof ApiRequestError)) return undefined;
  if (error.error.code === ErrorCode.ValidationError) return errorsFromQueryIssues(prefixes, error.error.issues ?? []);
  if (error.error.code !== ErrorCode.Forbidden) return undefined;
  const [only] = prefixes;
  const field = prefixes.length === 1 && only !== undefined ? paramName(only, "council") : "";
  return errorsFromQueryIssues(prefixes, [{ path: field, message: error.error.message }]);
}
