import { sql } from "drizzle-orm";
import type { Db } from "../../server/src/db/client";
import { rowsOf } from "../../server/src/db/rows";
import { buildAdmission, buildFramework } from "../factories/frameworks";
import { buildOrganisation, buildRegion } from "../factories/organisations";
import { buildUser } from "../factories/users";

/**
 * A region for the settings, Connect, membership and webhook tests: the hub (an administrator and
 * a member who is not), a council's commissioner, and two providers admitted to the framework,
 * each with an administrator and an ordinary member.
 */
export async function buildStripeWorld(db: Db) {
  const region = await buildRegion(db);
  const framework = await buildFramework(db, { regionId: region.id });
  const hub = await buildOrganisation(db, { kind: "regional_hub", regionId: region.id });
  const hubAdmin = await buildUser(db, { role: "regional_admin", orgAdmin: true, organisationId: hub.id });
  const hubStaff = await buildUser(db, { role: "regional_admin", organisationId: hub.id });
  const council = await buildOrganisation(db, { kind: "council", regionId: region.id });
  const commissioner = await buildUser(db, { role: "commissioner", orgAdmin: true, organisationId: council.id });
  const provider = async () => {
    const org = await buildOrganisation(db, { kind: "provider", regionId: region.id });
    await buildAdmission(db, { framework, organisationId: org.id, lotNumbers: [1] });
    return {
      org,
      admin: await buildUser(db, { role: "provider", orgAdmin: true, organisationId: org.id }),
      member: await buildUser(db, { role: "provider", organisationId: org.id }),
    };
  };
  return { region, framework, hub, hubAdmin, hubStaff, council, commissioner, provider: await provider(), rival: await provider() };
}

/** The audit entries with this action about this record, oldest first. */
export const auditEntries = (db: Db, action: string, recordId: string) =>
  rowsOf<{ action: string; details: Record<string, unknown>; actor_user_id: string | null }>(
    db,
    sql`SELECT action, details, actor_user_id FROM audit_log WHERE action = ${action} AND record_id = ${recordId} ORDER BY seq`,
  );
