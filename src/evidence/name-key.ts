import LANGUAGE from "../../language/actors.json" with { type: "json" };
import { detached } from "./detached.js";

/** A particle inside a name, before a hyphen or another part ("Al-Vella", "Abd Vella"): its case varies between texts. */
const PARTICLE = new RegExp(`\\b(?:${LANGUAGE.nameParticles.pattern})(?=[- ]\\p{Lu})`, "giu");

/**
 * A name as its transliterations share it: "Petrovskyy" and "Petrovsky", "Grigoriyev" and
 * "Grigoriev", "Yury" and "Yuri" have one key: a doubled or glide y folded into i, accents
 * dropped ("Sánchez", "Sanchez"), a particle's case ignored ("Al-Vella", "al-Vella"). The case is
 * kept: a capitalised surname is a name, the same word in lower case ("the representative") is not.
 */
export function nameKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    // (Kept as a copy: the key of a name with nothing to fold is the name itself.)
    const own = detached(name);
    // Most names are plain ASCII: only the others are decomposed.
    key = (/[^ -~]/.test(own) ? own.normalize("NFD").replace(/\p{M}/gu, "") : own)
      .replace(PARTICLE, (p) => p.toLowerCase())
      .replace(/[’']/g, "")
      .replace(/yy/g, "y")
      .replace(/iy|yi|ij/g, "i")
      .replace(/y\b/g, "i");
    // The same few names are keyed again and again (each text's actors, read twice): remembered,
    // up to a bound, so a long run of texts does not grow the table without end.
    if (keys.size >= KEYS_KEPT) keys.clear();
    keys.set(own, key);
  }
  return key;
}
const keys = new Map<string, string>();
const KEYS_KEPT = 50_000;

/**
 * Two full names of one person as transliterations write it: the same name by its key ("Yury
 * Petrov", "Yuri Petrov"), or the same initial and a surname spelled two ways ("Oleh
 * Petrovskyy", "O. Petrovsky"). "Anna Vella" and "Alan Vella" stay two people.
 */
export function samePerson(a: string, b: string): boolean {
  if (nameKey(a) === nameKey(b)) return true;
  const [la, lb] = [a.split(" ").at(-1)!, b.split(" ").at(-1)!];
  return a[0] === b[0] && la !== lb && nameKey(la) === nameKey(lb);
}

/** The key of a full name's surname (its last word), as transliterations share it. */
export const surnameKey = (name: string): string => nameKey(name.split(" ").at(-1)!);

// A batch's names are the same for each of its texts: indexed once per batch.
const batchIndex = new WeakMap<readonly string[], Map<string, string[]>>();

/**
 * A batch's full names by surname key, in the batch's order; a transliteration of a name already
 * listed (same initial) is that person and is not listed again. The first is the one a bare
 * surname resolves to.
 */
export function surnameIndex(names: readonly string[]): ReadonlyMap<string, readonly string[]> {
  let index = batchIndex.get(names);
  if (!index) {
    index = new Map();
    for (const name of new Set(names)) {
      const key = surnameKey(name);
      const list = index.get(key) ?? index.set(key, []).get(key)!;
      if (!list.some((n) => samePerson(n, name))) list.push(name);
    }
    batchIndex.set(names, index);
  }
  return index;
}
