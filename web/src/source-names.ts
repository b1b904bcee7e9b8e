import { baseName } from "../../src/model/base-name";

/** What readers call each source, by its file's name: loaded with the workspace's documents, used by every view. */
const names = new Map<string, string>();

export function setSourceNames(items: readonly { file: string; name: string }[]): void {
  names.clear();
  for (const d of items) names.set(baseName(d.file), d.name);
}

/** A source's name ("Novak meets the envoys …"), never its file's hash-like name where a name is known. */
export function sourceNameOf(file: string): string {
  return names.get(baseName(file)) ?? baseName(file);
}

/** A source renamed by the analyst: every view shows the new name from now on. */
export function setSourceName(file: string, name: string): void {
  names.set(baseName(file), name);
}
