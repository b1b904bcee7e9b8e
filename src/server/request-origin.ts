import { HttpProblem } from "./problem.js";

/**
 * Who may talk to the server. A browser lets any page send a form or a "simple" request to any
 * address, loopback included, and a DNS name can be pointed at 127.0.0.1 after the page loaded
 * (rebinding): so writes from another site are refused, and so are requests naming a host the
 * server does not answer for.
 */
export interface OriginPolicy {
  /** Host names (without port) requests may name; null: any (a server beyond loopback, behind its token). */
  readonly hosts: ReadonlySet<string> | null;
  /** Origins (scheme://host:port) besides the server's own whose pages may write. */
  readonly origins: ReadonlySet<string>;
}

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "::1"];

const list = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);

/**
 * The policy of a server listening on `listen`: on loopback, only loopback names (and those
 * PARLEY_ALLOWED_HOSTS adds); beyond it, any host unless PARLEY_ALLOWED_HOSTS lists them.
 * PARLEY_ALLOWED_ORIGINS lists other origins whose pages may write.
 */
export function originPolicy(listen: string, env: NodeJS.ProcessEnv = process.env): OriginPolicy {
  const extra = list(env["PARLEY_ALLOWED_HOSTS"]);
  const loopback = LOOPBACK_NAMES.includes(listen.toLowerCase().replace(/^\[|\]$/g, ""));
  return {
    hosts: loopback ? new Set([...LOOPBACK_NAMES, ...extra]) : extra.length ? new Set(extra) : null,
    origins: new Set(list(env["PARLEY_ALLOWED_ORIGINS"]).map((o) => o.replace(/\/+$/, ""))),
  };
}

/** The host name of a Host header (no port; IPv6 without brackets), lower case. */
export function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith("[")) return h.slice(1, h.indexOf("]"));
  return h.replace(/:\d*$/, "");
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** The refusal a request earns under the policy, or null. */
export function refusal(
  method: string,
  headers: { host?: string | undefined; origin?: string | undefined; "sec-fetch-site"?: string | undefined },
  policy: OriginPolicy,
): HttpProblem | null {
  const host = headers.host ?? "";
  if (policy.hosts && !policy.hosts.has(hostName(host)))
    return new HttpProblem(421, "request.host", `this server does not answer for the host "${host}"`, [
      {
        code: "request.host",
        field: "header.host",
        message: `not one of ${[...policy.hosts].join(", ")}`,
        hint: "address the server by a name it answers for, or list the name in PARLEY_ALLOWED_HOSTS on the server",
      },
    ]);
  if (SAFE.has(method)) return null;
  const site = headers["sec-fetch-site"];
  const origin = headers.origin;
  const own = (o: string) => {
    try {
      return new URL(o).host === host.toLowerCase();
    } catch {
      return false;
    }
  };
  const allowed = origin !== undefined && (own(origin) || policy.origins.has(origin.toLowerCase()));
  // A browser says where a request comes from; a page on another site may not write here.
  const crossSite =
    (origin !== undefined && !allowed) || (site !== undefined && site !== "same-origin" && site !== "none" && !allowed);
  if (!crossSite) return null;
  return new HttpProblem(403, "request.cross-site", "writes from another site's pages are refused", [
    {
      code: "request.cross-site",
      field: origin !== undefined ? "header.origin" : "header.sec-fetch-site",
      message: `sent from ${origin ?? `a ${site} page`}`,
      hint: "write through this server's own web app, the API without a browser, or list the origin in PARLEY_ALLOWED_ORIGINS on the server",
    },
  ]);
}
