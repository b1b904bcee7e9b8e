import type { Model } from "./scenario.js";
import { createUtilities, type Utilities } from "./utilities.js";

const compiled = new WeakMap<Model, Utilities>();

/**
 * The model's utility tables at its nominal parameters, compiled once per model: a model is
 * immutable, and a negotiation built from scratch on a small space would otherwise spend a
 * third of its time compiling the same preferences again.
 */
export function nominalUtilities(model: Model): Utilities {
  let u = compiled.get(model);
  if (!u) compiled.set(model, (u = createUtilities(model)));
  return u;
}
