/** Elements that never hold others. */
const VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
  "!doctype",
]);
/** Elements a parser closes when another of their kind opens (an unclosed `<p>` does not nest). */
const SELF_CLOSING_SIBLINGS = new Set(["p", "li", "dt", "dd", "option", "tr", "td", "th"]);

/**
 * How deeply the elements of an HTML text nest, read off its tags without building a DOM:
 * cheap enough to run before parsing, so that a pathological page is refused in milliseconds
 * instead of stalling the parser and Readability (whose cost grows with the cube of the depth).
 * An approximation of what a parser builds: void elements do not nest, a `<p>` or `<li>` opened
 * in another of its kind closes it, and a closing tag closes up to its opening one.
 */
export function htmlDepth(html: string, stopAbove = Infinity): number {
  const open: string[] = [];
  let max = 0;
  const tag = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z!][\w:-]*)[^>]*?(\/?)>|<(script|style)\b[^>]*>[\s\S]*?<\/\4\s*>/g;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    if (m[4] || !m[2]) continue; // a comment, or script/style content
    const name = m[2].toLowerCase();
    if (m[1]) {
      const at = open.lastIndexOf(name);
      if (at >= 0) open.length = at;
      continue;
    }
    if (VOID.has(name) || m[3]) continue;
    if (SELF_CLOSING_SIBLINGS.has(name) && open[open.length - 1] === name) open.pop();
    open.push(name);
    if (open.length > max) max = open.length;
    if (max > stopAbove) break;
  }
  return max;
}
