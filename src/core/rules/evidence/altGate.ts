/**
 * Whether a section's text may hold an image without alt text, decided from the raw text: false only
 * when every `![` is followed, before the first `]` after it, by an ASCII letter or digit and by no
 * `<`, `&` or `[^`. That span lies inside the image's label (the label ends at or after that `]`),
 * and a letter or digit there is alt text, except inside HTML (`<b>`), an entity (`&nbsp;`) or a
 * footnote call (`[^1]`), which the tree decides. A `![` that is no image (in code, escaped) only
 * makes the answer true. Images are the only reason evidence/image-alt needs a section's Markdown
 * tree, and sections with screenshots (timelines with fenced logs, quotes) are the ones the line
 * readers cannot read: with alt text written, no tree is built (test/unit/rules/altGate.test.ts).
 */
export function mayHaveImageWithoutAlt(text: string): boolean {
  // The next `]`, letter or digit, and `<`/`&`/`[^` at or after a position only move forwards as the
  // `![` do, so each is searched once over any stretch of text: linear in the section's length
  // (a run of `![` rescanned to its `]` from every one was quadratic, trial17a F6).
  let close = -1;
  let alnum = -1;
  let markup = -1;
  const next = (re: RegExp, from: number): number => {
    re.lastIndex = from;
    return re.exec(text)?.index ?? Infinity;
  };
  for (let at = text.indexOf('!['); at !== -1; at = text.indexOf('![', at + 2)) {
    if (close < at + 2) close = text.indexOf(']', at + 2);
    if (close === -1) return false; // no label ends: no image from here on
    if (alnum < at + 2) alnum = next(ALNUM, at + 2);
    if (markup < at + 2) markup = next(MARKUP, at + 2);
    // `[^` counts when both signs lie before the `]`.
    if (alnum >= close || markup + (text[markup] === '[' ? 1 : 0) < close) return true;
  }
  return false;
}

const ALNUM = /[A-Za-z0-9]/g;
const MARKUP = /[<&]|\[\^/g;
