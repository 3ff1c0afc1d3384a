import { eq, sql } from "drizzle-orm";
import { DomainErrorCode, type ValidationIssue } from "@shared/errors";
import type { ChildProfileUpdateInput, ChildProfileValues } from "@shared/schemas/children";
import type { Db, DbOrTx } from "../../../db/client";
import { isUniqueViolation } from "../../../db/errors";
import { rowsOf } from "../../../db/rows";
import { type ChildProfileRow, childProfiles } from "../../../db/schema";
import { conflict, validationFailed } from "../../../http/app-error";
import { recordAudit } from "../../audit/record-audit";
import { isListed, loadSetting } from "../../directory/queries";
import type { Actor } from "../../identity/actor";
import { checkChildFreeText } from "../free-text";

type Commissioner = Actor & { organisationId: string };

/** Checks what the schema cannot: the district is known, the preferred setting is listed in the region. */
async function checkReferences(db: Db, actor: Commissioner, values: Partial<ChildProfileValues>, pathPrefix: string) {
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
  /** Where the values came from, for the audit log: "form" or "placements_standard". */
  source: "form" | "placements_standard";
  /** Prefix of error paths: "body" for the form, the standard's path for an import. */
  pathPrefix?: string;
  ip?: string | undefined;
}

/** Records a child's pseudonymised profile for the actor's council. */
export async function createChild({ db, actor, values, source, pathPrefix = "body", ip }: CreateChildProps): Promise<ChildProfileRow> {
  await checkReferences(db, actor, values, pathPrefix);
  return inTransaction(
    db,
    async (tx) => {
      const [row] = await tx
        .insert(childProfiles)
        .values({ ...values, organisationId: actor.organisationId, createdBy: actor.userId })
        .returning();
      if (!row) throw new Error("child insert returned nothing");
      await recordAudit(tx, {
        action: "child_profile.create",
        recordType: "child_profile",
        recordId: row.id,
        actorUserId: actor.userId,
        actorOrganisationId: actor.organisationId,
        ip,
        details: { source },
      });
      return row;
    },
    values.reference,
  );
}

export interface UpdateChildProps {
  db: Db;
  actor: Commissioner;
  child: ChildProfileRow;
  input: ChildProfileUpdateInput;
  ip?: string | undefined;
}

export async function updateChild({ db, actor, child, input, ip }: UpdateChildProps): Promise<ChildProfileRow> {
  await checkReferences(db, actor, input, "body");
  const primary = input.primaryNeed ?? child.primaryNeed;
  const secondary = input.secondaryNeeds ?? child.secondaryNeeds;
  if (primary && secondary.includes(primary))
    throw validationFailed([{ path: "body.secondaryNeeds", message: "The primary need cannot also be a secondary need" }]);
  return inTransaction(
    db,
    async (tx) => {
      const [row] = await tx
        .update(childProfiles)
        .set({ ...input, updatedAt: new Date() })
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
