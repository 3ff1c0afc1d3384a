import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Deployment } from "kubernetes-types/apps/v1";
import type { Container, Probe } from "kubernetes-types/core/v1";
import ts from "typescript";
import { parse as parseYaml, parseAllDocuments } from "yaml";
import { migrateCommand } from "../../server/src/cli/database-commands";
import { EnvShape, parseEnv } from "../../server/src/env";
import { ROOT_DIR } from "../../server/src/paths";
import { SHUTDOWN_GRACE_MS } from "../../server/src/shutdown";
import { describeWithServers } from "../setup/describe-with-servers";
import { servedApiRoutes } from "../setup/served-routes";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";

// The deployment files hold names the code also holds: env variables, probe paths, the port,
// the CLI's migrate command, how long a node takes to stop. Nothing applies them here (no
// cluster), so this test is what notices when the two drift apart. It reads the manifests through
// its own kustomize(), which it proves against the real `kubectl kustomize`, and type-checks what
// that renders against the Kubernetes API's types (kubernetes-types).

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ENV_KEYS = new Set(Object.keys(EnvShape.shape));
const K8S = join(ROOT_DIR, "infra/k8s");

const readYaml = (path: string): Doc[] =>
  parseAllDocuments(readFileSync(path, "utf8"), { merge: true })
    .map((d) => d.toJS() as Doc | null)
    .filter((d): d is Doc => d !== null);

const isObject = (v: unknown): v is Doc => typeof v === "object" && v !== null && !Array.isArray(v);

/** A strategic merge patch as kustomize applies it to the parts these manifests use: lists of named items merge by name. */
function strategicMerge(target: unknown, patch: unknown): unknown {
  if (isObject(target) && isObject(patch)) {
    const out: Doc = { ...target };
    for (const [key, value] of Object.entries(patch)) out[key] = key in target ? strategicMerge(target[key], value) : value;
    return out;
  }
  if (Array.isArray(target) && Array.isArray(patch) && patch.every((p) => isObject(p) && "name" in p)) {
    const out = target.map((item: unknown) => {
      const match = isObject(item) ? patch.find((p: Doc) => p.name === item.name) : undefined;
      return match ? strategicMerge(item, match) : item;
    });
    for (const p of patch as Doc[]) if (!out.some((item: unknown) => isObject(item) && item.name === p.name)) out.push(p);
    return out;
  }
  return patch;
}

/** JSON 6902 replace/add on a path of object keys and list indexes. */
function jsonPatch(doc: Doc, ops: { op: string; path: string; value: unknown }[]): Doc {
  const copy = structuredClone(doc);
  for (const { op, path, value } of ops) {
    if (op !== "replace" && op !== "add") throw new Error(`the test does not apply "${op}" patches yet: ${path}`);
    const keys = path.split("/").slice(1);
    const last = keys.pop()!;
    let at: Doc = copy;
    for (const key of keys) {
      if (at[key] === undefined) throw new Error(`patch path ${path} does not exist`);
      at = at[key] as Doc;
    }
    if (op === "replace" && at[last] === undefined) throw new Error(`patch path ${path} does not exist`);
    at[last] = value;
  }
  return copy;
}

const KUSTOMIZATION_FIELDS = new Set(["apiVersion", "kind", "resources", "patches", "labels", "images", "namespace"]);

