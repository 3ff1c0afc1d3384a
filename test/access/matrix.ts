import type { Role } from "@shared/codes/roles";
import type { Db } from "../../server/src/db/client";
import { buildUser } from "../factories/users";
import { freshInvitation, freshMember, type MatrixActor, uniqueEmail, type Who } from "./actors";

export type Scope = "own" | "other";
/** A status for everyone, or for own/other organisation records. */
export type Expected = number | { own: number; other: number };

export interface MatrixRequest {
  path: string;
  body?: unknown;
}

export interface MatrixEntry {
  /** "METHOD /api/v1/path/:param", exactly as the route is defined. */
  route: string;
  /** Builds the request for this actor, against their own or another organisation's records. */
  request(ctx: { db: Db; actor: MatrixActor; scope: Scope; orgId: string; role: Role }): Promise<MatrixRequest>;
  /**
   * What each kind of person gets. The hub's members who are not administrators
   * (`regional_staff`) get what its administrators get unless the entry says otherwise: only
   * what hands out access (organisations, people) needs an administrator.
   */
  expect: Expectations;
}

export type Expectations = Record<Exclude<Who, "regional_staff">, Expected> & { regional_staff?: Expected };

/** Whether the matrix says this person succeeds on their own organisation's record. */
export const isSuccess = (expected: Expected) => {
  const status = typeof expected === "number" ? expected : expected.own;
  return status >= 200 && status < 300;
};

/** What `who` gets from the entry's route (a hub member who is not an administrator: as the administrators, unless said). */
export const expectationFor = (entry: Pick<MatrixEntry, "expect">, who: Who): Expected =>
  who === "regional_staff" ? (entry.expect.regional_staff ?? entry.expect.regional_admin) : entry.expect[who];

export const everyone = (status: number, signedIn = status) =>
  ({
    anonymous: status,
    unaffiliated: signedIn,
    regional_admin: signedIn,
    commissioner: signedIn,
    commissioner_admin: signedIn,
    provider: signedIn,
    provider_admin: signedIn,
    parent_panel: signedIn,
    parent_panel_admin: signedIn,
  }) satisfies Expectations;

/** Everyone signed in into an organisation gets `rest`, except those named; 401/403 for the rest. */
export const byRole = (statuses: Partial<Record<Who, Expected>>, rest: Expected): Expectations => ({
  anonymous: 401,
  unaffiliated: 403,
  regional_admin: rest,
  commissioner: rest,
  commissioner_admin: rest,
  provider: rest,
  provider_admin: rest,
  parent_panel: rest,
  parent_panel_admin: rest,
  ...statuses,
});

/** Read-your-own-organisation: members see their own (200), nobody sees another's (404). */
export const ownOrganisation = (ok: number): Expectations => ({
  anonymous: 401,
  unaffiliated: 403,
  regional_admin: { own: ok, other: 404 },
  commissioner: { own: ok, other: 404 },
  commissioner_admin: { own: ok, other: 404 },
  provider: { own: ok, other: 404 },
  provider_admin: { own: ok, other: 404 },
  parent_panel: { own: ok, other: 404 },
  parent_panel_admin: { own: ok, other: 404 },
});

/** Managing people: administrators of the organisation (and the hub's administrators) only. */
export const administrators = (ok: number): Expectations => ({
  ...ownOrganisation(ok),
  regional_staff: { own: 403, other: 404 },
  commissioner: { own: 403, other: 404 },
  provider: { own: 403, other: 404 },
  parent_panel: { own: 403, other: 404 },
});

const orgPath =
  (suffix = "") =>
  async ({ orgId }: { orgId: string }) => ({ path: `/api/v1/organisations/${orgId}${suffix}` });

/**
 * Every API route, and what each kind of person gets from it. The matrix test fails if a route
 * exists that is not listed here, so adding a route means deciding who may use it.
 */
