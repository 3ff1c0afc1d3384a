import { eq, sql } from "drizzle-orm";
import { DomainErrorCode, type ValidationIssue } from "@shared/errors";
import { CHILD_QUESTION_PATHS, questionsAnsweredBy } from "@shared/schemas/child-questions";
import {
  type CHILD_FREE_TEXT_FIELDS,
  type ChildProfileDraftCreateInput,
  type ChildProfileUpdateInput,
  type ChildProfileValues,
  type ChildRisk,
  DEFAULT_RECOMMENDATION,
  DEFAULT_REQUIREMENTS,
} from "@shared/schemas/children";
import type { Db, DbOrTx } from "../../../db/client";
import { isUniqueViolation } from "../../../db/errors";
import { rowsOf } from "../../../db/rows";
import { type ChildProfileRow, childProfiles } from "../../../db/schema";
import { conflict, validationFailed } from "../../../http/app-error";
import { recordAudit } from "../../audit/record-audit";
import { isListed, loadSetting } from "../../directory/queries";
import type { Actor } from "../../identity/actor";
import { checkChildFreeText } from "../free-text";

export type Commissioner = Actor & { organisationId: string };

type CheckedField = (typeof CHILD_FREE_TEXT_FIELDS)[number] | "homeOutcode" | "preferredSettingId";

/** Checks what the schema cannot: the district is known, the preferred setting is listed in the region. */
async function checkReferences(db: Db, actor: Commissioner, values: Partial<Pick<ChildProfileValues, CheckedField>>, pathPrefix: string) {
  checkChildFreeText(values, pathPrefix);
  const issues: ValidationIssue[] = [];
  if (values.homeOutcode) {
    const known = await rowsOf<{ n: number }>(db, sql`SELECT 1 AS n FROM outcodes WHERE outcode = ${values.homeOutcode}`);
    if (known.length === 0)
      issues.push({ path: `${pathPrefix}.homeOutcode`, message: `We do not know the postcode district ${values.homeOutcode}; check it, like M14 or BB11` });
  }
  if (values.preferredSettingId) {
    const found = await loadSetting(db, values.preferredSettingId);
    if (!found || found.owner.regionId !== actor.regionId || !(await isListed(db, found.setting.id))) {
      issues.push({ path: `${pathPrefix}.preferredSettingId`, message: "Choose a setting listed in the region's directory" });
    }
  }
  if (issues.length > 0) throw validationFailed(issues);
}

async function inTransaction<T>(db: Db, work: (tx: DbOrTx) => Promise<T>, reference: string | undefined): Promise<T> {
  try {
    return await db.transaction(work);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(
        `Your council already has a child with the reference ${reference ?? ""}. Open that profile and change it, or use another reference.`,
        DomainErrorCode.AlreadyExists,
      );
    }
    throw error;
  }
}

export interface CreateChildProps {
  db: Db;
  actor: Commissioner;
  values: ChildProfileValues;
  /** Where the values came from, for the audit log: "form", "draft" or "placements_standard". */
  source: "form" | "draft" | "placements_standard";
  /** A draft's questions still to answer; without it the profile is recorded complete. */
  unanswered?: string[];
  /** Prefix of error paths: "body" for the form, the standard's path for an import. */
  pathPrefix?: string;
  ip?: string | undefined;
}

/** Records a child's pseudonymised profile for the actor's council: complete, or a draft with what is still to answer. */
export async function createChild({ db, actor, values, source, unanswered, pathPrefix = "body", ip }: CreateChildProps): Promise<ChildProfileRow> {
  await checkReferences(db, actor, values, pathPrefix);
  const status = unanswered === undefined ? "complete" : "draft";
  return inTransaction(
    db,
    async (tx) => {
      const [row] = await tx
        .insert(childProfiles)
        .values({ ...values, status, unanswered: unanswered ?? [], organisationId: actor.organisationId, createdBy: actor.userId })
        .returning();
      if (!row) throw new Error("child insert returned nothing");
      await recordAudit(tx, {
        action: "child_profile.create",
        recordType: "child_profile",
        recordId: row.id,
        actorUserId: actor.userId,
        actorOrganisationId: actor.organisationId,
        ip,
        details: { source, status },
      });
      return row;
    },
    values.reference,
  );
}

