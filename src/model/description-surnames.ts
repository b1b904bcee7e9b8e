/** The surnames of the people a party's description names ("Anna Novak, with aide Karl Borg" → Novak, Borg). */
export function descriptionSurnames(description: string | undefined): string[] {
  return [...(description ?? "").matchAll(/\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+\b/g)].map((m) => m[0].split(/\s+/).at(-1)!);
}