/** What `kubectl kustomize <dir>` gives, for the features these kustomizations use (a test below compares the two). */
function kustomize(dir: string): Doc[] {
  const k = readYaml(join(dir, "kustomization.yaml"))[0]!;
  const unknown = Object.keys(k).filter((field) => !KUSTOMIZATION_FIELDS.has(field));
  if (unknown.length > 0) throw new Error(`${dir}/kustomization.yaml: the test's kustomize() does not apply ${unknown.join(", ")} yet`);
  let docs: Doc[] = (k.resources as string[]).flatMap((r) => (r.endsWith(".yaml") ? readYaml(join(dir, r)) : kustomize(join(dir, r))));
  for (const patch of (k.patches ?? []) as { path: string; target?: { kind: string; name: string } }[]) {
    const content = parseYaml(readFileSync(join(dir, patch.path), "utf8")) as Doc | Doc[];
    if (Array.isArray(content)) {
      const target = patch.target;
      if (!target) throw new Error(`${patch.path}: a JSON 6902 patch needs a target`);
      const index = docs.findIndex((d) => d.kind === target.kind && d.metadata.name === target.name);
      expect(index).toBeGreaterThanOrEqual(0);
      docs[index] = jsonPatch(docs[index]!, content as never);
    } else {
      const index = docs.findIndex((d) => d.kind === content.kind && d.metadata.name === content.metadata.name);
      if (index < 0) throw new Error(`${patch.path} patches ${content.kind} ${content.metadata.name}, which is not among the resources`);
      docs[index] = strategicMerge(docs[index], content) as Doc;
    }
  }
  for (const { pairs, includeSelectors, includeTemplates } of (k.labels ?? []) as {
    pairs: Record<string, string>;
    includeSelectors?: boolean;
    includeTemplates?: boolean;
  }[]) {
    if (includeSelectors || includeTemplates)
      throw new Error(`${dir}: the test's kustomize() adds labels to metadata only (includeSelectors and includeTemplates false)`);
    docs = docs.map((d) => ({ ...d, metadata: { ...d.metadata, labels: { ...d.metadata.labels, ...pairs } } }));
  }
  for (const image of (k.images ?? []) as { name: string; newName?: string; newTag?: string }[]) {
    docs = docs.map((d) => {
      const text = JSON.stringify(d).replace(
        new RegExp(`"image":"${image.name}(:[^"]*)?"`, "g"),
        (_m, tag: string | undefined) => `"image":"${image.newName ?? image.name}${image.newTag ? `:${image.newTag}` : (tag ?? "")}"`,
      );
      return JSON.parse(text) as Doc;
    });
  }
  if (k.namespace) docs = docs.map((d) => ({ ...d, metadata: { ...d.metadata, namespace: k.namespace } }));
  return docs;
}

/** The real `kubectl kustomize <dir>` (kubectl with Kustomize v5: Debian's kubectl 1.20 knows neither `labels` nor `patches`). */
function kubectlKustomize(dir: string): Doc[] {
  const run = spawnSync("kubectl", ["kustomize", dir], { encoding: "utf8" });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`kubectl kustomize ${dir} failed (exit ${run.status}):\n${run.stderr}`);
  // Kustomize's warnings (a deprecated field, say) fail the test too.
  expect(run.stderr).toBe("");
  return parseAllDocuments(run.stdout)
    .map((d) => d.toJS() as Doc | null)
    .filter((d): d is Doc => d !== null);
}

/** Documents keyed by kind and name, to compare as sets (kustomize orders them its own way). */
function byKindAndName(docs: Doc[]): Record<string, Doc> {
  const keys = docs.map((d) => `${d.kind as string}/${d.metadata.name as string}`);
  expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
  return Object.fromEntries(docs.map((d, i) => [keys[i], d]));
}

/**
 * Type-checks each document as its kind's type in kubernetes-types (generated from the Kubernetes
 * API's OpenAPI schema): an unknown or misspelt field, a missing required one, a string where the
 * API wants a number (or the reverse), or an apiVersion the API no longer serves is an error. It
 * knows nothing of enums, formats or the API server's own validation. Returns the errors.
 */
