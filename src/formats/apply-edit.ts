import { type Document, isMap, isScalar, isSeq, type Node, parseDocument, stringify } from "yaml";
import { InputError } from "../errors.js";
import type { EditOp } from "../evidence/proposed-edit.js";

/** A splice of the text: [start, end) replaced by `insert`. */
interface Splice {
  readonly start: number;
  readonly end: number;
  readonly insert: string;
}

/**
 * A scenario's text with the operations of accepted edit items applied as splices of the text
 * itself: every line the items do not touch stays byte for byte as the analyst wrote it (their
 * comments, quoting, folding and flow style). A value is set in place, an item is added after a
 * list's last, an item is removed with its lines.
 */
export function applyEdit(text: string, ops: readonly EditOp[], file = "scenario"): string {
  let current = text;
  // One operation at a time, each on the text the last one left: later paths see earlier edits.
  // Removals go last, from the end of each list, so one does not shift another's place.
  const ordered = [
    ...ops.filter((o) => o.action !== "delete"),
    ...ops.filter((o) => o.action === "delete").sort((a, b) => Number(b.path.at(-1)) - Number(a.path.at(-1))),
  ];
  for (const op of ordered) {
    const doc = parseDocument(current);
    const splice = spliceOf(doc, current, op);
    if (!splice)
      throw new InputError([
        {
          code: "edit.path",
          file,
          field: op.path.join("."),
          message: `the scenario has no place at ${op.path.join(".")} for this change (it was edited since the change was proposed?)`,
          hint: "read the proposed edit again and accept its items anew",
        },
      ]);
    current = current.slice(0, splice.start) + splice.insert + current.slice(splice.end);
  }
  return current;
}

function spliceOf(doc: Document, text: string, op: EditOp): Splice | null {
  const node = doc.getIn(op.path, true) as Node | undefined;
  if (op.action === "delete") {
    const parent = doc.getIn(op.path.slice(0, -1), true);
    if (!isSeq(parent) || !node?.range) return null;
    if (parent.flow) {
      const i = Number(op.path.at(-1));
      const items = parent.items as Node[];
      const [from, to] =
        i + 1 < items.length
          ? [node.range[0], items[i + 1]!.range![0]]
          : [i > 0 ? items[i - 1]!.range![1] : node.range[0], node.range[1]];
      return { start: from, end: to, insert: "" };
    }
    // The item's lines: from its line's start (its "- ") to the end of its last line.
    const start = text.lastIndexOf("\n", node.range[0] - 1) + 1;
    const end = lineEnd(text, node.range[1] - 1);
    return { start, end: end < text.length ? end + 1 : end, insert: "" };
  }
  if (op.action === "set" && node && isScalar(node) && node.range)
    return { start: node.range[0], end: node.range[1], insert: flow(op.value) };
  if (op.action === "add" && node && isSeq(node)) {
    const items = node.items as Node[];
    if (node.flow) {
      const close = text.lastIndexOf("]", node.range![1]);
      return { start: close, end: close, insert: `${items.length ? ", " : ""}${flow(op.value)}` };
    }
    const last = items.at(-1)!;
    const dash = text.lastIndexOf("- ", last.range![0]);
    const indent = dash - (text.lastIndexOf("\n", dash) + 1);
    const at = lineEnd(text, last.range![1] - 1);
    // In the style of the items before it: "- {file: …, exact: …}" after flow items.
    const item =
      (isMap(last) || isSeq(last)) && last.flow
        ? `${" ".repeat(indent)}- ${flow(op.value)}`
        : blockItem(op.value, indent);
    return { start: at, end: at, insert: `\n${item}` };
  }
  // A key the map lacks (or a list not there yet): added to its map, in the map's own style.
  const key = String(op.path.at(-1));
  const parent = doc.getIn(op.path.slice(0, -1), true);
  const value = op.action === "add" ? [op.value] : op.value;
  if (isMap(parent) && parent.range) {
    if (parent.flow) {
      const close = text.lastIndexOf("}", parent.range[1]);
      return { start: close, end: close, insert: `${parent.items.length ? ", " : ""}${flow(key)}: ${flow(value)}` };
    }
    const first = parent.items[0]?.key as Node | undefined;
    const column = first?.range ? first.range[0] - (text.lastIndexOf("\n", first.range[0] - 1) + 1) : 0;
    const at = lineEnd(text, parent.range[1] - 1);
    return { start: at, end: at, insert: `\n${" ".repeat(column)}${flow(key)}: ${flow(value)}` };
  }
  // The parent map itself is missing: add it to its own parent, with this key inside.
  if (!parent && op.path.length > 1)
    return spliceOf(doc, text, { action: "set", path: op.path.slice(0, -1), value: { [key]: value } });
  return null;
}

/** The end of the line holding `at` (the index of its newline, or the text's end). */
function lineEnd(text: string, at: number): number {
  const n = text.indexOf("\n", Math.max(0, at));
  return n < 0 ? text.length : n;
}

/** A value as one line of YAML (flow style). */
const flow = (value: unknown) =>
  stringify(value, { collectionStyle: "flow", lineWidth: 0, flowCollectionPadding: false }).trimEnd();

/** A value as a block list item at `indent` ("- name: …" and its keys below it). */
function blockItem(value: unknown, indent: number): string {
  const pad = " ".repeat(indent);
  const lines = stringify(value, { lineWidth: 0, flowCollectionPadding: false }).trimEnd().split("\n");
  return lines.map((l, i) => (i === 0 ? `${pad}- ${l}` : `${pad}  ${l}`)).join("\n");
}
