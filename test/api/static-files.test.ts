import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import request from "supertest";
import { CLIENT_DIST_DIR } from "../../server/src/paths";
import { createTestApp, type TestApp } from "../setup/test-app";

/*
 * The built client as a browser gets it: the build (scripts/build-steps.mjs) writes a brotli and
 * a gzip copy beside each text file, and the server sends the best one the browser accepts.
 * supertest decompresses what it receives, so each test compares the decoded text with the
 * plain file and Content-Length with the size of the copy that was sent.
 */
const CHROME = "gzip, deflate, br, zstd";
const IMMUTABLE = "public, max-age=31536000, immutable";

type Manifest = Record<string, { file: string; isEntry?: boolean; css?: string[]; imports?: string[] }>;

let t: TestApp;
let manifest: Manifest;
let entry: string;
let stylesheet: string;
beforeAll(async () => {
  const manifestFile = join(CLIENT_DIST_DIR, ".vite/manifest.json");
  if (!existsSync(manifestFile)) throw new Error("client/dist is missing: run `npm run build` first (npm test does it for you)");
  manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;
  const main = Object.values(manifest).find((chunk) => chunk.isEntry);
  entry = `/${main?.file}`;
  stylesheet = `/${main?.css?.[0]}`;
  t = await createTestApp({ seed: false });
});
afterAll(() => t.close());

const onDisk = (path: string) => join(CLIENT_DIST_DIR, path);
const size = (path: string) => String(statSync(onDisk(path)).size);

describe("GET a hashed script", () => {
  it("should send the brotli copy to a browser that accepts it, cached for a year", async () => {
    const res = await request(t.app).get(entry).set("Accept-Encoding", CHROME);
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["content-length"]).toBe(size(`${entry}.br`));
    expect(Number(res.headers["content-length"])).toBeLessThan(statSync(onDisk(entry)).size / 3);
    expect(res.headers["content-type"]).toMatch(/^text\/javascript/);
    expect(res.headers["vary"]).toMatch(/Accept-Encoding/i);
    expect(res.headers["cache-control"]).toBe(IMMUTABLE);
    expect(res.headers["etag"]).toBeTruthy();
    expect(res.text).toBe(readFileSync(onDisk(entry), "utf8"));
  });

  it("should send gzip to a browser that accepts gzip but not brotli", async () => {
    for (const accepted of ["gzip, deflate", "br;q=0, gzip"]) {
      const res = await request(t.app).get(entry).set("Accept-Encoding", accepted);
      expect(res.headers["content-encoding"]).toBe("gzip");
      expect(res.headers["content-length"]).toBe(size(`${entry}.gz`));
      expect(res.headers["cache-control"]).toBe(IMMUTABLE);
      expect(res.text).toBe(readFileSync(onDisk(entry), "utf8"));
    }
  });

  it("should send the plain file, still varying by Accept-Encoding, when nothing compressed is accepted", async () => {
    const res = await request(t.app).get(entry).set("Accept-Encoding", "identity");
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.headers["content-length"]).toBe(size(entry));
    expect(res.headers["vary"]).toMatch(/Accept-Encoding/i);
    expect(res.headers["cache-control"]).toBe(IMMUTABLE);
  });

  it("should give each encoding its own ETag and answer 304 when the browser's copy is current", async () => {
    const br = await request(t.app).get(entry).set("Accept-Encoding", "br");
    const plain = await request(t.app).get(entry).set("Accept-Encoding", "identity");
    expect(br.headers["etag"]).not.toBe(plain.headers["etag"]);
    const again = await request(t.app)
      .get(entry)
      .set("Accept-Encoding", "br")
      .set("If-None-Match", br.headers["etag"] as string);
    expect(again.status).toBe(304);
    // The plain file's ETag does not stand for the brotli copy: that is sent in full.
    const other = await request(t.app)
      .get(entry)
      .set("Accept-Encoding", "br")
      .set("If-None-Match", plain.headers["etag"] as string);
    expect(other.status).toBe(200);
    expect(other.headers["content-encoding"]).toBe("br");
  });

  it("should answer HEAD with the compressed copy's headers and no body", async () => {
    const res = await request(t.app).head(entry).set("Accept-Encoding", "br");
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["content-length"]).toBe(size(`${entry}.br`));
  });
});

