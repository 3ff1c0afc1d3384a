import { eq } from "drizzle-orm";
import { DomainErrorCode } from "@shared/errors";
import type { MemberUpdateInput } from "@shared/schemas/identity";
import type { Db } from "../../../db/client";
import { type organisations, users } from "../../../db/schema";
import { conflict } from "../../../http/app-error";
import { recordAudit } from "../../audit/record-audit";
import type { Actor } from "../../identity/actor";
import { loadMember } from "../queries";
import { assertRoleFits } from "../role-fits";

export interface UpdateMemberProps {
  db: Db;
  actor: Actor;
  organisation: typeof organisations.$inferSelect;
  userId: string;
  input: MemberUpdateInput;
  ip?: string | undefined;
}

/** Changes a person's role or administrator setting; every change is audited. */
export async function updateMember({ db, actor, organisation, userId, input, ip }: UpdateMemberProps) {
  if (input.role) assertRoleFits(input.role, organisation.kind, "body.role");
  if (userId === actor.userId) throw conflict("You cannot change your own role. Ask another administrator.", DomainErrorCode.OwnMembership);
  return db.transaction(async (tx) => {
    const before = await loadMember(tx, organisation.id, userId);
    const [after] = await tx
      .update(users)
      .set({ ...(input.role ? { role: input.role } : {}), ...(input.orgAdmin !== undefined ? { orgAdmin: input.orgAdmin } : {}) })
      .where(eq(users.id, userId))
      .returning();
    if (!after) throw new Error("member update returned nothing");
    await recordAudit(tx, {
      action: "member.role_change",
      recordType: "user",
      recordId: userId,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
      details: {
        organisationId: organisation.id,
        from: { role: before.role, orgAdmin: before.orgAdmin },
        to: { role: after.role, orgAdmin: after.orgAdmin },
      },
    });
    return after;
  });
}
