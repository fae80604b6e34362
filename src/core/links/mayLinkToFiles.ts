/**
 * Whether a text may hold a Markdown link to a workspace file: some `](`, or `]:` that may end a
 * definition's label, not followed by a URL scheme, `//` or `#`. Over-approximates (code,
 * comments), never misses one. Hosts call it
 * before listing the workspace's files, so post-mortems without such links cost nothing.
 * One pass; each look-ahead stops at the first character a scheme cannot hold.
 */
export function mayLinkToFiles(text: string): boolean {
  for (let at = text.indexOf(']'); at >= 0; at = text.indexOf(']', at + 1)) {
    const next = text[at + 1];
    if (next !== '(' && next !== ':') continue;
    if (next === ':' && !mayEndDefinitionLabel(text, at)) continue;
    let i = at + 2;
    // Spaces, and one line ending, may come before the destination (`[runbook](⏎ ./db.md)`).
    while (text[i] === ' ' || text[i] === '\t' || text[i] === '<') i++;
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    while (text[i] === ' ' || text[i] === '\t' || text[i] === '<') i++;
    if (i >= text.length || text[i] === '\n' || text[i] === '\r' || text[i] === '#' || text[i] === ')') continue;
    if (text[i] === '/' && text[i + 1] === '/') continue;
    let j = i;
    while (j < text.length && /[A-Za-z0-9+.-]/.test(text[j])) j++;
    if (j > i && text[j] === ':' && /[A-Za-z]/.test(text[i])) continue; // https:, mailto:
    return true;
  }
  return false;
}

/** Container marks that may come before a definition on its line: indentation, `>`, list markers, footnote definitions. */
const CONTAINER_MARKS = /^(?:[ \t>*+\-0-9.)]|\[\^[^[\]]*\]:)*$/;
/** Longer runs of container marks than this are not looked at (the answer is then "may"). */
const MAX_PREFIX = 200;

/**
 * Whether the `]` at `close` (followed by `:`) may end a reference definition's label. A label holds
 * no unescaped bracket, so its `[` is the nearest one before; a definition starts a paragraph, so
 * only container marks may come before that `[` on its line. Mermaid's `G1["…"]:::ftOr` is then no
 * definition. A backslash in between, or a long prefix, is left to the tree ("may"). The backward
 * scan stops at the previous bracket, so all scans together stay linear in the text.
 */
function mayEndDefinitionLabel(text: string, close: number): boolean {
  let open = close - 1;
  for (; open >= 0; open--) {
    const c = text[open];
    if (c === '\\' || ((c === ']' || c === '[') && text[open - 1] === '\\')) return true;
    if (c === ']') return false;
    if (c === '[') break;
  }
  if (open < 0) return false;
  let lineStart = open;
  while (lineStart > 0 && text[lineStart - 1] !== '\n') {
    if (open - lineStart >= MAX_PREFIX) return true;
    lineStart--;
  }
  return CONTAINER_MARKS.test(text.slice(lineStart, open));
}
