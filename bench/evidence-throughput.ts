import { tokenFeatures } from "../src/evidence/attribution/features.js";
import { tagText } from "../src/evidence/attribution/tagger.js";
import { readDocument } from "../src/evidence/document.js";
import { type EvidenceStep, extractEvidence } from "../src/evidence/extract.js";
import { analyseText } from "../src/evidence/text-analysis.js";
import { loadAttributionModel } from "../src/ingest/attribution-model.js";
import { contentId } from "../src/ingest/read-documents.js";
import { polnearDevTexts } from "./polnear-texts.js";
import { median, timed } from "./timing.js";

/** The whole extraction's aim on PolNeAR dev, one core (the attribution issue's). */
export const EVIDENCE_MB_PER_S = 1;

/** What each step of the extraction does, as the breakdown names it. */
const STEPS: Readonly<Record<EvidenceStep, string>> = {
  analysis: "the NLP pass (wink-nlp), once per text",
  people: "the people the batch names (each text's actors, without the batch)",
  actors: "actors, with the batch's people",
  dates: "dates (chrono-node and the date rules)",
  quantities: "quantities",
  quotes: "attribution (the tagger's features, tagging, linking, resolving, confidence)",
  claims: "claims",
  statements: "statements",
  events: "events",
  duplicates: "near-duplicates across the batch",
  alignment: "claims aligned and events merged across sources",
  reliability: "source weights",
};

/**
 * Evidence throughput on the PolNeAR dev texts, warm, on one core: the whole extraction with the
 * trained attribution model, the NLP pass alone as the same run's baseline, and where the whole's
 * time goes — one more pass told each step's time as it runs (`onStep`), with the attribution's
 * tagger timed alone besides.
 */
export function evidenceThroughput(): { rows: string[][]; mbPerS: number } {
  const texts = polnearDevTexts();
  const mb = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;
  const model = loadAttributionModel();
  const docs = texts.map((t, i) => readDocument(`dev-${i}.txt`, t, contentId, { date: "2016-09-15" }));
  // Warm, as a server or worker runs: two whole passes first (the first pass over all the texts
  // takes about half as long again as the fifth, while the engine compiles the hot code), then
  // the median of five.
  for (let i = 0; i < 2; i++) extractEvidence(docs, model);
  const whole = median(Array.from({ length: 5 }, () => timed(() => extractEvidence(docs, model))));
  // The same run's baseline: the NLP library's pass alone (tokens, sentences, parts of speech,
  // entities), which every other step reads; the whole is read as a multiple of it.
  const analysis = median(Array.from({ length: 5 }, () => timed(() => texts.forEach((t) => analyseText(t)))));
  const spent = new Map<EvidenceStep, number>();
  const timedWhole = timed(() =>
    extractEvidence(docs, model, { onStep: (s, ms) => spent.set(s, (spent.get(s) ?? 0) + ms) }),
  );
  const analyses = texts.map((t) => analyseText(t));
  const features = median(
    Array.from({ length: 3 }, () => timed(() => analyses.forEach((a) => tokenFeatures(a, model.cues)))),
  );
  const featured = analyses.map((a) => tokenFeatures(a, model.cues));
  const tagging = median(
    Array.from({ length: 3 }, () => timed(() => analyses.forEach((a, i) => tagText(model.weights, a, featured[i]!)))),
  );
  const share = (ms: number) => `${ms.toFixed(0)} ms, ${((100 * ms) / timedWhole).toFixed(0)} %`;
  const mbPerS = mb / (whole / 1000);
  const steps = [...spent].sort((x, y) => y[1] - x[1]);
  return {
    mbPerS,
    rows: [
      [
        `Evidence, PolNeAR dev (${texts.length} texts, ${mb.toFixed(2)} MB): the whole extraction, one core`,
        `${mbPerS.toFixed(2)} MB/s (${whole.toFixed(0)} ms)`,
      ],
      [
        "  the NLP pass alone (wink-nlp: tokens, sentences, parts of speech, entities), this run's baseline",
        `${(mb / (analysis / 1000)).toFixed(2)} MB/s; the whole extraction takes ${(whole / analysis).toFixed(1)}× its time`,
      ],
      [`  where the time goes: one more pass, ${timedWhole.toFixed(0)} ms, step by step`, ""],
      ...steps.flatMap(([s, ms]) => [
        [`    ${STEPS[s]}`, share(ms)],
        ...(s === "quotes"
          ? [
              ["      of which, timed alone: the tagger's features", `${features.toFixed(0)} ms`],
              ["      of which, timed alone: tagging (emissions, Viterbi, posteriors)", `${tagging.toFixed(0)} ms`],
            ]
          : []),
      ]),
    ],
  };
}
