import type { Db } from "../../server/src/db/client";
import { buildAdmission, buildApplication, buildFramework, buildPrice, buildRound, buildTermsVersion } from "../factories/frameworks";
import { buildOrganisation } from "../factories/organisations";
import type { MatrixActor, Who } from "./actors";
import { everyone, type Expectations, type Expected, type MatrixEntry, type Scope } from "./matrix";

/*
 * The matrix actors' region has no framework, so each request builds one: in the actors' region
 * ("own") or in the region none of them belongs to ("other"), where a framework is not found.
 */
const regionOf = (actor: MatrixActor, scope: Scope) => (scope === "own" ? actor.regionId : actor.otherRegionId);
const frameworkFor = (db: Db, actor: MatrixActor, scope: Scope) => buildFramework(db, { regionId: regionOf(actor, scope) });

const noOne = (status: number, allowed: Partial<Record<Who, Expected>>): Expectations => ({
  ...everyone(status),
  anonymous: 401,
  unaffiliated: 403,
  ...allowed,
});
const ownRegion = (ok: number) => ({ own: ok, other: 404 });

/** Every member of the region reads its frameworks; another region's are not found. */
const regionMembers = (ok: number) =>
  noOne(
    403,
    Object.fromEntries(
      ["regional_admin", "commissioner", "commissioner_admin", "provider", "provider_admin", "parent_panel", "parent_panel_admin"].map((w) => [
        w,
        ownRegion(ok),
      ]),
    ),
  );
/** Running the framework: the region's hub administrators only. */
const regionalAdmin = (ok: number) => noOne(403, { regional_admin: ownRegion(ok) });
/** Acting for a provider: its administrators; its ordinary members may look but not act. */
const providerAdmins = (ok: number) => noOne(403, { provider: { own: 403, other: 404 }, provider_admin: ownRegion(ok) });

async function openFramework(db: Db, actor: MatrixActor, scope: Scope) {
  const framework = await frameworkFor(db, actor, scope);
  const terms = await buildTermsVersion(db, { frameworkId: framework.id, version: "1.0" });
  const round = await buildRound(db, { frameworkId: framework.id });
  return { framework, terms, round };
}

/** The framework routes in the access matrix. */
export const FRAMEWORK_MATRIX: MatrixEntry[] = [
  {
    route: "GET /api/v1/frameworks",
    request: async ({ db, actor }) => (await frameworkFor(db, actor, "own"), { path: "/api/v1/frameworks" }),
    expect: noOne(200, {}),
  },
  {
    route: "GET /api/v1/frameworks/:id",
    request: async ({ db, actor, scope }) => ({ path: `/api/v1/frameworks/${(await frameworkFor(db, actor, scope)).id}` }),
    expect: regionMembers(200),
  },
  {
    route: "PUT /api/v1/frameworks/:id/lots/:lotNumber/bands/:band",
    request: async ({ db, actor, scope }) => ({
      path: `/api/v1/frameworks/${(await frameworkFor(db, actor, scope)).id}/lots/3/bands/D`,
      body: { weeklyCeilingPence: 654_300 },
    }),
    expect: regionalAdmin(200),
  },
  {
    route: "POST /api/v1/frameworks/:id/terms",
    request: async ({ db, actor, scope }) => ({
      path: `/api/v1/frameworks/${(await frameworkFor(db, actor, scope)).id}/terms`,
      body: { version: "1.0", title: "Terms", summary: "The first terms." },
    }),
    expect: regionalAdmin(201),
  },
  {
    route: "POST /api/v1/frameworks/:id/rounds",
    request: async ({ db, actor, scope }) => ({
      path: `/api/v1/frameworks/${(await frameworkFor(db, actor, scope)).id}/rounds`,
      body: { name: "Matrix round", opensAt: new Date().toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString() },
    }),
    expect: regionalAdmin(201),
  },
  {
    route: "POST /api/v1/frameworks/:id/applications",
    request: async ({ db, actor, scope }) => {
      const { framework, terms, round } = await openFramework(db, actor, scope);
      return {
        path: `/api/v1/frameworks/${framework.id}/applications`,
        body: {
          roundId: round.id,
          lotNumbers: [1],
          companiesHouseNumber: "01234567",
          contactName: "Matrix contact",
          contactEmail: "contact@matrix.example",
          contactPhone: "0161 496 0000",
          settingsOffered: "A day school",
          declarations: { termsVersionId: terms.id, acceptsTerms: true, safeguarding: true, insurance: true, accurateInformation: true },
        },
      };
    },
    expect: providerAdmins(201),
  },
  {
    route: "GET /api/v1/frameworks/:id/applications",
    request: async ({ db, actor, scope }) => ({ path: `/api/v1/frameworks/${(await frameworkFor(db, actor, scope)).id}/applications` }),
    expect: noOne(403, { regional_admin: ownRegion(200), provider: ownRegion(200), provider_admin: ownRegion(200) }),
  },
  {
    // A provider's "other" is another provider's application in its own region.
    route: "GET /api/v1/frameworks/:id/applications/:applicationId",
    request: async ({ db, actor, scope, orgId }) => {
      const isProvider = actor.role === "provider";
      const framework = await frameworkFor(db, actor, isProvider ? "own" : scope);
      const applicant = isProvider ? orgId : (await buildOrganisation(db, { kind: "provider", regionId: framework.regionId })).id;
      const application = await buildApplication(db, { framework, organisationId: applicant, lotNumbers: [1] });
      return { path: `/api/v1/frameworks/${framework.id}/applications/${application.id}` };
    },
    expect: noOne(404, { regional_admin: ownRegion(200), provider: ownRegion(200), provider_admin: ownRegion(200) }),
  },
  {
    route: "PUT /api/v1/frameworks/:id/admissions/:organisationId/lots/:lotNumber",
    request: async ({ db, actor, scope }) => {
      const framework = await frameworkFor(db, actor, scope);
      const applicant = await buildOrganisation(db, { kind: "provider", regionId: framework.regionId });
      await buildApplication(db, { framework, organisationId: applicant.id, lotNumbers: [1] });
      return { path: `/api/v1/frameworks/${framework.id}/admissions/${applicant.id}/lots/1`, body: { status: "admitted", reason: "Meets the criteria" } };
    },
    expect: regionalAdmin(200),
  },
  {
    route: "GET /api/v1/frameworks/:id/prices",
    request: async ({ db, actor, scope, orgId }) => {
      const framework = await frameworkFor(db, actor, scope);
      if (actor.role === "provider") {
        await buildAdmission(db, { framework, organisationId: orgId, lotNumbers: [1] });
        await buildPrice(db, { framework, organisationId: orgId, lotNumber: 1, band: "A", weeklyPricePence: 1000 });
      }
      return { path: `/api/v1/frameworks/${framework.id}/prices` };
    },
    expect: noOne(403, { provider: ownRegion(200), provider_admin: ownRegion(200) }),
  },
  {
    route: "PUT /api/v1/frameworks/:id/prices",
    request: async ({ db, actor, scope, orgId }) => {
      const framework = await frameworkFor(db, actor, scope);
      if (actor.role === "provider") await buildAdmission(db, { framework, organisationId: orgId, lotNumbers: [1] });
      return { path: `/api/v1/frameworks/${framework.id}/prices`, body: { prices: [{ lotNumber: 1, band: "A", weeklyPricePence: 1000 }] } };
    },
    expect: providerAdmins(200),
  },
];
