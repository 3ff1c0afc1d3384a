import type { z } from "zod";
import type { ValidationIssue } from "../errors";
import { issuesFromZod } from "../zod-issues";
import { PDS_DEFINITION, PDS_ENTITIES, PDS_VERSION, type PdsEntity, pdsEntity, pdsField } from "./definition";
import { compileFieldCheck } from "./field-checks";

/**
 * What a document must hold at one stage of a placement (a referral, later an agreement): the
 * standard itself says which entities and fields exist; a stage says which of them apply.
 */
export interface StageRules {
  /** The document, for messages: "A referral". */
  document: string;
  /** Entities that must be present. */
  required: readonly string[];
  /** Entities of the standard that do not belong at this stage, each with what to do instead. */
  refused: Readonly<Record<string, string>>;
  /** Entities of which only some fields apply at this stage; the others are refused with `otherwise`. */
  onlyFields: Readonly<Record<string, { fields: readonly string[]; otherwise: string }>>;
  /** Top-level keys of ours beside the standard's entities, checked by the caller. */
  extensions: readonly string[];
  /** Our own limits on top of the standard's, by "Entity.field", checked once the standard's checks pass. */
  limits: Readonly<Record<string, z.ZodType>>;
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Compiled once per process: one check per field of the definition. */
const FIELD_CHECKS = new Map(
  PDS_DEFINITION.entities.flatMap((entity) => entity.fields.map((field) => [`${entity.name}.${field.name}`, compileFieldCheck(field)] as const)),
);

/** Fails at start-up if a stage names an entity or field the definition lacks (a new version renamed it). */
export function defineStage(rules: StageRules): StageRules {
  for (const name of [...rules.required, ...Object.keys(rules.refused)]) pdsEntity(name);
  for (const [entity, { fields }] of Object.entries(rules.onlyFields)) fields.forEach((field) => pdsField(entity, field));
  for (const key of Object.keys(rules.limits)) pdsField(...(key.split(".") as [string, string]));
  return rules;
}

function checkEntity(entity: PdsEntity, value: unknown, path: string, rules: StageRules): ValidationIssue[] {
  const fieldNames = entity.fields.map((f) => f.name);
  if (!isPlainObject(value)) return [{ path, message: `${entity.name} must be an object of its fields: ${fieldNames.join(", ")}` }];
  const issues: ValidationIssue[] = [];
  const only = rules.onlyFields[entity.name];
  for (const key of Object.keys(value)) {
    if (!fieldNames.includes(key))
      issues.push({ path: `${path}.${key}`, message: `"${key}" is not a field of ${entity.name} in the ${PDS_VERSION}; remove it` });
    else if (only && !only.fields.includes(key)) issues.push({ path: `${path}.${key}`, message: `${key} ${only.otherwise}` });
  }
  for (const field of entity.fields) {
    if (only && !only.fields.includes(field.name)) continue;
    const fieldPath = `${path}.${field.name}`;
    const fieldIssues = FIELD_CHECKS.get(`${entity.name}.${field.name}`)?.(value[field.name], fieldPath) ?? [];
    const limit = rules.limits[`${entity.name}.${field.name}`];
    if (fieldIssues.length === 0 && limit && value[field.name] != null) {
      const result = limit.safeParse(value[field.name]);
      if (!result.success) fieldIssues.push(...issuesFromZod(fieldPath, result.error));
    }
    issues.push(...fieldIssues);
  }
  return issues;
}

/**
 * Checks a document (entity name -> object of fields) against the standard and the stage's
 * rules, collecting every problem with its path (e.g. "body.PlacementRequirements.pets") rather
 * than stopping at the first, so a council's system can fix them all in one go.
 */
export function validateDocument(document: unknown, rules: StageRules, at = "body"): ValidationIssue[] {
  if (!isPlainObject(document)) {
    return [{ path: at, message: `${rules.document} must be a JSON object keyed by entity name (${rules.required.join(", ")})` }];
  }
  const issues: ValidationIssue[] = [];
  for (const name of rules.required) {
    if (document[name] == null) issues.push({ path: `${at}.${name}`, message: `${name} is required in ${rules.document.toLowerCase()}` });
  }
  for (const [name, value] of Object.entries(document)) {
    const path = `${at}.${name}`;
    const entity = PDS_ENTITIES.get(name);
    const refused = rules.refused[name];
    if (rules.extensions.includes(name)) continue;
    if (refused) issues.push({ path, message: refused });
    else if (!entity) issues.push({ path, message: `"${name}" is not an entity of the ${PDS_VERSION} (${[...PDS_ENTITIES.keys()].join(", ")}); remove it` });
    // An optional entity sent as null is absent; a required one was reported above.
    else if (value != null) issues.push(...checkEntity(entity, value, path, rules));
  }
  return issues;
}
