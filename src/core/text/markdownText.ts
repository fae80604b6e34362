/**
 * User text written into a Markdown page we generate (the metrics report, `postmortem list --format
 * md`): pages teams commit and code hosts render, so a title must stay text.
 */

/**
 * On one line: every line break (also a lone CR, which Markdown reads as one, and U+2028/2029) and
 * control character (ESC, BEL, …) becomes a space, so a title cannot start a heading, a list or a
 * Mermaid block of its own, nor colour a terminal that prints the page; `<` is written as an entity,
 * so `<script>`, `<img>` and `<!--` stay text.
 */
export function markdownInline(text: string): string {
  // Backslashes first, then brackets: `[x](u)` and `![x](u)` in a title stay text, so a title can put
  // no link and no remote image (a tracking pixel) into a page the team commits (trial C17).
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/</g, '&lt;').replace(/\\/g, '\\\\').replace(/[[\]]/g, '\\$&');
}

/** A Markdown table cell (or heading text): one line, backslashes, brackets and pipes escaped. */
export function markdownCell(text: string): string {
  return markdownInline(text).replace(/\|/g, '\\|');
}
