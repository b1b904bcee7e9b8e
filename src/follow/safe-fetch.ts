import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { Agent, request } from "undici";

/** What a fetch may take: bytes, time, redirects, content types, and whether private addresses may be reached. */
export interface FetchLimits {
  readonly maxBytes: number;
  readonly timeoutMs: number;
  readonly maxRedirects: number;
  /** Media types accepted (lower case, without parameters); empty: any. */
  readonly contentTypes: readonly string[];
  /** Loopback, private, link-local and other non-public addresses: refused unless the case allows them. */
  readonly allowPrivate: boolean;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = {
  maxBytes: 5 * 1024 * 1024,
  timeoutMs: 20_000,
  maxRedirects: 5,
  contentTypes: [],
  allowPrivate: false,
};

/** Why a fetch failed, as a kind a feed's report can count and a message that says what to do. */
export type FetchFailureKind =
  | "unreachable"
  | "timeout"
  | "too-large"
  | "redirect-loop"
  | "too-many-redirects"
  | "private-address"
  | "content-type"
  | "http-status"
  | "bad-url"
  | "malformed";

export class FetchFailure extends Error {
  constructor(
    readonly kind: FetchFailureKind,
    readonly url: string,
    message: string,
  ) {
    super(`${url}: ${message}`);
  }
}

/** The validators a conditional request sends back: the server answers 304 when nothing changed. */
export interface Validators {
  readonly etag?: string | null;
  readonly lastModified?: string | null;
}

export type Fetched =
  | { readonly notModified: true; readonly url: string }
  | {
      readonly notModified: false;
      /** Where the content was found, after redirects. */
      readonly url: string;
      readonly body: Buffer;
      readonly contentType: string | null;
      readonly etag: string | null;
      readonly lastModified: string | null;
      /** Seconds the server says the answer stays fresh (Cache-Control max-age), or null. */
      readonly maxAge: number | null;
    };

/** Whether an address is one the public internet routes (not loopback, private, link-local, reserved…). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === "unicast";
}

/**
 * Connections through this agent reach only public addresses (unless allowed): the check runs on
 * the address actually connected to, so a name that resolves to a public address when checked and
 * a private one when used (DNS rebinding) is still refused.
 */
function guardedAgent(allowPrivate: boolean): Agent {
  return new Agent({
    connect: {
      lookup: (hostname, options, callback) => {
        dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
          if (err) return callback(err, "", 0);
          const list = (addresses as LookupAddress[]).filter((a) => allowPrivate || isPublicAddress(a.address));
          if (!list.length) return callback(new PrivateAddress(hostname), "", 0);
          if ((options as { all?: boolean }).all)
            return (callback as (e: null, a: LookupAddress[]) => void)(null, list);
          callback(null, list[0]!.address, list[0]!.family);
        });
      },
    },
  });
}

/** A name that resolves only to addresses this fetch may not reach. */
class PrivateAddress extends Error {
  constructor(hostname: string) {
    super(`${hostname} resolves only to private or loopback addresses`);
  }
}

const agents = new Map<boolean, Agent>();
const agentFor = (allowPrivate: boolean) =>
  agents.get(allowPrivate) ?? agents.set(allowPrivate, guardedAgent(allowPrivate)).get(allowPrivate)!;

/**
 * GETs a URL within limits: redirects followed by hand (at most `maxRedirects`, a loop named as
 * one), every hop's address checked, the body read no further than `maxBytes`, the whole exchange
 * under `timeoutMs`, the content type checked before the body is read. A conditional request
 * (ETag, Last-Modified) answered 304 returns `notModified`.
 */