function schemaErrors(docs: Doc[]): string[] {
  // Never written: the compiler host below serves it. Beside this test, so kubernetes-types resolves.
  const file = join(ROOT_DIR, "test/infra/rendered-manifests.generated.ts");
  const starts: number[] = [];
  let text = "";
  docs.forEach((d, i) => {
    const [group, version] = (d.apiVersion as string).includes("/") ? (d.apiVersion as string).split("/") : ["core", d.apiVersion as string];
    starts.push(text.length);
    text += `import type { ${d.kind as string} as T${i} } from "kubernetes-types/${group!.replace(/\.k8s\.io$/, "")}/${version!}";\n`;
    text += `export const doc${i}: T${i} = ${JSON.stringify(d, null, 2)};\n`;
  });
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts"],
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists } = host;
  host.getSourceFile = (name, language, ...rest) => (name === file ? ts.createSourceFile(name, text, language) : getSourceFile(name, language, ...rest));
  host.fileExists = (name) => name === file || fileExists(name);
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const at = diagnostic.start ?? 0;
    const doc = docs[starts.findLastIndex((start) => start <= at)]!;
    const line = text.slice(text.lastIndexOf("\n", at) + 1, text.indexOf("\n", at)).trim();
    return `${doc.kind as string} ${doc.metadata.name as string}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, " ")} (at ${line})`;
  });
}

const one = (docs: Doc[], kind: string, name?: string): Doc => {
  const found = docs.filter((d) => d.kind === kind && (name === undefined || d.metadata.name === name));
  if (found.length !== 1) throw new Error(`expected one ${kind}${name ? ` ${name}` : ""}, found ${found.length}`);
  return found[0]!;
};

/** The container's environment as the Deployment gives it: envFrom ConfigMaps and Secrets, then env. */
function containerEnv(docs: Doc[], container: Doc): Record<string, string> {
  const env: Record<string, string> = {};
  for (const from of (container.envFrom ?? []) as Doc[]) {
    if (from.configMapRef) Object.assign(env, one(docs, "ConfigMap", from.configMapRef.name).data);
    if (from.secretRef) Object.assign(env, one(docs, "Secret", from.secretRef.name).stringData);
  }
  for (const e of (container.env ?? []) as Doc[]) if (typeof e.value === "string") env[e.name as string] = e.value;
  return env;
}

let database: TestDatabase;
let served: Set<string>;
beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
  served = new Set(servedApiRoutes(database.handle).map((r) => `${r.method.toUpperCase()} ${r.path}`));
});
afterAll(() => database.drop());

