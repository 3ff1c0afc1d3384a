import type { ValidationIssue } from "@shared/errors";
import type { SettingRow } from "./queries";

/**
 * What a commissioner needs before a setting can be listed. Drafts may be incomplete (GIAS
 * imports always are); publishing says everything that is still missing, at once.
 */
export function missingForPublication(row: SettingRow): ValidationIssue[] {
  const missing: ValidationIssue[] = [];
  const need = (ok: boolean, field: string, message: string) => ok || missing.push({ path: `setting.${field}`, message });
  need(row.lotNumbers.length > 0, "lotNumbers", "Choose the lots the setting is offered on");
  need(row.needs.length > 0, "needs", "Say which needs the setting supports");
  need(row.residentialTypes.length > 0, "residentialTypes", "Say whether the setting is day, 38-week or 52-week residential");
  need(row.registeredCapacity > 0, "registeredCapacity", "Enter the registered capacity");
  need(row.addressLine1 !== "" && row.town !== "" && row.postcode !== "", "address", "Enter the setting's address");
  need(row.latitude !== null, "address.postcode", "Enter a postcode in a known postcode district, so commissioners can find the setting by distance");
  need(row.description.trim().length > 0, "description", "Describe the setting for commissioners");
  return missing;
}
