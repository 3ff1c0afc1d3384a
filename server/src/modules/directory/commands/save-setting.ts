import { eq } from "drizzle-orm";
import { DomainErrorCode } from "@shared/errors";
import type { SettingCreateInput, SettingUpdateInput } from "@shared/schemas/settings";
import type { Db } from "../../../db/client";
import { settings } from "../../../db/schema";
import { conflict, validationFailed } from "../../../http/app-error";
import { recordAudit } from "../../audit/record-audit";
import type { Actor } from "../../identity/actor";
import { locate } from "../placement";
import type { SettingRow } from "../queries";

type Fields = Partial<Omit<SettingCreateInput, "urn">>;

/** Input fields → columns; the address is flattened and need_codes mirrors needs for search. */
async function columnsFor(db: Db, input: Fields) {
  const { address, needs, ...rest } = input;
  return {
    ...rest,
    ...(needs ? { needs, needCodes: needs.map((n) => n.code) } : {}),
    ...(address
      ? {
          addressLine1: address.line1,
          addressLine2: address.line2 ?? null,
          town: address.town,
          postcode: address.postcode,
          ...(await locate(db, address.postcode)),
        }
      : {}),
    ...(input.vacancies !== undefined ? { vacanciesConfirmedAt: new Date() } : {}),
  };
}

export interface CreateSettingProps {
  db: Db;
  /** A provider's administrator; the setting belongs to their organisation. */
  actor: Actor & { organisationId: string };
  input: SettingCreateInput;
  ip?: string | undefined;
}

export async function createSetting({ db, actor, input, ip }: CreateSettingProps): Promise<SettingRow> {
  const [existing] = await db.select({ id: settings.id }).from(settings).where(eq(settings.urn, input.urn));
  if (existing) {
    throw conflict(
      `A setting with URN ${input.urn} is already listed. If it was imported from GIAS and is yours, claim it by its URN instead.`,
      DomainErrorCode.AlreadyExists,
    );
  }
  const columns = await columnsFor(db, input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(settings)
      .values({
        ...columns,
        urn: input.urn,
        name: input.name,
        ageLow: input.ageLow,
        ageHigh: input.ageHigh,
        sexAdmitted: input.sexAdmitted,
        organisationId: actor.organisationId,
        source: "provider",
      })
      .returning();
    if (!row) throw new Error("setting insert returned nothing");
    await recordAudit(tx, {
      action: "setting.create",
      recordType: "setting",
      recordId: row.id,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
      details: { urn: row.urn },
    });
    return row;
  });
}

export interface UpdateSettingProps {
  db: Db;
  actor: Actor;
  setting: SettingRow;
  input: SettingUpdateInput;
  ip?: string | undefined;
}

/** Changes what a provider offers. A change that would break a constraint (vacancies > capacity) is a 400 from the schema or the database. */
export async function updateSetting({ db, actor, setting, input, ip }: UpdateSettingProps): Promise<SettingRow> {
  const merged = {
    ageLow: input.ageLow ?? setting.ageLow,
    ageHigh: input.ageHigh ?? setting.ageHigh,
    vacancies: input.vacancies ?? setting.vacancies,
    capacity: input.registeredCapacity ?? setting.registeredCapacity,
  };
  const issues = [];
  if (merged.ageHigh < merged.ageLow) issues.push({ path: "body.ageHigh", message: "The oldest age must be the same as or more than the youngest" });
  if (merged.vacancies > merged.capacity) issues.push({ path: "body.vacancies", message: "Vacancies cannot be more than the registered capacity" });
  if (issues.length) throw validationFailed(issues);
  const columns = await columnsFor(db, input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(settings)
      .set({ ...columns, source: "provider", updatedAt: new Date() })
      .where(eq(settings.id, setting.id))
      .returning();
    if (!row) throw new Error("setting update returned nothing");
    await recordAudit(tx, {
      action: "setting.update",
      recordType: "setting",
      recordId: row.id,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
      details: { fields: Object.keys(input).sort() },
    });
    return row;
  });
}
