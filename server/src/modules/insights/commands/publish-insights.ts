import type { Db } from "../../../db/client";
import { insightsPublications } from "../../../db/schema";
import type { Member } from "../../../http/require-actor";
import { recordAudit } from "../../audit/record-audit";
import { type Publication, publicationOf } from "../queries";

/** Publishes the region's summary for a period of whole months (replacing the last), audited in the same transaction. */
export async function publishInsights(props: {
  db: Db;
  /** A hub administrator. */
  actor: Member;
  input: { from: string; to: string };
  ip?: string;
}): Promise<Publication> {
  const { db, actor, input } = props;
  return db.transaction(async (tx) => {
    const values = { periodFrom: `${input.from}-01`, periodTo: `${input.to}-01`, publishedBy: actor.userId, publishedAt: new Date() };
    await tx
      .insert(insightsPublications)
      .values({ regionId: actor.regionId, ...values })
      .onConflictDoUpdate({ target: insightsPublications.regionId, set: values });
    await recordAudit(tx, {
      action: "insights.publish",
      recordType: "region",
      recordId: actor.regionId,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip: props.ip ?? null,
      details: { from: input.from, to: input.to },
    });
    return (await publicationOf(tx, actor.regionId)) as Publication;
  });
}
