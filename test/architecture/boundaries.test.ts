import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

// The module boundaries of issue 12, checked on the source so that they stay kept:
//   (a) who may do what is decided in the module's policy.ts, nowhere else (no role, orgAdmin or
//       organisation-kind test in a route, query, presenter or command);
//   (b) a module never imports another module's routes file (share a policy or a query instead);
//   (c) no `?? ""` fallback standing in for a value that should be known (an actor's organisation,
//       a row that always exists): type it as known (`memberOf`, `Member`) or load it so.
// What is not a decision is allow-listed below, each with its reason; an entry is a file and a
// fragment of its line, so it survives edits elsewhere in the file.

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
const MODULES = join(ROOT, "server/src/modules");

interface Allowed {
  file: string;
  fragment: string;
  reason: string;
}

/** Role and orgAdmin uses that are not permission decisions. */
const ROLE_ALLOWED: Allowed[] = [
  {
    file: "auth/sign-in-flow.ts",
    fragment: "ROLE_HOME[actor.role]",
    reason: "which home page to land on after signing in; every page still asks the API, which decides",
  },
  { file: "organisations/present.ts", fragment: "if (!row.role)", reason: "a member row without a role is a broken invariant (a 500), not a refusal" },
  {
    file: "organisations/commands/update-member.ts",
    fragment: "input.role ? { role: input.role }",
    reason: "writes the new role when one is given; who may change it was decided by canManagePeople",
  },
  { file: "dev-idp/sign-in-page.ts", fragment: "account.orgAdmin ?", reason: 'shows "administrator" beside a demo account on the development sign-in page' },
  {
    file: "dev-idp/sign-in-page.ts",
    fragment: "a.organisationKind === kind",
    reason: "groups the demo accounts by kind of organisation on the development sign-in page",
  },
];

/** `?? ""` that stands for "no text" in parsed input or optional text, not for something that should be known. */
const EMPTY_FALLBACK_ALLOWED: Allowed[] = [
  { file: "dev-idp/routes.ts", fragment: 'body.email ?? ""', reason: "a form field the person may leave out; an empty address is refused just after" },
  { file: "dev-idp/routes.ts", fragment: 'body.name ?? ""', reason: "an optional form field; the address stands in for an empty name" },
  { file: "dev-idp/provider.ts", fragment: 'clientId ?? ""', reason: "oidc-provider's own optional chain; an unknown client finds no grant" },
  { file: "directory/geo/outcodes.ts", fragment: 'parts[0] ?? ""', reason: "parsing a postcode: a missing part is an empty one" },
  { file: "directory/geo/outcodes.ts", fragment: 'values.postcode ?? ""', reason: "a CSV column that may be empty" },
  { file: "directory/gias/import-gias.ts", fragment: 'row.outcode ?? ""', reason: "a GIAS row without a postcode district places nowhere" },
  { file: "directory/gias/gias-values.ts", fragment: 'raw.split(" - ", 1)[0] ?? ""', reason: 'parsing a GIAS "code - name" cell' },
  {
    file: "directory/gias/map-row.ts",
    fragment: 'values[name] ?? ""',
    reason: "a GIAS column absent from the file reads as empty, and is reported as missing where required",
  },
  { file: "directory/present.ts", fragment: 'typeName ?? ""', reason: "an establishment type code newer than the reference list is shown without a name" },
  { file: "regions/present.ts", fragment: 'c.laCode ?? ""', reason: "a council added without its local authority code shows an empty one" },
  {
    file: "review-rounds/present.ts",
    fragment: '?.name ?? ""',
    reason: "names are read with the totals from the same round; a proposal or criterion is never without one",
  },
  { file: "review-rounds/commands/comment.ts", fragment: 'reason ?? ""', reason: "the schema requires a reason to hide; showing again stores none" },
  {
    file: "children/commands/save-child.ts",
    fragment: 'reference ?? ""',
    reason: "a message about a duplicate reference, which only a profile with a reference can cause",
  },
];