describe("GET other static files", () => {
  it("should send the stylesheet compressed with its CSS type", async () => {
    const res = await request(t.app).get(stylesheet).set("Accept-Encoding", CHROME);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["content-type"]).toMatch(/^text\/css/);
    expect(res.headers["cache-control"]).toBe(IMMUTABLE);
  });

  it("should send fonts as they are (already compressed) and unhashed GOV.UK images cached for a day", async () => {
    const font = await request(t.app).get("/assets/fonts/bold-b542beb274-v2.woff2").set("Accept-Encoding", CHROME);
    expect(font.status).toBe(200);
    expect(font.headers["content-encoding"]).toBeUndefined();
    expect(font.headers["content-type"]).toBe("font/woff2");
    const crest = await request(t.app).get("/assets/images/govuk-crest.svg").set("Accept-Encoding", CHROME);
    expect(crest.headers["content-encoding"]).toBe("br");
    expect(crest.headers["content-type"]).toMatch(/^image\/svg\+xml/);
    expect(crest.headers["cache-control"]).toBe("public, max-age=86400");
  });

  it("should answer a missing asset with 404, not a compressed copy or the page", async () => {
    const res = await request(t.app).get("/assets/no-such-Abcdefgh1.js").set("Accept-Encoding", CHROME);
    expect(res.status).toBe(404);
    expect(res.headers["content-encoding"]).toBeUndefined();
  });

  it("should send nothing from outside the build, compressed or not", async () => {
    for (const path of ["/assets/%2e%2e/%2e%2e/%2e%2e/package.json", "/assets/..%2f..%2f..%2fpackage.json"]) {
      const res = await request(t.app).get(path).set("Accept-Encoding", CHROME);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.text ?? "").not.toContain("placement-exchange");
    }
  });
});

describe("GET a page (index.html)", () => {
  const indexHtml = () => readFileSync(onDisk("index.html"), "utf8");
  const page = (path: string, encoding = CHROME) => request(t.app).get(path).set("Accept", "text/html").set("Accept-Encoding", encoding);

  it("should send the page compressed and revalidated on every visit, so a new release is seen at once", async () => {
    const res = await page("/");
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    expect(res.headers["cache-control"]).toBe("no-cache");
    expect(res.headers["vary"]).toMatch(/Accept-Encoding/i);
    expect(res.text).toBe(indexHtml());
    expect(res.text).not.toContain("/api/v1/me");
    const again = await page("/").set("If-None-Match", res.headers["etag"] as string);
    expect(again.status).toBe(304);
  });

  it("should name a role's page chunks in its pages, so they download alongside the entry script", async () => {
    const areaChunk = `/${manifest["src/areas/commissioner.ts"]?.file}`;
    const res = await page("/commissioner/requests");
    expect(res.status).toBe(200);
    expect(res.text).toContain(`<link rel="modulepreload" crossorigin href="${areaChunk}">`);
    // The area's own stylesheet is linked, so the loader does not fetch it after the scripts.
    for (const css of manifest["src/areas/commissioner.ts"]?.css ?? []) expect(res.text).toContain(`<link rel="stylesheet" crossorigin href="/${css}">`);
    // Who is signed in is asked for at once too, not after the chunks have run.
    expect(res.text).toContain('<link rel="preload" href="/api/v1/me" as="fetch" crossorigin>');
    // Not the entry's own chunks again, and nothing of another role.
    expect(res.text.split(entry).length).toBe(2);
    expect(res.text).not.toContain(manifest["src/areas/provider.ts"]?.file);
    const provider = await page("/provider/requests");
    expect(provider.text).toContain(`href="/${manifest["src/areas/provider.ts"]?.file}"`);
    expect(provider.text).not.toContain(areaChunk);
  });

  it("should start a request page's own read with the page, for a browser with a session, and name nothing else", async () => {
    const id = "0b6f3c1e-5d2a-4c7b-9e8f-1a2b3c4d5e6f";
    const withSession = (path: string) => page(path).set("Cookie", "px.sid=s%3Aanything");
    const preload = `</api/v1/placement-requests/${id}>; rel=preload; as=fetch; crossorigin`;
    for (const path of [
      `/commissioner/requests/${id}`,
      `/provider/requests/${id.toUpperCase()}`,
      `/provider/requests/${id}/award-letter`,
      `/commissioner/requests/${id}/evaluation/check`,
    ]) {
      const res = await withSession(path);
      expect({ path, status: res.status, link: res.headers["link"] }).toEqual({ path, status: 200, link: preload });
    }
    // No session, so the read could only be refused: nothing named.
    expect((await page(`/commissioner/requests/${id}`)).headers["link"]).toBeUndefined();
    // Not a request's id (hostile or not), or not a request's page: nothing named, nothing echoed.
    for (const path of [
      "/commissioner/requests/not-a-uuid",
      `/commissioner/requests/${id}%3E%3B%20rel=preload`,
      "/commissioner/requests",
      `/commissioner/children/${id}`,
    ]) {
      expect({ path, link: (await withSession(path)).headers["link"] }).toEqual({ path, link: undefined });
    }
  });

  it("should send the plain page to a browser that takes no compression, and keep 404 for an unknown page", async () => {
    const plain = await page("/", "identity");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers["cache-control"]).toBe("no-cache");
    expect(plain.headers["content-length"]).toBe(String(Buffer.byteLength(indexHtml())));
    const unknown = await page("/no-such-page", "gzip");
    expect(unknown.status).toBe(404);
    expect(unknown.headers["content-encoding"]).toBe("gzip");
    expect(unknown.text).toBe(indexHtml());
  });
});

describe("API responses", () => {
  it("should not be compressed (they can reflect what a person typed beside their session: BREACH)", async () => {
    const res = await request(t.app).get("/api/v1/openapi.json").set("Accept-Encoding", CHROME);
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBeUndefined();
  });
});
