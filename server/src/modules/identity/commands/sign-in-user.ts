import { and, asc, eq, gt, isNull, or } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { invitations, organisations, users } from "../../../db/schema";
import { recordAudit } from "../../audit/record-audit";

export interface SignInClaims {
  issuer: string;
  subject: string;
  email: string;
  emailVerified: boolean;
  name: string | null;
}

export interface SignInUserProps {
  db: Db;
  /** Claims from a verified ID token. */
  claims: SignInClaims;
  /** ADMIN_EMAILS: verified addresses that become regional administrators at first sign-in. */
  adminEmails: string[];
  ip: string | undefined;
}

export type SignInOutcome = "member" | "joined_by_invitation" | "bootstrap_admin" | "no_membership";

export type SignInResult = { ok: true; userId: string; outcome: SignInOutcome } | { ok: false; reason: "disabled" };

/**
 * Finds the person by (issuer, subject), creating them at their first sign-in. Someone without
 * an organisation joins through an open invitation to their verified address, or ADMIN_EMAILS.
 * An unverified address never matches an invitation: anyone can claim an address they don't own.
 */
export async function signInUser({ db, claims, adminEmails, ip }: SignInUserProps): Promise<SignInResult> {
  const email = claims.email.toLowerCase();
  return db.transaction(async (tx) => {
    const now = new Date();
    const [found] = await tx
      .select()
      .from(users)
      .where(and(eq(users.issuer, claims.issuer), eq(users.subject, claims.subject)));
    const user =
      found ??
      (
        await tx
          .insert(users)
          .values({ issuer: claims.issuer, subject: claims.subject, email, emailVerified: claims.emailVerified, displayName: claims.name })
          .returning()
      )[0];
    if (!user) throw new Error("user insert returned nothing");
    if (user.disabledAt) {
      await recordAudit(tx, {
        action: "auth.sign_in_failed",
        recordType: "user",
        recordId: user.id,
        actorUserId: user.id,
        ip,
        details: { reason: "disabled" },
      });
      return { ok: false as const, reason: "disabled" as const };
    }

    let outcome: SignInOutcome = user.organisationId ? "member" : "no_membership";
    let membership = { organisationId: user.organisationId, role: user.role, orgAdmin: user.orgAdmin };
    if (!user.organisationId && claims.emailVerified) {
      const [invitation] = await tx
        .select()
        .from(invitations)
        .where(
          and(
            eq(invitations.email, email),
            isNull(invitations.acceptedAt),
            isNull(invitations.revokedAt),
            or(isNull(invitations.expiresAt), gt(invitations.expiresAt, now)),
          ),
        );
      if (invitation) {
        membership = { organisationId: invitation.organisationId, role: invitation.role, orgAdmin: invitation.orgAdmin };
        await tx.update(invitations).set({ acceptedAt: now, acceptedBy: user.id }).where(eq(invitations.id, invitation.id));
        await recordAudit(tx, {
          action: "invitation.accept",
          recordType: "invitation",
          recordId: invitation.id,
          actorUserId: user.id,
          actorOrganisationId: invitation.organisationId,
          ip,
          details: { role: invitation.role, orgAdmin: invitation.orgAdmin },
        });
        outcome = "joined_by_invitation";
      } else if (adminEmails.includes(email)) {
        const [hub] = await tx.select().from(organisations).where(eq(organisations.kind, "regional_hub")).orderBy(asc(organisations.createdAt)).limit(1);
        if (hub) {
          membership = { organisationId: hub.id, role: "regional_admin", orgAdmin: true };
          await recordAudit(tx, {
            action: "member.bootstrap_admin",
            recordType: "user",
            recordId: user.id,
            actorUserId: user.id,
            actorOrganisationId: hub.id,
            ip,
            reason: "address listed in ADMIN_EMAILS",
            details: { role: "regional_admin" },
          });
          outcome = "bootstrap_admin";
        }
      }
    }
    await tx
      .update(users)
      .set({ email, emailVerified: claims.emailVerified, displayName: claims.name ?? user.displayName, lastSignInAt: now, ...membership })
      .where(eq(users.id, user.id));
    await recordAudit(tx, {
      action: "auth.sign_in",
      recordType: "user",
      recordId: user.id,
      actorUserId: user.id,
      actorOrganisationId: membership.organisationId,
      ip,
      details: { outcome },
    });
    return { ok: true as const, userId: user.id, outcome };
  });
}
