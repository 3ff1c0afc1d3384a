import { and, eq, sql } from "drizzle-orm";
import type { AdmissionStatus } from "@shared/codes/directory";
import type { Db } from "../../../db/client";
import { type frameworks, lotAdmissions, lots } from "../../../db/schema";
import { conflict, notFound } from "../../../http/app-error";
import { recordAudit } from "../../audit/record-audit";
import type { Actor } from "../../identity/actor";
import { applicationDecided } from "../../notifications/messages/others";
import { notify, recipientsOf } from "../../notifications/notify";
import { ADMISSION_TRANSITIONS, canDecide } from "../policy";

export interface DecideAdmissionProps {
  db: Db;
  /** A regional admin of the framework's region. */
  actor: Actor;
  framework: typeof frameworks.$inferSelect;
  /** The provider whose standing on the lot changes. */
  organisationId: string;
  lotNumber: number;
  input: { status: Exclude<AdmissionStatus, "applied">; reason: string };
  ip?: string | undefined;
}

const VERB: Record<AdmissionStatus, string> = { applied: "re-open", admitted: "admit", rejected: "reject", suspended: "suspend" };

function refusal(lotNumber: number, from: AdmissionStatus, to: AdmissionStatus): string {
  const allowed = ADMISSION_TRANSITIONS[from];
  const next = allowed.length
    ? `From "${from}" you may ${allowed.map((s) => VERB[s]).join(" or ")}.`
    : "A rejected provider may apply again in a later admission round.";
  return `Lot ${lotNumber} is "${from}" for this provider, so you cannot ${VERB[to]} it. ${next}`;
}

/**
 * Admits, rejects or suspends a provider on one lot it applied for, with a reason the provider
 * sees. Returns the application the lot belongs to.
 */
export async function decideAdmission({ db, actor, framework, organisationId, lotNumber, input, ip }: DecideAdmissionProps): Promise<string> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ admission: lotAdmissions })
      .from(lotAdmissions)
      .innerJoin(lots, eq(lots.id, lotAdmissions.lotId))
      .where(and(eq(lots.frameworkId, framework.id), eq(lots.number, lotNumber), eq(lotAdmissions.organisationId, organisationId)))
      .for("update", { of: lotAdmissions });
    if (!current) throw notFound(`An application from that provider for lot ${lotNumber}`);
    const from = current.admission.status;
    if (!canDecide(from, input.status)) throw conflict(refusal(lotNumber, from, input.status));
    await tx
      .update(lotAdmissions)
      .set({ status: input.status, reason: input.reason, decidedBy: actor.userId, decidedAt: sql`now()` })
      .where(eq(lotAdmissions.id, current.admission.id));
    await recordAudit(tx, {
      action: "lot_admission.status_change",
      recordType: "lot_admission",
      recordId: current.admission.id,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
      // The reason is the hub's public statement to the provider, never about a child.
      reason: input.reason,
      details: { frameworkId: framework.id, organisationId, lotNumber, applicationId: current.admission.applicationId, from, to: input.status },
    });
    // The provider's administrators. `about` names the standing left (its status and when it was
    // decided) and the new one: each change is told once, and a later re-suspension is a new change.
    await notify(tx, {
      kind: "application_decided",
      userIds: await recipientsOf(tx, { organisationId, adminsOnly: true }),
      about: `application-decided:${current.admission.id}:${from}:${current.admission.decidedAt?.toISOString() ?? "-"}:${input.status}`,
      ...applicationDecided(framework.name, lotNumber, input.status),
    });
    return current.admission.applicationId;
  });
}
