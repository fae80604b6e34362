/**
 * Whether a text may hold a Markdown link to a workspace file: some `](` or `]:` not followed by a
 * URL scheme, `//` or `#`. Over-approximates (code, comments), never misses one. Hosts call it
 * before listing the workspace's files, so post-mortems without such links cost nothing.
 * One pass; each look-ahead stops at the first character a scheme cannot hold.
 */
export function mayLinkToFiles(text: string): boolean {
  for (let at = text.indexOf(']'); at >= 0; at = text.indexOf(']', at + 1)) {
    const next = text[at + 1];
    if (next !== '(' && next !== ':') continue;
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
