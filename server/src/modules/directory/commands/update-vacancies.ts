import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { settings } from "../../../db/schema";
import { validationFailed } from "../../../http/app-error";
import { recordAudit } from "../../audit/record-audit";
import type { Actor } from "../../identity/actor";
import type { SettingRow } from "../queries";

export interface UpdateVacanciesProps {
  db: Db;
  actor: Actor;
  setting: SettingRow;
  vacancies: number;
  ip?: string | undefined;
}

/**
 * The provider's daily confirmation. Saving the same number still counts: commissioners see
 * when vacancies were last confirmed, which is what tells them the figure can be trusted.
 */
export async function updateVacancies({ db, actor, setting, vacancies, ip }: UpdateVacanciesProps): Promise<SettingRow> {
  if (vacancies > setting.registeredCapacity) {
    throw validationFailed([{ path: "body.vacancies", message: `Vacancies cannot be more than the registered capacity (${setting.registeredCapacity})` }]);
  }
  return db.transaction(async (tx) => {
    const now = new Date();
    const [row] = await tx.update(settings).set({ vacancies, vacanciesConfirmedAt: now, updatedAt: now }).where(eq(settings.id, setting.id)).returning();
    if (!row) throw new Error("vacancies update returned nothing");
    await recordAudit(tx, {
      action: "setting.vacancies_update",
      recordType: "setting",
      recordId: row.id,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
      details: { from: setting.vacancies, to: vacancies },
    });
    return row;
  });
}
