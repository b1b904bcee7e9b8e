import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { baseName } from "../model/base-name.js";
import type { StoredScenario } from "../store/store.js";
import type { ServerContext } from "./context.js";
import { withinBudget } from "./heavy-work.js";
import { limitProblem, notFound } from "./problem.js";
import { corpusKey } from "./routes/evidence.js";

export const hash = (...parts: unknown[]) => createHash("sha256").update(JSON.stringify(parts)).digest("hex");

/** An analysis answer as bytes, plain and gzipped, with its ETag. */
export interface AnalysisBytes {
  readonly etag: string;
  readonly plain: Buffer;
  readonly gzip: Buffer;
}

/**
 * The workspace's scenarios as the routes use them: loaded, checked on the pool, their corpus
 * (the documents they cite), and their analysis answers kept as bytes — each cache keyed by
 * everything its answer depends on.
 */
export class StoredScenarios {
  /** A stored scenario's digest by id and version (the store numbers every replacement), so a read does not hash the whole text again. */
  private readonly digests = new Map<string, string>();
  /** Analysis answers as bytes by the key of what they depend on. */
  private readonly bodies = new Map<string, AnalysisBytes>();
  /** The answer for each scenario version, documents' version, seed and samples: a cheap look-up. */
  private readonly answers = new Map<string, Promise<AnalysisBytes>>();

  constructor(private readonly ctx: ServerContext) {}

  async load(id: string): Promise<StoredScenario> {
    const s = await this.ctx.store.scenario(id);
    if (!s) throw notFound("scenario", id);
    return s;
  }

  /** Parses, checks and compiles a scenario on the pool: bad YAML, a schema problem or a bad reference is a 422 naming the line and field. */
  check(name: string, text: string, digest = hash(text)) {
    return this.ctx.work.cached(`check:${name}:${digest}`, () => ({ kind: "check", scenario: { name, text } }));
  }

  digestOf(s: StoredScenario): string {
    const at = `${s.id}@${s.version}`;
    let d = this.digests.get(at);
    if (!d) {
      this.digests.set(at, (d = hash(s.text)));
      if (this.digests.size > 256) this.digests.delete(this.digests.keys().next().value!);
    }
    return d;
  }

  /** Refuses work on request past the synchronous limit of outcomes. */
  async small(s: StoredScenario, what: string) {
    const c = await this.check(`${s.id}.yaml`, s.text, this.digestOf(s));
    const limit = this.ctx.limits.syncOutcomes;
    if (BigInt(c.outcomes) > BigInt(limit))
      throw limitProblem(
        "limit.outcomes",
        `${s.id} has ${BigInt(c.outcomes).toLocaleString("en-US")} outcomes; ${what} on request is limited to ${limit.toLocaleString("en-US")}`,
        "analyse it with the CLI (parley analyze, which has --max-work), coarsen its real issues, or raise PARLEY_MAX_SYNC_OUTCOMES",
        422,
      );
    return c;
  }

  /**
   * A scenario's corpus: the workspace's documents it cites, by name. Documents it does not cite
   * (another case's, an upload in progress) change neither its analysis nor its ETag.
   */
  async cited(s: StoredScenario): Promise<Set<string>> {
    return new Set((await this.check(`${s.id}.yaml`, s.text, this.digestOf(s))).files);
  }

  async corpusOf(s: StoredScenario) {
    const names = await this.cited(s);
    return (await this.ctx.store.documents()).filter((d) => names.has(baseName(d.file)));
  }

  /** The key of a scenario's analysis on its corpus (everything it depends on); its ETag is made of it. */
  async analysisKey(s: StoredScenario, seed: number, samples: number) {
    const key = hash("analysis", this.digestOf(s), await corpusKey(this.ctx, await this.cited(s)), seed, samples);
    return { etag: `"${key.slice(0, 32)}"`, key };
  }

  /** Refuses more Monte Carlo draws on request than the limit allows. */
  checkSamples(samples: number): void {
    const max = this.ctx.limits.samples;
    if (samples > max)
      throw limitProblem(
        "limit.samples",
        `${samples.toLocaleString("en-US")} draws asked for; an analysis on request takes at most ${max.toLocaleString("en-US")}`,
        "ask for fewer, run parley analyze --samples N, or raise PARLEY_MAX_SAMPLES on the server",
        422,
      );
  }

  /**
   * The analysis as bytes, computed once per change however many requests arrive meanwhile;
   * new work counts toward `client`'s share of the pool.
   */
  analysisAnswer(id: string, seed: number, samples: number, client?: string): Promise<AnalysisBytes> {
    return (async () => {
      // Two small queries say whether anything it depends on changed; if not, the bytes are at hand.
      const version = await this.ctx.store.scenarioVersion(id);
      if (version === null) throw notFound("scenario", id);
      const at = `${id}@${version}@${await this.ctx.store.documentsVersion()}@${seed}@${samples}`;
      let answer = this.answers.get(at);
      if (!answer) {
        answer = this.computeAnswer(id, seed, samples, client);
        this.answers.set(at, answer);
        if (this.answers.size > 256) this.answers.delete(this.answers.keys().next().value!);
        answer.catch(() => this.answers.delete(at));
      }
      return answer;
    })();
  }

  private async computeAnswer(id: string, seed: number, samples: number, client?: string): Promise<AnalysisBytes> {
    const s = await this.load(id);
    const { etag, key } = await this.analysisKey(s, seed, samples);
    let body = this.bodies.get(key);
    if (!body) {
      await this.small(s, "analysis");
      const text = await withinBudget(
        this.ctx.work.cached(
          `analysis:${key}`,
          async () => ({
            kind: "analysis",
            scenario: { name: `${s.id}.yaml`, text: s.text },
            docs: await this.corpusOf(s),
            seed,
            samples,
          }),
          client,
        ),
        this.ctx.limits.budgetMs,
        `the analysis of ${s.id}`,
      );
      const plain = Buffer.from(text);
      this.bodies.set(key, (body = { etag, plain, gzip: gzipSync(plain) }));
      if (this.bodies.size > 32) this.bodies.delete(this.bodies.keys().next().value!);
    }
    return body;
  }
}
