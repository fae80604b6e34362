/**
 * Markdown links `[text](url)` replaced by their text, as `/\[([^\]]+)\]\([^)]*\)/g` did: the link
 * text runs to the first `]`, the destination to the first `)`. Scanned by hand so a line of many
 * `[` or `[x](` without a closing bracket costs one pass (the pattern rescanned the rest of the line
 * from each opener: quadratic); the next `]` and `)` are looked up once and reused while ahead.
 */
export function unlinked(text: string, options: { emptyText?: boolean } = {}): string {
  let out = '';
  let copied = 0;
  let close = -1;
  let paren = -1;
  for (let open = text.indexOf('['); open >= 0; open = text.indexOf('[', open + 1)) {
    if (close <= open) close = text.indexOf(']', open + 1);
    // No `]` after this `[`: none after any later one either.
    if (close < 0) break;
    if ((close === open + 1 && !options.emptyText) || text[close + 1] !== '(') continue;
    if (paren <= close + 1) paren = text.indexOf(')', close + 2);
    if (paren < 0) break;
    out += text.slice(copied, open) + text.slice(open + 1, close);
    copied = paren + 1;
    open = paren;
  }
  return copied === 0 ? text : out + text.slice(copied);
}
