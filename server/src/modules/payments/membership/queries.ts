import { and, eq, sql } from "drizzle-orm";
import { DomainErrorCode, ErrorCode } from "@shared/errors";
import type { DbOrTx } from "../../../db/client";
import { type BillingSettingsRow, frameworks, lotAdmissions, type ProviderMembershipRow, providerMemberships } from "../../../db/schema";
import { AppError, conflict } from "../../../http/app-error";
import { billingSettingsOf } from "../settings/queries";

/** Whether the provider is admitted to a lot of a framework of the region (what membership is for). */
export async function isAdmitted(db: DbOrTx, organisationId: string, regionId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(lotAdmissions)
    .innerJoin(frameworks, eq(frameworks.id, lotAdmissions.frameworkId))
    .where(and(eq(lotAdmissions.organisationId, organisationId), eq(lotAdmissions.status, "admitted"), eq(frameworks.regionId, regionId)))
    .limit(1);
  return row !== undefined;
}

export async function membershipRowOf(db: DbOrTx, organisationId: string): Promise<ProviderMembershipRow | undefined> {
  const [row] = await db.select().from(providerMemberships).where(eq(providerMemberships.organisationId, organisationId));
  return row;
}

/** The region's settings when it charges a membership; else a 409 for an action, a 404 for a read. */
export async function membershipSettingsOf(db: DbOrTx, regionId: string, refuse: "read" | "act"): Promise<BillingSettingsRow> {
  const settings = await billingSettingsOf(db, regionId);
  if (settings?.membershipEnabled) return settings;
  const why = "The region does not charge providers a membership, so there is nothing to pay.";
  throw refuse === "read" ? new AppError(ErrorCode.NotFound, 404, why) : conflict(why, DomainErrorCode.WrongState);
}
