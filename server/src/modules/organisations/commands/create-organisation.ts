import type { OrganisationCreateInput } from "@shared/schemas/identity";
import type { Db } from "../../../db/client";
import { isUniqueViolation } from "../../../db/errors";
import { organisations } from "../../../db/schema";
import { conflict } from "../../../http/app-error";
import { recordAudit } from "../../audit/record-audit";
import type { Actor } from "../../identity/actor";

export interface CreateOrganisationProps {
  db: Db;
  /** A regional admin; the organisation joins their region. */
  actor: Actor & { regionId: string };
  input: OrganisationCreateInput;
  ip?: string | undefined;
}

export async function createOrganisation({ db, actor, input, ip }: CreateOrganisationProps) {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(organisations)
        .values({
          regionId: actor.regionId,
          kind: input.kind,
          name: input.name,
          laCode: input.laCode ?? null,
          companiesHouseNumber: input.companiesHouseNumber ?? null,
          contactEmail: input.contactEmail ?? null,
          contactPhone: input.contactPhone ?? null,
        })
        .returning();
      if (!row) throw new Error("organisation insert returned nothing");
      await recordAudit(tx, {
        action: "organisation.create",
        recordType: "organisation",
        recordId: row.id,
        actorUserId: actor.userId,
        actorOrganisationId: actor.organisationId,
        ip,
        details: { kind: row.kind },
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict("An organisation of that kind with that name or local authority code already exists in your region. Find it in the list instead.");
    }
    throw error;
  }
}
