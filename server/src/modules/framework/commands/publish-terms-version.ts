import type { z } from "zod";
import type { TermsVersionCreateSchema } from "@shared/schemas/framework";
import type { Db } from "../../../db/client";
import { isUniqueViolation } from "../../../db/errors";
import { type frameworks, termsVersions } from "../../../db/schema";
import { conflict } from "../../../http/app-error";
import { recordAudit } from "../../audit/record-audit";
import type { Actor } from "../../identity/actor";

export interface PublishTermsVersionProps {
  db: Db;
  /** A regional admin of the framework's region. */
  actor: Actor;
  framework: typeof frameworks.$inferSelect;
  input: z.output<typeof TermsVersionCreateSchema>;
  ip?: string | undefined;
}

/**
 * Publishes a version of the framework's terms and conditions. It becomes the version every new
 * application must accept; applications keep the version they accepted.
 */
export async function publishTermsVersion({ db, actor, framework, input, ip }: PublishTermsVersionProps) {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(termsVersions)
        .values({ frameworkId: framework.id, version: input.version, title: input.title, summary: input.summary })
        .returning();
      if (!row) throw new Error("terms version insert returned nothing");
      await recordAudit(tx, {
        action: "terms_version.publish",
        recordType: "terms_version",
        recordId: row.id,
        actorUserId: actor.userId,
        actorOrganisationId: actor.organisationId,
        ip,
        details: { frameworkId: framework.id, version: row.version },
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(`Version ${input.version} of the terms is already published. Publish the change as a new version number.`);
    }
    throw error;
  }
}
