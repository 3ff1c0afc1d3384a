import { referralPathOf, referralToProfile, validateReferral } from "@shared/placements-standard";
import { CHILD_QUESTION_PATHS } from "@shared/schemas/child-questions";
import type { ChildProfileValues } from "@shared/schemas/children";
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
 * The questions a referral left open: the standard always carries the requirements, the
 * recommendation and every risk; any field of our own it did not give stays to be answered.
 */
const unansweredIn = (values: ChildProfileValues) =>
  CHILD_QUESTION_PATHS.filter((path) => !path.includes(".") && values[path as keyof ChildProfileValues] === null);

/**
 * Records a child from a council's referral, as a draft for the commissioner to finish in the
 * task list (and confirm, even when nothing is left to answer). Every problem with the referral is listed before
 * anything is written; the profile then goes through the same checks as one typed in (personal
 * data in free text, known district, listed preferred setting), reported where the referral
 * holds each field.
 */
export async function importReferral({ db, actor, document, ip }: ImportReferralProps): Promise<ChildProfileRow> {
  const checked = validateReferral(document);
  if (!checked.ok) throw validationFailed(checked.issues);
  const values = referralToProfile(checked.referral, await databaseToday(db));
  try {
    return await createChild({ db, actor, values, source: "placements_standard", unanswered: unansweredIn(values), ip });
  } catch (error) {
    if (error instanceof AppError && error.issues) throw validationFailed(error.issues.map((issue) => ({ ...issue, path: referralPathOf(issue.path) })));
    throw error;
  }
}
