import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";
import { InputError } from "../errors.js";
import { readTextInput } from "./read-input.js";
import { MAX_YAML_ALIASES, readYaml } from "./scenario-yaml.js";

/** The file in a case's folder that says what coverage the case follows. */
export const FOLLOW_FILE = "follow.yaml";

const feedUrl = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//i.test(u), "a feed is an http or https URL");

const FollowSchema = z
  .object({
    feeds: z
      .array(z.union([feedUrl, z.object({ url: feedUrl, every: z.number().int().positive().optional() }).strict()]))
      .default([]),
    folders: z.array(z.string().min(1)).default([]),
    /** Minutes between fetches of a feed that states no ttl of its own. */
    every: z.number().int().positive().default(15),
    allowPrivateAddresses: z.boolean().default(false),
    limits: z
      .object({
        maxMegabytes: z.number().positive().optional(),
        timeoutSeconds: z.number().positive().optional(),
        maxRedirects: z.number().int().nonnegative().optional(),
      })
      .strict()
      .default({}),
  })
  .strict();

/** What a case follows: feeds (each with its own interval in minutes), folders (absolute paths), and the fetching rules. */
export interface FollowSources {
  readonly feeds: readonly { readonly url: string; readonly every: number }[];
  readonly folders: readonly string[];
  readonly allowPrivate: boolean;
  readonly maxBytes: number;
  readonly timeoutMs: number;
  readonly maxRedirects: number;
}

export const NO_SOURCES: FollowSources = {
  feeds: [],
  folders: [],
  allowPrivate: false,
  maxBytes: 5 * 1024 * 1024,
  timeoutMs: 20_000,
  maxRedirects: 5,
};

/** A case folder's follow.yaml (none: it follows nothing until given feeds or folders); folders resolve against the case folder. */
export function loadFollowSources(caseDir: string): FollowSources {
  const file = join(caseDir, FOLLOW_FILE);
  if (!existsSync(file)) return NO_SOURCES;
  return parseFollowSources(readTextInput(file, "follow file (YAML)"), file, caseDir);
}

export function parseFollowSources(text: string, file: string, caseDir: string): FollowSources {
  const parsed = FollowSchema.safeParse(readYaml(text, file).doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) ?? {});
  if (!parsed.success)
    throw new InputError(
      parsed.error.issues.map((i) => ({
        code: "follow.invalid",
        file,
        field: i.path.join("."),
        message: i.message,
        hint: "a follow file lists feeds (URLs, or {url, every}), folders, every (minutes), allowPrivateAddresses and limits",
      })),
    );
  const f = parsed.data;
  return {
    feeds: f.feeds.map((x) =>
      typeof x === "string" ? { url: x, every: f.every } : { url: x.url, every: x.every ?? f.every },
    ),
    folders: f.folders.map((d) => resolve(caseDir, d)),
    allowPrivate: f.allowPrivateAddresses,
    maxBytes: Math.round((f.limits.maxMegabytes ?? 5) * 1024 * 1024),
    timeoutMs: Math.round((f.limits.timeoutSeconds ?? 20) * 1000),
    maxRedirects: f.limits.maxRedirects ?? 5,
  };
}
