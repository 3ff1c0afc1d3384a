import { eq } from "drizzle-orm";
import type { OrganisationContactUpdateInput } from "@shared/schemas/identity";
import type { Db } from "../../../db/client";
import { organisations } from "../../../db/schema";
import { recordAudit } from "../../audit/record-audit";
import type { Actor } from "../../identity/actor";

export interface UpdateContactProps {
  db: Db;
  /** An administrator of the organisation, or of its region's hub (loadContactEditableOrganisation). */
  actor: Actor;
  organisationId: string;
  input: OrganisationContactUpdateInput;
  ip?: string | undefined;
}

/** What became of one answer, for the audit. */
function change(from: string | null, to: string | null): "added" | "changed" | "removed" | "unchanged" {
  if (from === to) return "unchanged";
  if (from === null) return "added";
  return to === null ? "removed" : "changed";
}

/**
 * Replaces the organisation's contact e-mail and phone (null removes one). The audit says who
 * changed which answer and how, not the values: a contact may be a person's own address, and the
 * audit chain keeps nothing personal.
 */
export async function updateContact({ db, actor, organisationId, input, ip }: UpdateContactProps) {
  return db.transaction(async (tx) => {
    // FOR UPDATE: two administrators saving at once each audit against what the other left.
    const [before] = await tx
      .select({ contactEmail: organisations.contactEmail, contactPhone: organisations.contactPhone })
      .from(organisations)
      .where(eq(organisations.id, organisationId))
      .for("update");
    if (!before) throw new Error("the organisation was loaded before its contact was changed");
    const [after] = await tx
      .update(organisations)
      .set({ contactEmail: input.contactEmail, contactPhone: input.contactPhone })
      .where(eq(organisations.id, organisationId))
      .returning();
    if (!after) throw new Error("organisation update returned nothing");
    await recordAudit(tx, {
      action: "organisation.contact_change",
      recordType: "organisation",
      recordId: organisationId,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
      details: { contactEmail: change(before.contactEmail, after.contactEmail), contactPhone: change(before.contactPhone, after.contactPhone) },
    });
    return after;
  });
}
