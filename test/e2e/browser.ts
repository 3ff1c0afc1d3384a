import { existsSync } from "node:fs";
import axe from "axe-core";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { startTestServer } from "../setup/test-server";

const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";

/**
 * Quiet, reproducible Chromium: no network of its own (updates, sync, QUIC), no GPU in
 * containers, no sandbox because CI runs as root. Playwright adds a fresh temporary
 * --user-data-dir to every launch() and deletes it on close (it refuses one passed in args).
 */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-quic",
  "--no-first-run",
  "--disable-component-update",
  "--disable-sync",
];

/** WCAG 2.2 AA is the service's target (see the accessibility statement). */
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
}

export type BrowserAvailability = { available: true; path: string } | { available: false; path: string; reason: string };

export function browserAvailability(): BrowserAvailability {
  const path = chromiumPath();
  if (existsSync(path)) return { available: true, path };
  return {
    available: false,
    path,
    reason: `Chromium not found at ${path}: install Debian's chromium package or set CHROMIUM_PATH`,
  };
}

/**
 * `describe` for browser specs. Without Chromium a developer's run reports them as skipped,
 * with the reason; in CI (CI=true) a missing browser fails instead, so the specs can never be
 * silently skipped where they are meant to guard a release.
 */
export function describeBrowser(name: string, fn: () => void): void {
  const availability = browserAvailability();
  if (availability.available) {
    describe(name, fn);
  } else if (process.env.CI === "true") {
    describe(name, () => {
      it("should have Chromium available to run the browser specs", () => {
        throw new Error(`${availability.reason}. Browser specs must run in CI (CI=true).`);
      });
    });
  } else {
    console.warn(`Skipping browser spec "${name}": ${availability.reason}.`);
    describe.skip(name, fn);
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

interface AxeViolationNode {
  target: unknown[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeViolationNode[];
}

/** One line per violation, then each failing element, so a failing test says what to fix. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map((violation) => {
      const targets = violation.nodes.map((node) => `    - ${node.target.map(String).join(" ")}`).join("\n");
      return `${violation.id} (${violation.impact ?? "unknown impact"}): ${violation.help}\n  ${violation.helpUrl}\n${targets}`;
    })
    .join("\n");
}

/**
 * Runs axe-core in the page and fails with a readable list when it finds anything. The source
 * goes in through page.evaluate: the service's CSP (script-src 'self') would block a script tag.
 */
export async function checkAccessibility(page: Page, context = page.url()): Promise<void> {
  const alreadyLoaded = await page.evaluate(() => "axe" in window);
  if (!alreadyLoaded) await page.evaluate(axe.source);
  const violations = await page.evaluate(async (tags) => {
    const results = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: "tag", values: tags },
    });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String), failureSummary: n.failureSummary })),
    }));
  }, AXE_TAGS);
  if (violations.length > 0) {
    throw new Error(`Accessibility violations on ${context}:\n${formatViolations(violations)}`);
  }
}

/**
 * Every page asks GET /api/v1/me who is signed in; for a signed-out person the API answers 401
 * by design, and Chromium logs any 4xx fetch as a console error. That one is expected.
 */
function isSignedOutSessionProbe(text: string, url: string | undefined): boolean {
  return text.includes("status of 401") && url !== undefined && new URL(url).pathname === "/api/v1/me";
}

export interface PageProblems {
  /** Console errors, uncaught exceptions, CSP violations and failed requests seen so far. */
  readonly list: string[];
  /** Throws listing every problem, if there were any. */
  assertNone(): void;
}

/**
 * Collects what a person would not see but a broken page shows: console errors (Chromium
 * reports CSP violations there too), uncaught exceptions and requests that failed outright.
 * Attach it before the first navigation.
 */
export function collectPageProblems(page: Page): PageProblems {
  const list: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") {
      const { url, lineNumber } = message.location();
      if (isSignedOutSessionProbe(message.text(), url)) return;
      list.push(`console error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ""}`);
    }
  });
  page.on("pageerror", (error) => list.push(`uncaught exception: ${error.message}`));
  page.on("requestfailed", (request) => {
    // Aborted means cancelled on purpose (a fetch for a page the person already left).
    if (request.failure()?.errorText === "net::ERR_ABORTED") return;
    list.push(`request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText ?? "unknown"})`);
  });
  return {
    list,
    assertNone() {
      if (list.length > 0) throw new Error(`Problems on the page:\n${list.map((p) => `  - ${p}`).join("\n")}`);
    },
  };
}

/**
 * Pages for a journey with several people: each in its own browser context (its own cookies,
 * so its own session), with its problems collected from the first navigation.
 */
export function separatePeople() {
  const contexts: BrowserContext[] = [];
  const problems: PageProblems[] = [];
  return {
    problems,
    async newPage(browser: Browser): Promise<Page> {
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      problems.push(collectPageProblems(page));
      return page;
    },
    async close(): Promise<void> {
      for (const context of contexts) await context.close();
    },
    assertNoProblems(): void {
      for (const p of problems) p.assertNone();
    },
  };
}

/**
 * The set-up of a spec in which every test starts on a new page of one browser, against one
 * seeded server. Read the fields inside each test (they change between tests).
 */
export function pagePerTest(): { server: TestServer; browser: Browser; page: Page; problems: PageProblems } {
  const spec = {} as { server: TestServer; browser: Browser; page: Page; problems: PageProblems };
  beforeAll(async () => {
    spec.server = await startTestServer();
    spec.browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await spec.browser?.close();
    await spec.server?.close();
  });
  beforeEach(async () => {
    spec.page = await spec.browser.newPage();
    spec.problems = collectPageProblems(spec.page);
  });
  afterEach(async () => {
    await spec.page.close();
  });
  return spec;
}
