import { eq } from "drizzle-orm";
import type { InvitationCreateInput } from "@shared/schemas/identity";
import type { Db } from "../../../db/client";
import { isUniqueViolation } from "../../../db/errors";
import { invitations, type organisations, users } from "../../../db/schema";
import { conflict } from "../../../http/app-error";
import { recordAudit } from "../../audit/record-audit";
import type { Actor } from "../../identity/actor";
import { joinInvitation } from "../../notifications/messages/others";
import { queueEmail } from "../../notifications/notify";
import { assertRoleFits } from "../role-fits";

// Long enough to cover a fortnight's leave; short enough that stale invitations lapse.
const INVITATION_DAYS = 14;

export interface InvitePersonProps {
  db: Db;
  actor: Actor;
  organisation: typeof organisations.$inferSelect;
  input: InvitationCreateInput;
  ip?: string | undefined;
}

/** Invites an address; the first sign-in with that verified address joins the organisation. */
export async function invitePerson({ db, actor, organisation, input, ip }: InvitePersonProps) {
  assertRoleFits(input.role, organisation.kind, "body.role");
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(invitations)
        .values({
          organisationId: organisation.id,
          email: input.email,
          role: input.role,
          orgAdmin: input.orgAdmin,
          invitedBy: actor.userId,
          expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
        })
        .returning();
      if (!row) throw new Error("invitation insert returned nothing");
      // The address is personal data: the audit row names the invitation, not the address.
      await recordAudit(tx, {
        action: "invitation.create",
        recordType: "invitation",
        recordId: row.id,
        actorUserId: actor.userId,
        actorOrganisationId: actor.organisationId,
        ip,
        details: { organisationId: organisation.id, role: row.role, orgAdmin: row.orgAdmin },
      });
      // The invitee is not a user yet, so only an e-mail can reach them; queued with the invitation.
      const [inviter] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, actor.userId));
      await queueEmail(tx, {
        emailAddress: row.email,
        kind: "join_invitation",
        reference: `invitation-${row.id}`,
        personalisation: joinInvitation({
          organisation: organisation.name,
          role: row.role,
          orgAdmin: row.orgAdmin,
          invitedBy: inviter?.name || `An administrator of ${organisation.name}`,
        }),
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict("That address already has an open invitation. Revoke it first if it was to the wrong organisation or role.");
    }
    throw error;
  }
}