describe.each([
  ["the base", join(K8S, "base")],
  ["the production overlay", join(K8S, "overlays/production")],
])("Kubernetes manifests: %s", (_label, dir) => {
  const docs = kustomize(dir);
  const deployment = one(docs, "Deployment");
  const pod = deployment.spec.template.spec as Doc;
  const app = (pod.containers as Doc[])[0]!;
  const config = one(docs, "ConfigMap");
  const secret = one(docs, "Secret");

  it("should use only the fields, with the types, of the Kubernetes API (kubernetes-types)", () => {
    expect(schemaErrors(docs)).toEqual([]);
  });

  it("should give every variable of env.ts once, in the ConfigMap or the Secret, and no variable env.ts does not know", () => {
    const inConfig = Object.keys(config.data as Doc);
    const inSecret = Object.keys(secret.stringData as Doc);
    expect(inConfig.filter((k) => inSecret.includes(k))).toEqual([]);
    const given = new Set([...inConfig, ...inSecret]);
    expect([...ENV_KEYS].filter((k) => !given.has(k))).toEqual([]);
    expect([...given].filter((k) => !ENV_KEYS.has(k))).toEqual([]);
    for (const c of [...(pod.containers as Doc[]), ...(one(docs, "Job").spec.template.spec.containers as Doc[])]) {
      const named = ((c.env ?? []) as Doc[]).map((e) => e.name as string);
      expect(named.filter((k) => !ENV_KEYS.has(k))).toEqual([]);
    }
  });

  it("should keep secrets in the Secret and the rest in the ConfigMap", () => {
    const secretLike = [...ENV_KEYS].filter((k) => /SECRET|KEY|_URL$/.test(k) && !["PUBLIC_URL"].includes(k) && !k.startsWith("NOTIFY_TEMPLATE_"));
    expect(secretLike.filter((k) => !(k in (secret.stringData as Doc)))).toEqual([]);
  });

  it("should give an environment the app itself accepts for production", () => {
    const env = containerEnv(docs, app);
    expect(env.NODE_ENV).toBe("production");
    const result = parseEnv(env);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it("should listen, probe and route on the port the app is given (PORT)", () => {
    const port = Number(config.data.PORT);
    const http = (app.ports as Doc[]).find((p) => p.name === "http")!;
    expect(http.containerPort).toBe(port);
    const service = one(docs, "Service");
    const targetPort = (service.spec.ports as Doc[])[0]!.targetPort as string | number;
    expect(targetPort === "http" || targetPort === port).toBe(true);
    for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
      expect([port, "http"]).toContain(app[probe].httpGet.port);
    }
    const ingress = one(docs, "Ingress");
    const backend = (ingress.spec.rules[0].http.paths as Doc[]).find((p) => p.path === "/")!.backend.service as Doc;
    expect(backend.name).toBe(service.metadata.name);
    expect((service.spec.ports as Doc[]).find((p) => p.name === backend.port.name)?.targetPort).toBe("http");
  });

  it("should take live connections on their own port (LIVE_PORT), from the Service and the Ingress's /socket.io/ path", () => {
    const livePort = Number(config.data.LIVE_PORT);
    expect((app.ports as Doc[]).find((p) => p.name === "live")?.containerPort).toBe(livePort);
    const service = one(docs, "Service");
    const servicePort = (service.spec.ports as Doc[]).find((p) => p.targetPort === "live" || p.targetPort === livePort);
    expect(servicePort).toBeDefined();
    const paths = one(docs, "Ingress").spec.rules[0].http.paths as Doc[];
    const live = paths.find((p) => p.path === "/socket.io/")!;
    expect(live.pathType).toBe("Prefix");
    expect(live.backend.service).toEqual({ name: service.metadata.name, port: { name: servicePort!.name } });
  });

  it("should probe liveness and readiness on the paths the app serves for them", () => {
    expect(app.livenessProbe.httpGet.path).toBe("/api/v1/health/live");
    expect(app.readinessProbe.httpGet.path).toBe("/api/v1/health/ready");
    for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
      expect(served).toContain(`GET ${app[probe].httpGet.path as string}`);
    }
  });

  it("should give a stopping node time to run its preStop hook, drain and finish before it is killed", () => {
    const preStop = app.lifecycle.preStop.exec.command as string[];
    expect(preStop[0]).toBe("sleep");
    const needsMs = Number(preStop[1]) * 1000 + Number(config.data.DRAIN_DELAY_MS) + SHUTDOWN_GRACE_MS + 2000;
    expect(pod.terminationGracePeriodSeconds * 1000).toBeGreaterThanOrEqual(needsMs);
  });

  it("should run at least 3 non-root nodes on a read-only root filesystem, with resources and a writable /tmp", () => {
    expect(deployment.spec.replicas).toBeGreaterThanOrEqual(3);
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(app.securityContext.readOnlyRootFilesystem).toBe(true);
    expect(app.securityContext.allowPrivilegeEscalation).toBe(false);
    expect(app.resources.requests.cpu).toBeDefined();
    expect(app.resources.requests.memory).toBeDefined();
    expect(app.resources.limits.memory).toBeDefined();
    const tmp = (app.volumeMounts as Doc[]).find((m) => m.mountPath === "/tmp")!;
    expect((pod.volumes as Doc[]).find((v) => v.name === tmp.name)?.emptyDir).toBeDefined();
  });

  it("should point the autoscaler, the disruption budget and the Service at the Deployment's pods", () => {
    const labels = deployment.spec.template.metadata.labels as Doc;
    const matches = (selector: Doc) => Object.entries(selector).every(([k, v]) => labels[k] === v);
    expect(matches(deployment.spec.selector.matchLabels as Doc)).toBe(true);
    expect(matches(one(docs, "Service").spec.selector as Doc)).toBe(true);
    expect(matches(one(docs, "PodDisruptionBudget").spec.selector.matchLabels as Doc)).toBe(true);
    const hpa = one(docs, "HorizontalPodAutoscaler");
    expect(hpa.spec.scaleTargetRef).toMatchObject({ kind: "Deployment", name: deployment.metadata.name });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(3);
    expect(hpa.spec.maxReplicas).toBeGreaterThanOrEqual(hpa.spec.minReplicas as number);
  });

  it("should migrate in a Job with the CLI's migrate command, the same image and environment", () => {
    const job = one(docs, "Job");
    const container = (job.spec.template.spec.containers as Doc[])[0]!;
    expect(container.args).toEqual(["node", "dist/server/cli.js", migrateCommand.name]);
    expect(container.image).toBe(app.image);
    expect(container.envFrom).toEqual(app.envFrom);
    expect(job.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
  });

  it("should serve the host PUBLIC_URL names, with WebSocket timeouts and affinity for socket.io's polling", () => {
    const ingress = one(docs, "Ingress");
    const host = new URL(config.data.PUBLIC_URL as string).host;
    expect(ingress.spec.rules[0].host).toBe(host);
    expect(ingress.spec.tls[0].hosts).toContain(host);
    const annotations = ingress.metadata.annotations as Record<string, string>;
    expect(Number(annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"])).toBeGreaterThan(60);
    expect(annotations["nginx.ingress.kubernetes.io/affinity"]).toBe("cookie");
  });
});

describe("Kubernetes production overlay", () => {
  it("should change the image tag, the replicas, the resources and the hostnames from the base", () => {
    const base = kustomize(join(K8S, "base"));
    const production = kustomize(join(K8S, "overlays/production"));
    const app = (docs: Doc[]) => one(docs, "Deployment").spec.template.spec.containers[0] as Doc;
    expect(app(production).image).toMatch(/:\d+\.\d+\.\d+$/);
    expect(app(production).image).not.toBe(app(base).image);
    expect(one(production, "Deployment").spec.replicas).not.toBe(one(base, "Deployment").spec.replicas);
    expect(app(production).resources).not.toEqual(app(base).resources);
    expect(one(production, "Ingress").spec.rules[0].host).not.toBe(one(base, "Ingress").spec.rules[0].host);
    // Patches merged, not replaced: the probes and the rest of the container are still there.
    expect(app(production).readinessProbe).toEqual(app(base).readinessProbe);
    expect(production.every((d) => d.metadata.namespace === "placement-exchange")).toBe(true);
  });
});

describeWithServers("Kubernetes manifests through the real `kubectl kustomize`", { kubectl: true }, () => {
  it.each([
    ["the base", join(K8S, "base")],
    ["the production overlay", join(K8S, "overlays/production")],
  ])("should render %s exactly as this test's kustomize() does", (_label, dir) => {
    expect(byKindAndName(kubectlKustomize(dir))).toStrictEqual(byKindAndName(kustomize(dir)));
  });
});

describe("the Kubernetes schema check", () => {
  it("should notice a misspelt field and a wrong type", () => {
    const docs = kustomize(join(K8S, "overlays/production"));
    const deployment = one(docs, "Deployment") as Deployment;
    const app = deployment.spec!.template.spec!.containers[0]! as Container & { readinesProbe?: Probe };
    app.readinesProbe = app.readinessProbe;
    delete app.readinessProbe;
    one(docs, "HorizontalPodAutoscaler").spec.minReplicas = "4";
    expect(schemaErrors(docs)).toEqual([
      expect.stringMatching(/^Deployment placement-exchange: .*'"readinesProbe"' does not exist in type 'Container'/),
      expect.stringMatching(/^HorizontalPodAutoscaler placement-exchange: Type 'string' is not assignable to type 'number'/),
    ]);
  });
});

describe("docker compose", () => {
  const compose = readYaml(join(ROOT_DIR, "docker-compose.yml"))[0]!;
  const services = compose.services as Record<string, Doc>;
  const nodes = ["app1", "app2", "app3"];
  const nginxConf = readFileSync(join(ROOT_DIR, "infra/nginx/nginx.conf"), "utf8");

  it("should run three app nodes from one image, each with an environment the app accepts", () => {
    const images = new Set(nodes.map((n) => services[n]!.image as string));
    expect(images.size).toBe(1);
    for (const name of nodes) {
      const env = services[name]!.environment as Record<string, string>;
      expect(Object.keys(env).filter((k) => !ENV_KEYS.has(k))).toEqual([]);
      for (const needed of ["DATABASE_URL", "REDIS_URL", "SESSION_SECRET", "PUBLIC_URL", "PORT"]) expect(env[needed]).toBeDefined();
      const result = parseEnv(env);
      expect(result.ok ? [] : result.problems).toEqual([]);
      expect(services[name]!.healthcheck.test.join(" ")).toContain(`127.0.0.1:${env.PORT}/api/v1/health/ready`);
      const graceMs = parseInt(services[name]!.stop_grace_period as string, 10) * 1000;
      expect(graceMs).toBeGreaterThanOrEqual(Number(env.DRAIN_DELAY_MS ?? 0) + SHUTDOWN_GRACE_MS + 2000);
    }
    expect(served).toContain("GET /api/v1/health/ready");
  });

  it("should migrate once, with the CLI, before any node starts", () => {
    const migrate = services.migrate!;
    expect((migrate.command as string[]).join(" ")).toContain(`dist/server/cli.js ${migrateCommand.name}`);
    expect(migrate.image).toBe(services.app1!.image);
    for (const name of nodes) expect(services[name]!.depends_on.migrate.condition).toBe("service_completed_successfully");
  });

  it("should put nginx in front of exactly the three nodes, on their PORT and, for live connections, their LIVE_PORT, passing WebSocket upgrades", () => {
    // Each upstream block's servers: the API's, then the live connections'.
    const upstreams = [...nginxConf.matchAll(/^\s*upstream\s+(\w+)\s*\{([^}]*)\}/gm)].map((m) => ({
      name: m[1],
      servers: [...m[2]!.matchAll(/^\s*server\s+([\w.-]+):(\d+)/gm)].map((s) => ({ host: s[1]!, port: Number(s[2]) })),
    }));
    expect(upstreams.map((u) => u.name)).toEqual(["placement_exchange", "placement_exchange_live"]);
    for (const [upstream, variable] of [
      [upstreams[0]!, "PORT"],
      [upstreams[1]!, "LIVE_PORT"],
    ] as const) {
      expect(upstream.servers.map((s) => s.host).sort()).toEqual(nodes);
      for (const s of upstream.servers) expect(s.port).toBe(Number((services[s.host]!.environment as Record<string, string>)[variable]));
    }
    expect(nginxConf).toMatch(/location \/socket\.io\/ \{\s*proxy_pass http:\/\/placement_exchange_live;\s*\}/);
    expect(nginxConf).toMatch(/location \/ \{\s*proxy_pass http:\/\/placement_exchange;\s*\}/);
    expect(nginxConf).toMatch(/proxy_set_header Upgrade \$http_upgrade;/);
    expect(nginxConf).toMatch(/proxy_set_header Connection \$connection_upgrade;/);
    expect(nginxConf).toMatch(/proxy_http_version 1\.1;/);
    const published = (services.nginx!.ports as string[])[0]!;
    const listen = /listen\s+(\d+)/.exec(nginxConf)?.[1];
    expect(published.split(":")[1]).toBe(listen);
    // The node reaching its embedded sign-in provider at PUBLIC_URL reaches itself (same port).
    const env = services.app1!.environment as Record<string, string>;
    expect(new URL(env.PUBLIC_URL!).port).toBe(published.split(":")[0]);
    expect(new URL(env.PUBLIC_URL!).port).toBe(env.PORT);
    for (const name of nodes) expect(services.nginx!.depends_on[name].condition).toBe("service_healthy");
  });
});
