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
  for (let at = text.indexOf('!['); at !== -1; at = text.indexOf('![', at + 2)) {
    const close = text.indexOf(']', at + 2);
    if (close === -1) continue; // no label ends: no image from here on
    const label = text.slice(at + 2, close);
    if (!/[A-Za-z0-9]/.test(label) || /[<&]|\[\^/.test(label)) return true;
  }
  return false;
}
