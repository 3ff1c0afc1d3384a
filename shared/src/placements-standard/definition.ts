import { z } from "zod";
import definitionJson from "./definition.json" with { type: "json" };

/** The field types and cardinalities the standard uses; anything else in the file is a new version to read first. */
export const PDS_FIELD_TYPES = ["Integer", "String", "Boolean", "Date", "Categorical"] as const;
export const PDS_CARDINALITIES = ["0..1", "1..1", "0..*", "1..*"] as const;

const PdsFieldSchema = z
  .object({
    name: z.string(),
    type: z.enum(PDS_FIELD_TYPES),
    cardinality: z.enum(PDS_CARDINALITIES),
    description: z.string(),
    options: z.array(z.string()).min(1).optional(),
  })
  .refine((field) => (field.type === "Categorical") === (field.options !== undefined), { error: "Categorical fields, and only they, have options" });
export type PdsField = z.infer<typeof PdsFieldSchema>;

const PdsEntitySchema = z.object({ name: z.string(), description: z.string(), fields: z.array(PdsFieldSchema).min(1) });
export type PdsEntity = z.infer<typeof PdsEntitySchema>;

const PdsDefinitionSchema = z.object({
  metadata: z.object({ title: z.string(), version: z.string(), status: z.string(), effectiveDate: z.string(), description: z.string() }),
  entities: z.array(PdsEntitySchema).min(1),
});

/**
 * The Placements Data Standard v2 definition (source.md says where it comes from), checked when
 * loaded: a definition this code does not understand must fail at start-up, not validate loosely.
 */
export const PDS_DEFINITION = PdsDefinitionSchema.parse(definitionJson);
export const PDS_VERSION = `${PDS_DEFINITION.metadata.title} ${PDS_DEFINITION.metadata.version}`;
export const PDS_ENTITIES: ReadonlyMap<string, PdsEntity> = new Map(PDS_DEFINITION.entities.map((entity) => [entity.name, entity]));

/** An entity of the definition, or a start-up failure: code naming an entity the file lacks is a bug. */
export function pdsEntity(name: string): PdsEntity {
  const entity = PDS_ENTITIES.get(name);
  if (!entity) throw new Error(`The Placements Data Standard definition has no entity ${name}`);
  return entity;
}

/** A field of the definition, or a start-up failure (as pdsEntity). */
export function pdsField(entityName: string, fieldName: string): PdsField {
  const field = pdsEntity(entityName).fields.find((f) => f.name === fieldName);
  if (!field) throw new Error(`The Placements Data Standard definition has no field ${entityName}.${fieldName}`);
  return field;
}
