import { z } from "zod";
import { PDS_RISK_CODES } from "../codes/directory";
import type { ValidationIssue } from "../errors";
import { type ChildProfileUpdateInput, ChildProfileUpdateSchema, ChildRiskSchema } from "../schemas/children";
import type { DistanceTravelled } from "../schemas/outcome-reviews";
import { issuesFromZod } from "../zod-issues";
import { EXTENSION_FIELDS, EXTENSION_KEY, type ExtensionField, standardSourceOf } from "./profile-sources";
import { isPlainObject } from "./validate-document";

/** How each present risk is moving; a risk present without one is taken as "current". */
const RiskTrajectoriesSchema = z.partialRecord(z.enum(PDS_RISK_CODES), ChildRiskSchema.shape.trajectory);

/**
 * placementExchange: our extension beside the standard's entities, carrying what matching needs
 * and the standard lacks. Its fields are the profile's own, checked by the profile's schema.
 */
export type PlacementExchangeExtension = Pick<ChildProfileUpdateInput, ExtensionField> & {
  riskTrajectories?: z.infer<typeof RiskTrajectoriesSchema>;
  /** Exported only: the current placement's distance travelled, computed from its reviews, so an import ignores it. */
  distanceTravelled?: DistanceTravelled;
};

const isExtensionField = (key: string): key is ExtensionField => (EXTENSION_FIELDS as readonly string[]).includes(key);

function unknownFieldMessage(key: string): string {
  const source = standardSourceOf(key);
  return source ? `"${key}" comes from ${source} in the standard; give it there, not here` : `"${key}" is not a field of ${EXTENSION_KEY}; remove it`;
}

/** Checks the extension with the profile's own schema (so its rules, e.g. needs, are the form's), every problem under `at`. */
export function checkExtension(value: unknown, at: string): { issues: ValidationIssue[]; extension: PlacementExchangeExtension } {
  if (!isPlainObject(value))
    return {
      issues: [{ path: at, message: `${EXTENSION_KEY} must be an object of profile fields: ${EXTENSION_FIELDS.join(", ")}, riskTrajectories` }],
      extension: {},
    };
  // distanceTravelled is computed from the sender's reviews: a document may carry it back, and it is not taken.
  const { riskTrajectories, distanceTravelled: _computed, ...rest } = value;
  const issues: ValidationIssue[] = Object.keys(rest)
    .filter((key) => !isExtensionField(key))
    .map((key) => ({ path: `${at}.${key}`, message: unknownFieldMessage(key) }));
  const fields = Object.fromEntries(Object.entries(rest).filter(([key]) => isExtensionField(key)));
  const profile = ChildProfileUpdateSchema.safeParse(fields);
  const trajectories = RiskTrajectoriesSchema.optional().safeParse(riskTrajectories);
  if (!profile.success) issues.push(...issuesFromZod(at, profile.error));
  if (!trajectories.success) issues.push(...issuesFromZod(`${at}.riskTrajectories`, trajectories.error));
  const extension: PlacementExchangeExtension = { ...profile.data, ...(trajectories.data ? { riskTrajectories: trajectories.data } : {}) };
  return { issues, extension };
}
