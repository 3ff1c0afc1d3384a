import { and, eq, inArray, isNull } from "drizzle-orm";
import type { OrganisationKind } from "@shared/codes/organisation-kinds";
import type { Role } from "@shared/codes/roles";
import type { Db } from "../../db/client";
import { organisations, users } from "../../db/schema";

/** Who is making a request: loaded fresh from the database on every request. */
export interface Actor {
  userId: string;
  email: string;
  displayName: string | null;
  /** Null until the person joins an organisation. */
  role: Role | null;
  orgAdmin: boolean;
  organisationId: string | null;
  organisationName: string | null;
  organisationKind: OrganisationKind | null;
  regionId: string | null;
  via: "session" | "token";
  /** The API token used, for token-authenticated requests. */
  tokenId?: string;
}

declare module "express-serve-static-core" {
  interface Request {
    actor?: Actor;
  }
}

/** The actor for a user id, or undefined if the user is gone or disabled. */
export async function loadActor(db: Db, userId: string, via: Actor["via"], tokenId?: string): Promise<Actor | undefined> {
  const [row] = await db.select(actorColumns).from(users).leftJoin(organisations, eq(organisations.id, users.organisationId)).where(eq(users.id, userId));
  return row ? actorOf(row, via, tokenId) : undefined;
}

/**
 * What an actor is made of, for a query that joins users (and their organisation) itself. Only
 * the columns an actor needs: every request and connection reads them, and drizzle took longer
 * to build and map the two whole rows (30 columns) than PostgreSQL took to find them.
 */
export const actorColumns = {
  user: { id: users.id, email: users.email, displayName: users.displayName, role: users.role, orgAdmin: users.orgAdmin, disabledAt: users.disabledAt },
  organisation: { id: organisations.id, name: organisations.name, kind: organisations.kind, regionId: organisations.regionId },
};
type ActorRow = {
  user: Pick<typeof users.$inferSelect, keyof typeof actorColumns.user>;
  organisation: Pick<typeof organisations.$inferSelect, keyof typeof actorColumns.organisation> | null;
};

/** The actor from a user row and its organisation's, or undefined if the user is disabled. */
export function actorOf(row: ActorRow, via: Actor["via"], tokenId?: string): Actor | undefined {
  if (row.user.disabledAt) return undefined;
  return {
    userId: row.user.id,
    email: row.user.email,
    displayName: row.user.displayName,
    role: row.user.role,
    orgAdmin: row.user.orgAdmin,
    organisationId: row.organisation?.id ?? null,
    organisationName: row.organisation?.name ?? null,
    organisationKind: row.organisation?.kind ?? null,
    regionId: row.organisation?.regionId ?? null,
    via,
    ...(tokenId ? { tokenId } : {}),
  };
}

/**
 * Of these user ids, those whose person still exists and is not disabled: what loadActor needs to
 * answer at all, for many people in one query (a node's sweep of its live connections).
 */
export async function stillActive(db: Db, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, userIds), isNull(users.disabledAt)));
  return new Set(rows.map((r) => r.id));
}