export interface CreateDraftProps {
  db: Db;
  actor: Commissioner;
  input: ChildProfileDraftCreateInput;
  ip?: string | undefined;
}

/** Starts a draft from its first answers: every other question is recorded as unanswered, nothing assumed. */
export async function createDraft({ db, actor, input, ip }: CreateDraftProps): Promise<ChildProfileRow> {
  const values: ChildProfileValues = { ...EMPTY_VALUES, ...answersToColumns(input, EMPTY_VALUES), reference: input.reference };
  const answered = questionsAnsweredBy(input);
  return createChild({ db, actor, values, source: "draft", unanswered: CHILD_QUESTION_PATHS.filter((q) => !answered.includes(q)), ip });
}

/** A draft's columns before any answer: nothing chosen (placeholders where a column cannot be empty). */
const EMPTY_VALUES: Omit<ChildProfileValues, "reference"> = {
  birthMonth: null,
  sex: null,
  homeOutcode: null,
  schoolYear: null,
  primaryNeed: null,
  secondaryNeeds: [],
  ehcPlanStatus: null,
  sectionB: "",
  sectionE: "",
  sectionF: "",
  staffingRatio: null,
  therapies: [],
  lotNumber: null,
  priceBand: null,
  neededBy: null,
  preferredSettingId: null,
  maxTravelKm: null,
  siblingCount: null,
  preferredLocation: null,
  requirements: DEFAULT_REQUIREMENTS,
  recommendation: DEFAULT_RECOMMENDATION,
  risks: [],
  riskOther: null,
  riskToOthersOther: null,
  pdsChildId: null,
  referralDate: null,
};

/** An input's answers as columns: parts of requirements and recommendation merged into what is stored, risks answered one by one. */
function answersToColumns(input: ChildProfileUpdateInput, current: Pick<ChildProfileRow, "requirements" | "recommendation" | "risks">) {
  const { requirements, recommendation, riskAnswers, risks, ...rest } = input;
  let nextRisks = risks ?? current.risks;
  for (const [code, answer] of Object.entries(riskAnswers ?? {})) {
    nextRisks = nextRisks.filter((risk) => risk.code !== code);
    if (answer && answer !== "none") nextRisks.push({ code: code as ChildRisk["code"], trajectory: answer });
  }
  return {
    ...rest,
    ...(requirements ? { requirements: { ...current.requirements, ...requirements } } : {}),
    ...(recommendation ? { recommendation: { ...current.recommendation, ...recommendation } } : {}),
    ...(risks || riskAnswers ? { risks: nextRisks } : {}),
  };
}

export interface UpdateChildProps {
  db: Db;
  actor: Commissioner;
  child: ChildProfileRow;
  input: ChildProfileUpdateInput;
  ip?: string | undefined;
}

/** Saves a question page's answers (or any subset of fields): a draft stays a draft, with what it answered taken off its list. */
export async function updateChild({ db, actor, child, input, ip }: UpdateChildProps): Promise<ChildProfileRow> {
  await checkReferences(db, actor, input, "body");
  const primary = input.primaryNeed ?? child.primaryNeed;
  const secondary = input.secondaryNeeds ?? child.secondaryNeeds;
  if (primary && secondary.includes(primary))
    throw validationFailed([{ path: "body.secondaryNeeds", message: "The primary need cannot also be a secondary need" }]);
  const answered = questionsAnsweredBy(input);
  return inTransaction(
    db,
    async (tx) => {
      const [row] = await tx
        .update(childProfiles)
        .set({ ...answersToColumns(input, child), unanswered: child.unanswered.filter((q) => !answered.includes(q)), updatedAt: new Date() })
        .where(eq(childProfiles.id, child.id))
        .returning();
      if (!row) throw new Error("child update returned nothing");
      await recordAudit(tx, {
        action: "child_profile.update",
        recordType: "child_profile",
        recordId: row.id,
        actorUserId: actor.userId,
        actorOrganisationId: actor.organisationId,
        ip,
        details: { fields: Object.keys(input).sort() },
      });
      return row;
    },
    input.reference,
  );
}
