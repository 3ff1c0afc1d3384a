import type { z } from "zod";
import type { AdmissionRoundCreateSchema } from "@shared/schemas/framework";
import type { Db } from "../../../db/client";
import { admissionRounds, type frameworks } from "../../../db/schema";
import { recordAudit } from "../../audit/record-audit";
import type { Actor } from "../../identity/actor";

export interface OpenAdmissionRoundProps {
  db: Db;
  /** A regional admin of the framework's region. */
  actor: Actor;
  framework: typeof frameworks.$inferSelect;
  input: z.output<typeof AdmissionRoundCreateSchema>;
  ip?: string | undefined;
}

/**
 * Schedules a round in which providers may apply. The framework reopens to new providers in
 * rounds (light-touch regime); a round may start now or later and is open until it closes.
 */
export async function openAdmissionRound({ db, actor, framework, input, ip }: OpenAdmissionRoundProps) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(admissionRounds)
      .values({ frameworkId: framework.id, name: input.name, opensAt: new Date(input.opensAt), closesAt: new Date(input.closesAt) })
      .returning();
    if (!row) throw new Error("admission round insert returned nothing");
    await recordAudit(tx, {
      action: "admission_round.open",
      recordType: "admission_round",
      recordId: row.id,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
      details: { frameworkId: framework.id, opensAt: row.opensAt.toISOString(), closesAt: row.closesAt.toISOString() },
    });
    return row;
  });
}
