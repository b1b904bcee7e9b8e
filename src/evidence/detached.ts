/**
 * A string copied out of the text it was cut from. V8 keeps a slice of 13 or more characters as a
 * view into the whole text, so a memo kept across texts and keyed by their words would keep every
 * text it was ever asked about alive; a memo keeps this copy instead.
 */
export const detached = (s: string): string => ` ${s}`.slice(1);