export const CORE_MATRIX: MatrixEntry[] = [
  { route: "GET /api/docs", request: async () => ({ path: "/api/docs" }), expect: everyone(200) },
  { route: "GET /api/docs/govuk-frontend.min.css", request: async () => ({ path: "/api/docs/govuk-frontend.min.css" }), expect: everyone(200) },
  { route: "GET /api/v1/openapi.json", request: async () => ({ path: "/api/v1/openapi.json" }), expect: everyone(200) },
  { route: "GET /api/v1/health", request: async () => ({ path: "/api/v1/health" }), expect: everyone(200) },
  { route: "GET /api/v1/health/live", request: async () => ({ path: "/api/v1/health/live" }), expect: everyone(200) },
  { route: "GET /api/v1/health/ready", request: async () => ({ path: "/api/v1/health/ready" }), expect: everyone(200) },
  { route: "GET /api/v1/regions", request: async () => ({ path: "/api/v1/regions" }), expect: everyone(200) },
  {
    route: "POST /api/v1/service-feedback",
    request: async () => ({ path: "/api/v1/service-feedback", body: { rating: "satisfied" } }),
    expect: everyone(201),
  },
  { route: "GET /api/v1/me", request: async () => ({ path: "/api/v1/me" }), expect: everyone(401, 200) },
  { route: "GET /api/v1/me/tokens", request: async () => ({ path: "/api/v1/me/tokens" }), expect: everyone(401, 200) },
  // Tokens are made and revoked only from a browser session; the matrix acts with API tokens. A parent carer panel is
  // refused a token from a browser session too (test/api/me-and-tokens.test.ts).
  { route: "POST /api/v1/me/tokens", request: async () => ({ path: "/api/v1/me/tokens", body: { name: "matrix" } }), expect: everyone(401, 403) },
  {
    route: "DELETE /api/v1/me/tokens/:id",
    request: async ({ db, actor, scope }) => {
      const owner = scope === "own" && actor.person ? actor.person : await buildUser(db);
      const [row] = await db.query.apiTokens.findMany({ where: (t, { eq }) => eq(t.userId, owner.user.id), limit: 1 });
      return { path: `/api/v1/me/tokens/${row?.id ?? "00000000-0000-4000-8000-000000000000"}` };
    },
    expect: everyone(401, 403),
  },
  {
    route: "GET /api/v1/organisations",
    request: async () => ({ path: "/api/v1/organisations" }),
    expect: { ...everyone(200), anonymous: 401, unaffiliated: 403 },
  },
  {
    route: "POST /api/v1/organisations",
    request: async () => ({ path: "/api/v1/organisations", body: { name: `Matrix provider ${uniqueEmail()}`, kind: "provider" } }),
    expect: { ...everyone(403), anonymous: 401, regional_admin: 201, regional_staff: 403 },
  },
  { route: "GET /api/v1/organisations/:id", request: orgPath(), expect: ownOrganisation(200) },
  {
    route: "PATCH /api/v1/organisations/:id/contact",
    request: async ({ orgId }) => ({
      path: `/api/v1/organisations/${orgId}/contact`,
      body: { contactEmail: "placements@matrix.example", contactPhone: "0161 496 0000" },
    }),
    expect: administrators(200),
  },
  { route: "GET /api/v1/organisations/:id/members", request: orgPath("/members"), expect: administrators(200) },
  {
    route: "PATCH /api/v1/organisations/:id/members/:userId",
    request: async ({ db, orgId, role }) => ({
      path: `/api/v1/organisations/${orgId}/members/${await freshMember(db, orgId, role)}`,
      body: { orgAdmin: true },
    }),
    expect: administrators(200),
  },
  {
    route: "DELETE /api/v1/organisations/:id/members/:userId",
    request: async ({ db, orgId, role }) => ({ path: `/api/v1/organisations/${orgId}/members/${await freshMember(db, orgId, role)}` }),
    expect: administrators(204),
  },
  { route: "GET /api/v1/organisations/:id/invitations", request: orgPath("/invitations"), expect: administrators(200) },
  {
    route: "POST /api/v1/organisations/:id/invitations",
    request: async ({ orgId, role }) => ({ path: `/api/v1/organisations/${orgId}/invitations`, body: { email: uniqueEmail(), role } }),
    expect: administrators(201),
  },
  {
    route: "DELETE /api/v1/organisations/:id/invitations/:invitationId",
    request: async ({ db, orgId, role }) => ({ path: `/api/v1/organisations/${orgId}/invitations/${await freshInvitation(db, orgId, role)}` }),
    expect: administrators(204),
  },
];
