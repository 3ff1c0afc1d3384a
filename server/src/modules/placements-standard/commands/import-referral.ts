import { referralPathOf, referralToProfile, validateReferral } from "@shared/placements-standard";
import type { Db } from "../../../db/client";
import type { ChildProfileRow } from "../../../db/schema";
import { AppError, validationFailed } from "../../../http/app-error";
import { createChild } from "../../children/commands/save-child";
import { databaseToday } from "../../children/queries";
import type { Actor } from "../../identity/actor";

export interface ImportReferralProps {
  db: Db;
  /** A commissioner of the council the child belongs to. */
  actor: Actor & { organisationId: string };
  /** The request body: a referral in the Placements Data Standard v2, unchecked. */
  document: unknown;
  ip?: string | undefined;
}

/**
 * Records a child from a council's referral. Every problem with the referral is listed before
 * anything is written; the profile then goes through the same checks as one typed in (personal
 * data in free text, known district, listed preferred setting), reported where the referral
 * holds each field.
 */
export async function importReferral({ db, actor, document, ip }: ImportReferralProps): Promise<ChildProfileRow> {
  const checked = validateReferral(document);
  if (!checked.ok) throw validationFailed(checked.issues);
  const values = referralToProfile(checked.referral, await databaseToday(db));
  try {
    return await createChild({ db, actor, values, source: "placements_standard", ip });
  } catch (error) {
    if (error instanceof AppError && error.issues) throw validationFailed(error.issues.map((issue) => ({ ...issue, path: referralPathOf(issue.path) })));
    throw error;
  }
}
