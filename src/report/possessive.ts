/** A name's possessive as English writes it: "Gozo's", "European allies'", "the United States'". */
export function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}
