/**
 * The OpenAPI document without the component schemas nothing refers to: the zod transform writes
 * an input and an output version of each shared schema, and only the ones the operations use
 * belong in the reference.
 */
export function withoutUnusedComponents<T extends object>(doc: T): T {
  const schemas = (doc as { components?: { schemas?: Record<string, unknown> } }).components?.schemas;
  if (!schemas) return doc;
  const used = new Set<string>();
  const visit = (x: unknown) => {
    const text = JSON.stringify(x);
    for (const m of text.matchAll(/"#\/components\/schemas\/([^"]+)"/g))
      if (!used.has(m[1]!)) {
        used.add(m[1]!);
        visit(schemas[m[1]!]);
      }
  };
  visit((doc as { paths?: unknown }).paths);
  for (const name of Object.keys(schemas)) if (!used.has(name)) delete schemas[name];
  return doc;
}
