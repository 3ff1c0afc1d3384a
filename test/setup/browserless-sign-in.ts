/**
 * Signs in through the real OpenID Connect flow against the embedded development provider,
 * the way a browser would (following redirects, keeping cookies), without a browser.
 */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const eq = pair?.indexOf("=") ?? -1;
      if (!pair || eq < 1) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === "" || /expires=Thu, 01 Jan 1970/i.test(header)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  set(name: string, value: string): void {
    this.cookies.set(name, value);
  }
}

export interface Hop {
  url: string;
  status: number;
  location: string | null;
}

/** Follows redirects by hand so every Set-Cookie is kept and every hop can be inspected. */
export async function follow(jar: CookieJar, startUrl: string, init: RequestInit = {}): Promise<{ response: Response; hops: Hop[] }> {
  const hops: Hop[] = [];
  let url = startUrl;
  let request: RequestInit = init;
  for (let i = 0; i < 20; i++) {
    const response = await fetch(url, { ...request, redirect: "manual", headers: { ...(request.headers as Record<string, string>), cookie: jar.header() } });
    jar.store(response);
    const location = response.headers.get("location");
    hops.push({ url, status: response.status, location });
    if (response.status < 300 || response.status >= 400 || !location) return { response, hops };
    url = new URL(location, url).toString();
    request = {};
  }
  throw new Error(`too many redirects: ${hops.map((h) => h.url).join(" -> ")}`);
}

export interface SignInResult {
  jar: CookieJar;
  /** Where the app sent the person after sign-in, e.g. /commissioner. */
  landedOn: string;
  hops: Hop[];
}

/** Picks (or types) an address on the development provider's sign-in page. */
export async function signInAs(baseUrl: string, email: string, options: { name?: string; verified?: boolean; jar?: CookieJar } = {}): Promise<SignInResult> {
  const jar = options.jar ?? new CookieJar();
  const toProvider = await follow(jar, `${baseUrl}/auth/login`);
  const interactionUrl = toProvider.hops.at(-1)?.url ?? "";
  const form = /action="(\/idp\/interaction\/[^"]+\/login)"/.exec(await toProvider.response.text());
  if (!form?.[1]) throw new Error(`no sign-in form at ${interactionUrl} (status ${toProvider.response.status})`);
  const body = new URLSearchParams({ email, name: options.name ?? email, ...(options.verified === false ? {} : { verified: "yes" }) });
  const back = await follow(jar, new URL(form[1], baseUrl).toString(), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: baseUrl },
    body: body.toString(),
  });
  const last = back.hops.at(-1);
  return { jar, landedOn: last ? new URL(last.url).pathname : "", hops: [...toProvider.hops, ...back.hops] };
}