export async function safeFetch(
  url: string,
  validators: Validators = {},
  limits: FetchLimits = DEFAULT_FETCH_LIMITS,
): Promise<Fetched> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const seen = new Set<string>();
  let current = url;
  for (let hop = 0; ; hop++) {
    const target = checkedUrl(current, limits);
    if (seen.has(target.href))
      throw new FetchFailure("redirect-loop", url, `redirects in a loop (back to ${target.href})`);
    seen.add(target.href);
    const headers: Record<string, string> = {
      "user-agent": "Parley (follows a negotiation's coverage)",
      accept:
        "application/rss+xml, application/atom+xml, application/xml, text/xml, text/html, text/plain;q=0.9, */*;q=0.5",
    };
    if (validators.etag) headers["if-none-match"] = validators.etag;
    if (validators.lastModified) headers["if-modified-since"] = validators.lastModified;
    let res: Awaited<ReturnType<typeof request>>;
    try {
      res = await request(target, { method: "GET", headers, signal, dispatcher: agentFor(limits.allowPrivate) });
    } catch (e) {
      throw failure(e, url, limits);
    }
    const header = (name: string) => {
      const v = res.headers[name];
      return (Array.isArray(v) ? v[0] : v) ?? null;
    };
    if (res.statusCode >= 300 && res.statusCode < 400 && res.statusCode !== 304) {
      await res.body.dump();
      const location = header("location");
      if (!location) throw new FetchFailure("http-status", url, `HTTP ${res.statusCode} without a Location to go to`);
      if (hop >= limits.maxRedirects)
        throw new FetchFailure("too-many-redirects", url, `more than ${limits.maxRedirects} redirects`);
      current = new URL(location, target).href;
      continue;
    }
    if (res.statusCode === 304) {
      await res.body.dump();
      return { notModified: true, url: target.href };
    }
    if (res.statusCode >= 400) {
      await res.body.dump();
      throw new FetchFailure("http-status", url, `HTTP ${res.statusCode}`);
    }
    const contentType = header("content-type");
    const media = contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
    if (limits.contentTypes.length && !limits.contentTypes.includes(media)) {
      await res.body.dump();
      throw new FetchFailure(
        "content-type",
        url,
        `content type ${media || "(none)"} is not one of ${limits.contentTypes.join(", ")}`,
      );
    }
    const declared = Number(header("content-length"));
    if (Number.isFinite(declared) && declared > limits.maxBytes) {
      await res.body.dump();
      throw tooLarge(url, limits);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of res.body) {
        size += (chunk as Buffer).length;
        if (size > limits.maxBytes) {
          res.body.destroy();
          throw tooLarge(url, limits);
        }
        chunks.push(chunk as Buffer);
      }
    } catch (e) {
      throw e instanceof FetchFailure ? e : failure(e, url, limits);
    }
    const maxAge = /max-age=(\d+)/.exec(header("cache-control") ?? "")?.[1];
    return {
      notModified: false,
      url: target.href,
      body: Buffer.concat(chunks),
      contentType,
      etag: header("etag"),
      lastModified: header("last-modified"),
      maxAge: maxAge === undefined ? null : Number(maxAge),
    };
  }
}

function checkedUrl(href: string, limits: FetchLimits): URL {
  let target: URL;
  try {
    target = new URL(href);
  } catch {
    throw new FetchFailure("bad-url", href, "not a URL");
  }
  if (target.protocol !== "http:" && target.protocol !== "https:")
    throw new FetchFailure("bad-url", href, `only http and https are fetched, not ${target.protocol}`);
  // An address written as the host is never looked up: check it here.
  const host = target.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) && !limits.allowPrivate && !isPublicAddress(host)) throw privateAddress(href);
  return target;
}

const privateAddress = (url: string) =>
  new FetchFailure(
    "private-address",
    url,
    "points to a private or loopback address; allow it in the case's follow.yaml (allowPrivateAddresses: true) only for a server you trust",
  );

const tooLarge = (url: string, limits: FetchLimits) =>
  new FetchFailure("too-large", url, `larger than ${limits.maxBytes} bytes (the limit)`);

function failure(e: unknown, url: string, limits: FetchLimits): FetchFailure {
  const err = e as { name?: string; code?: string; message?: string; cause?: { code?: string } };
  if (e instanceof PrivateAddress || err.cause instanceof PrivateAddress) return privateAddress(url);
  const code = err.code ?? err.cause?.code;
  if (err.name === "TimeoutError" || err.name === "AbortError" || code === "UND_ERR_ABORTED")
    return new FetchFailure("timeout", url, `no whole answer within ${limits.timeoutMs} ms`);
  return new FetchFailure("unreachable", url, `${code ?? err.message ?? "cannot connect"}`);
}
