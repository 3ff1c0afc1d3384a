import { and, eq, inArray, sql } from "drizzle-orm";
import type { AdmissionStatus } from "@shared/codes/directory";
import { DomainErrorCode } from "@shared/errors";
import type { ProviderApplicationCreateInput } from "@shared/schemas/framework";
import type { Db } from "../../../db/client";
import { admissionRounds, type frameworks, lotAdmissions, lots, providerApplications } from "../../../db/schema";
import { conflict, validationFailed } from "../../../http/app-error";
import { recordAudit } from "../../audit/record-audit";
import type { Actor } from "../../identity/actor";
import { latestTermsVersion } from "../queries";

export interface SubmitApplicationProps {
  db: Db;
  /** A provider's administrator, in the framework's region; the provider is the applicant. */
  actor: Actor & { organisationId: string };
  framework: typeof frameworks.$inferSelect;
  input: ProviderApplicationCreateInput;
  ip?: string | undefined;
}

const WHY_NOT: Record<AdmissionStatus, string> = {
  applied: "your application for it is waiting for the hub's decision",
  admitted: "you are already admitted to it",
  suspended: "your admission is suspended; only the hub can lift a suspension",
  rejected: "it was rejected in this round; you may apply again in a later round",
};

/**
 * Applies for lots in an admission round that is open by the database clock, accepting the
 * current terms. Each lot gets (or, after a rejection in an earlier round, returns to) the
 * status "applied". Returns the new application's id.
 */
export async function submitApplication({ db, actor, framework, input, ip }: SubmitApplicationProps): Promise<string> {
  return db.transaction(async (tx) => {
    const [round] = await tx
      .select({ id: admissionRounds.id, open: sql<boolean>`(${admissionRounds.opensAt} <= now() AND now() < ${admissionRounds.closesAt})` })
      .from(admissionRounds)
      .where(and(eq(admissionRounds.id, input.roundId), eq(admissionRounds.frameworkId, framework.id)));
    if (!round) throw validationFailed([{ path: "body.roundId", message: "Choose an admission round of this framework" }]);
    if (!round.open)
      throw conflict(
        "The round is not open. Apply while an admission round is open; the framework lists its rounds and their dates.",
        DomainErrorCode.RoundNotOpen,
      );

    const terms = await latestTermsVersion(tx, framework.id);
    if (!terms) throw conflict("The hub has not published the framework's terms and conditions yet, so nobody can apply.");
    if (terms.id !== input.declarations.termsVersionId) {
      throw validationFailed([{ path: "body.declarations.termsVersionId", message: `Accept the current terms and conditions (version ${terms.version})` }]);
    }

    const lotRows = await tx
      .select()
      .from(lots)
      .where(and(eq(lots.frameworkId, framework.id), inArray(lots.number, input.lotNumbers)));
    const missing = input.lotNumbers.filter((n) => !lotRows.some((l) => l.number === n));
    if (missing.length) throw validationFailed([{ path: "body.lotNumbers", message: `This framework has no lot ${missing.join(" or ")}` }]);

    // Locked so two applications (or a decision) for the same lot cannot interleave.
    const existing = await tx
      .select({ admission: lotAdmissions, roundId: providerApplications.roundId })
      .from(lotAdmissions)
      .innerJoin(providerApplications, eq(providerApplications.id, lotAdmissions.applicationId))
      .where(
        and(
          eq(lotAdmissions.organisationId, actor.organisationId),
          inArray(
            lotAdmissions.lotId,
            lotRows.map((l) => l.id),
          ),
        ),
      )
      .for("update", { of: lotAdmissions });
    const numberOf = (lotId: string) => lotRows.find((l) => l.id === lotId)?.number ?? 0;
    const blocked = existing.filter((e) => e.admission.status !== "rejected" || e.roundId === round.id);
    if (blocked.length) {
      throw conflict(
        blocked
          .sort((a, b) => numberOf(a.admission.lotId) - numberOf(b.admission.lotId))
          .map((e) => `You cannot apply for lot ${numberOf(e.admission.lotId)}: its status is "${e.admission.status}" (${WHY_NOT[e.admission.status]}).`)
          .join(" "),
      );
    }

    const [application] = await tx
      .insert(providerApplications)
      .values({
        frameworkId: framework.id,
        roundId: round.id,
        organisationId: actor.organisationId,
        companiesHouseNumber: input.companiesHouseNumber,
        contactName: input.contactName,
        contactEmail: input.contactEmail,
        contactPhone: input.contactPhone,
        settingsOffered: input.settingsOffered,
        termsVersionId: terms.id,
        submittedBy: actor.userId,
      })
      .returning();
    if (!application) throw new Error("application insert returned nothing");

    // A lot rejected in an earlier round comes back to this application; its old decision stays in the audit log.
    const reapplied = existing.map((e) => e.admission.lotId);
    if (reapplied.length) {
      await tx
        .update(lotAdmissions)
        .set({ status: "applied", reason: null, decidedBy: null, decidedAt: null, applicationId: application.id })
        .where(and(eq(lotAdmissions.organisationId, actor.organisationId), inArray(lotAdmissions.lotId, reapplied)));
    }
    const fresh = lotRows.filter((l) => !reapplied.includes(l.id));
    if (fresh.length) {
      await tx.insert(lotAdmissions).values(
        fresh.map((lot) => ({
          frameworkId: framework.id,
          lotId: lot.id,
          organisationId: actor.organisationId,
          applicationId: application.id,
          status: "applied" as const,
        })),
      );
    }

    await recordAudit(tx, {
      action: "provider_application.submit",
      recordType: "provider_application",
      recordId: application.id,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
      details: {
        frameworkId: framework.id,
        roundId: round.id,
        organisationId: actor.organisationId,
        lotNumbers: [...input.lotNumbers].sort((a, b) => a - b),
        termsVersionId: terms.id,
      },
    });
    return application.id;
  });
}
