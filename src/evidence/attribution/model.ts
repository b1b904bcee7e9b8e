import { InputError } from "../../errors.js";
import type { Calibrator } from "./confidence.js";
import { T, TAGS, type TaggerWeights } from "./tagger.js";

/** Everything the attribution pipeline needs: tagger weights, the cue lexicon, and the confidence threshold. */
export interface AttributionModel {
  readonly version: string;
  readonly weights: TaggerWeights;
  readonly cues: ReadonlySet<string>;
  /** Turns an attribution's signals into the probability that its source is right. */
  readonly calibrator: Calibrator;
  /** Below this confidence a quote's speaker is withheld (tuned on PolNeAR dev for precision). */
  readonly threshold: number;
  /** How it was trained, for the record: data, iterations, seed, figures. */
  readonly provenance: Record<string, unknown>;
}

const MAGIC = "PARLEY-ATTRIBUTION/1\n";

/**
 * The model as bytes: a magic line, a JSON header (version, tags, cue lexicon, threshold,
 * quantisation scale, provenance), then the emission weights quantised to 16-bit integers and
 * the transition and start weights as 32-bit floats. Mostly zeros: it compresses well.
 */
export function encodeModel(m: AttributionModel): Uint8Array {
  const e = m.weights.emission;
  let max = 0;
  for (let i = 0; i < e.length; i++) max = Math.max(max, Math.abs(e[i]!));
  const scale = max > 0 ? 32767 / max : 1;
  const q = new Int16Array(e.length);
  for (let i = 0; i < e.length; i++) q[i] = Math.round(e[i]! * scale);
  const header = new TextEncoder().encode(
    JSON.stringify({
      version: m.version,
      tags: TAGS,
      buckets: m.weights.buckets,
      scale,
      threshold: m.threshold,
      calibrator: m.calibrator,
      cues: [...m.cues].sort(),
      provenance: m.provenance,
    }),
  );
  const magic = new TextEncoder().encode(MAGIC);
  const out = new Uint8Array(magic.length + 4 + header.length + q.byteLength + 4 * (T * T + T));
  let at = 0;
  out.set(magic, at);
  at += magic.length;
  new DataView(out.buffer).setUint32(at, header.length, true);
  at += 4;
  out.set(header, at);
  at += header.length;
  out.set(new Uint8Array(q.buffer), at);
  at += q.byteLength;
  out.set(new Uint8Array(m.weights.transition.buffer.slice(0)), at);
  at += 4 * T * T;
  out.set(new Uint8Array(m.weights.start.buffer.slice(0)), at);
  return out;
}

export function decodeModel(bytes: Uint8Array, file = "<model>"): AttributionModel {
  const bad = (why: string): never => {
    throw new InputError([
      {
        code: "model.format",
        file,
        message: `not an attribution model: ${why}`,
        hint: "rebuild it with npm run train, or restore it from the repository",
      },
    ]);
  };
  const magic = new TextEncoder().encode(MAGIC);
  if (bytes.length < magic.length + 4 || !magic.every((b, i) => bytes[i] === b)) bad("no header");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(magic.length, true);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes.subarray(magic.length + 4, magic.length + 4 + length)));
  } catch {
    bad("its header is damaged");
  }
  const header = parsed as {
    version: string;
    tags: string[];
    buckets: number;
    scale: number;
    threshold: number;
    calibrator: Calibrator;
    cues: string[];
    provenance: Record<string, unknown>;
  };
  if (header.tags.join(",") !== TAGS.join(",")) bad(`its tags are ${header.tags.join(",")}`);
  if (!Array.isArray(header.calibrator?.trees) || typeof header.calibrator.cues?.overall !== "number")
    bad("its confidence calibrator is of an older format");
  let at = magic.length + 4 + length;
  const count = header.buckets * T;
  if (bytes.length !== at + 2 * count + 4 * (T * T + T)) bad("wrong size");
  // Copied into aligned buffers of their own: the bytes may be a view at any offset of a larger
  // buffer (a Node Buffer's slice() shares memory, so it is not used).
  const copy = (from: number, to: number) => new Uint8Array(bytes.subarray(from, to)).buffer;
  const q = new Int16Array(copy(at, at + 2 * count));
  at += 2 * count;
  const emission = new Float32Array(count);
  for (let i = 0; i < count; i++) emission[i] = q[i]! / header.scale;
  const transition = new Float32Array(copy(at, at + 4 * T * T));
  at += 4 * T * T;
  const start = new Float32Array(copy(at, at + 4 * T));
  return {
    version: header.version,
    weights: { buckets: header.buckets, emission, transition, start },
    cues: new Set(header.cues),
    calibrator: header.calibrator,
    threshold: header.threshold,
    provenance: header.provenance,
  };
}