/** Lines that decide on a role, administrator flag or kind of organisation. */
const ROLE_DECISION = [
  /\.role\s*[!=]==/,
  /[!=]==\s*[\w?.]*\.role\b/,
  /!\s*[\w?.]*\.role\b(?!s)/,
  /\.role\s*\?\s*[^.?]/,
  /\.role\s*(&&|\|\|)/,
  /(&&|\|\|)\s*!?\s*[\w?.]*\.role\b(?!\s*[:,])/,
  /roles?\.includes\(/,
  /\.includes\([\w?.]*\.role\)/,
  /\.orgAdmin\s*(&&|\|\||\?(?!\?))/,
  /(&&|\|\||!|if\s*\()\s*[\w?.]*\.orgAdmin\b/,
  /\.organisationKind\s*[!=]==/,
  /[!=]==\s*[\w?.]*\.organisationKind\b/,
  // A route gated on roles by name: the gate is a policy predicate, requireMember(isProvider).
  /requireRole\(\s*["']/,
];

const OTHER_ROUTES_IMPORT = /from\s+["'](?:\.\.\/)+(?:modules\/)?([\w-]+)\/([\w-]*routes)["']/;

interface Line {
  file: string;
  line: number;
  text: string;
}

function moduleFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return moduleFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** Every code line of the modules, comments left out (a comment may name a role). */
function moduleLines(): Line[] {
  return moduleFiles(MODULES).flatMap((path) => {
    const file = relative(MODULES, path).split("\\").join("/");
    let inBlock = false;
    return readFileSync(path, "utf8")
      .split("\n")
      .flatMap((raw, index) => {
        let text = raw;
        if (inBlock) {
          const end = text.indexOf("*/");
          if (end < 0) return [];
          inBlock = false;
          text = text.slice(end + 2);
        }
        const start = text.indexOf("/*");
        if (start >= 0 && !text.slice(start).includes("*/")) {
          inBlock = true;
          text = text.slice(0, start);
        }
        text = text.replace(/^\s*\/\/.*$/, "");
        return text.trim() ? [{ file, line: index + 1, text }] : [];
      });
  });
}

const moduleOf = (file: string) => file.split("/")[0];
const isPolicy = (file: string) => file.endsWith("/policy.ts");
const allowed = (list: Allowed[], l: Line) => list.some((a) => a.file === l.file && l.text.includes(a.fragment));
const where = (lines: Line[]) => lines.map((l) => `server/src/modules/${l.file}:${l.line}: ${l.text.trim()}`);

const isRoleDecision = (text: string) => ROLE_DECISION.some((pattern) => pattern.test(text));

function importsOtherModulesRoutes(file: string, text: string): boolean {
  const found = OTHER_ROUTES_IMPORT.exec(text);
  if (!found) return false;
  // "../x/routes" from server/src/modules/<m>/ (or deeper) names module x; within a module, "./" is used.
  return found[1] !== moduleOf(file);
}

describe("Module boundaries (issue 12)", () => {
  const lines = moduleLines();

  it("should find the modules' source", () => {
    expect(lines.length).toBeGreaterThan(1000);
    expect(lines.some((l) => l.file === "directory/policy.ts")).toBe(true);
  });

  it("should tell a role decision from a role value", () => {
    for (const decision of [
      'if (actor.role !== "regional_admin") throw forbidden();',
      'actor.role === "commissioner" ? a : b',
      "if (!actor.orgAdmin) throw forbidden();",
      'viewer.role === "regional_admin" || viewer.userId === authorId',
      "roles.includes(req.actor.role)",
      'const privileged = "regional_admin" === viewer.role;',
      'actor.organisationKind === "council"',
      "return actor.orgAdmin && isMemberOf(actor, org);",
      'before: [requireRole("commissioner", "provider")],',
    ]) {
      expect([decision, isRoleDecision(decision)]).toEqual([decision, true]);
    }
    for (const value of [
      "role: actor.role, orgAdmin: actor.orgAdmin,",
      "details: { role: invitation.role, orgAdmin: invitation.orgAdmin },",
      ".set({ organisationId: null, role: null, orgAdmin: false })",
      "...(input.orgAdmin !== undefined ? { orgAdmin: input.orgAdmin } : {})",
      'if (input.role) assertRoleFits(input.role, organisation.kind, "body.role");',
    ]) {
      expect([value, isRoleDecision(value)]).toEqual([value, false]);
    }
  });

  it("should decide roles, administrators and kinds of organisation only in a module's policy.ts", () => {
    const outside = lines.filter((l) => !isPolicy(l.file) && isRoleDecision(l.text) && !allowed(ROLE_ALLOWED, l));
    expect(where(outside)).toEqual([]);
  });

  it("should not import another module's routes file", () => {
    expect(where(lines.filter((l) => importsOtherModulesRoutes(l.file, l.text)))).toEqual([]);
    expect(importsOtherModulesRoutes("children/routes.ts", 'import { x } from "../directory/claim-routes";')).toBe(true);
    expect(importsOtherModulesRoutes("directory/routes.ts", 'import { claimRoutes } from "./claim-routes";')).toBe(false);
  });

  it('should not fall back to "" for what should be known', () => {
    const fallbacks = lines.filter((l) => /\?\?\s*""/.test(l.text) && !allowed(EMPTY_FALLBACK_ALLOWED, l));
    expect(where(fallbacks)).toEqual([]);
  });

  it("should keep every allow-list entry in use, so that none outlives its line", () => {
    const unused = [...ROLE_ALLOWED, ...EMPTY_FALLBACK_ALLOWED].filter((a) => !lines.some((l) => l.file === a.file && l.text.includes(a.fragment)));
    expect(unused).toEqual([]);
  });
});
