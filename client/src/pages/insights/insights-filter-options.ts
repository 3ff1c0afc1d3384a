import { ErrorCode } from "@shared/errors";
import { ApiRequestError } from "../../api/http";
import { useOrganisations } from "../../api/organisations";
import type { FormErrors } from "../../components/form-errors";
import type { SelectOption } from "../../components/select";
import { errorsFromQueryIssues } from "./insights-query";

/** The councils a reader may filter by: the hub any of the region's, a commissioner their own (the API sends only what each may see). */
export function useCouncilOptions(): SelectOption[] {
  const organisations = useOrganisations();
  const councils = organisations.status === "success" ? organisations.data.filter((o) => o.kind === "council") : [];
  return [{ value: "", label: "All councils in the region" }, ...councils.map((c) => ({ value: c.id, label: c.name }))];
}

/** A 400 from the API on the address's filters, shown on the form's fields. */
export function queryErrorsOf(error: unknown, prefixes: Parameters<typeof errorsFromQueryIssues>[0]): FormErrors<string> | undefined {
  if (!(error instanceof ApiRequestError) || error.error.code !== ErrorCode.ValidationError) return undefined;
  return errorsFromQueryIssues(prefixes, error.error.issues ?? []);
}
