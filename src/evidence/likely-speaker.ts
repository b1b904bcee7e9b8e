import type { Quote } from "./quotes.js";

/**
 * Who said the words as far as the evidence can tell: the confident speaker, else the candidate
 * when the likelier, else nobody. A withheld speaker still places words on a side, as unconfirmed.
 */
export function likelySpeaker(q: Pick<Quote, "speaker" | "speakerCandidate" | "confidence">): string | null {
  return q.speaker ?? (q.confidence >= 0.5 ? q.speakerCandidate : null);
}
