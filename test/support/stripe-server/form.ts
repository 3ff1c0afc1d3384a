/**
 * The Stripe SDK sends parameters form-encoded with brackets (`lines[0][unit_amount]=500`,
 * `metadata[invoiceId]=...`). A small parser rather than `qs`, which is not one of our
 * dependencies (only a dependency of a dependency).
 */
export type FormValue = string | FormValue[] | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, " "));

export function parseForm(body: string): FormObject {
  // Null-prototype while building, so a key named __proto__ is just a key.
  const root: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const pair of body.split("&")) {
    if (!pair) continue;
    const eq = pair.indexOf("=");
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    const value = eq < 0 ? "" : decode(pair.slice(eq + 1));
    const key = decode(rawKey);
    const head = /^[^[]+/.exec(key)?.[0];
    if (!head) continue;
    const path = [head, ...[...key.slice(head.length).matchAll(/\[([^\]]*)\]/g)].map((m) => m[1] as string)];
    let node = root;
    path.forEach((segment, i) => {
      const name = segment === "" ? String(Object.keys(node).length) : segment;
      if (i === path.length - 1) {
        node[name] = value;
        return;
      }
      const next = node[name];
      if (typeof next !== "object" || next === null) node[name] = Object.create(null);
      node = node[name] as Record<string, unknown>;
    });
  }
  return normalise(root) as FormObject;
}

/** Objects whose keys are all indexes become arrays; every object gets an ordinary prototype. */
function normalise(value: unknown): FormValue {
  if (typeof value !== "object" || value === null) return String(value);
  const entries = Object.entries(value);
  if (entries.length > 0 && entries.every(([k]) => /^\d+$/.test(k))) {
    return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, v]) => normalise(v));
  }
  const out: FormObject = {};
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: normalise(v), enumerable: true, writable: true, configurable: true });
  return out;
}
