import { LineIndex } from '../text/lineIndex';
import type { TextEdit } from '../types';

/**
 * Apply edits computed against `text`. Edits must not overlap; an edit that overlaps an earlier one
 * is skipped and returned, so no text is ever written twice or to the wrong place.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; skipped: TextEdit[] } {
  const lines = new LineIndex(text);
  const withOffsets = edits
    .map((edit, order) => ({ edit, order, start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end) }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  const skipped: TextEdit[] = [];
  let out = '';
  let at = 0;
  for (const e of withOffsets) {
    if (e.start < at || e.end < e.start) {
      skipped.push(e.edit);
      continue;
    }
    out += text.slice(at, e.start) + e.edit.newText;
    at = e.end;
  }
  return { text: out + text.slice(at), skipped };
}
