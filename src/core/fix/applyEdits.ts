import { LineIndex } from '../text/lineIndex';
import type { TextEdit } from '../types';
import type { KeptRun } from './keptRuns';

/**
 * Apply edits computed against `text`. Edits must not overlap; an edit that overlaps an earlier one
 * is skipped and returned, so no text is ever written twice or to the wrong place. `kept` says which
 * characters of the result are `text`'s, untouched (keptRuns.ts): a writer puts the file's own line
 * breaks back there.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; skipped: TextEdit[]; kept: KeptRun[] } {
  const lines = new LineIndex(text);
  const withOffsets = edits
    .map((edit, order) => ({ edit, order, start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end) }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  const skipped: TextEdit[] = [];
  const kept: KeptRun[] = [];
  let out = '';
  let at = 0;
  for (const e of withOffsets) {
    if (e.start < at || e.end < e.start) {
      skipped.push(e.edit);
      continue;
    }
    if (e.start > at) kept.push({ at: out.length, from: at, length: e.start - at });
    out += text.slice(at, e.start) + e.edit.newText;
    at = e.end;
  }
  if (text.length > at) kept.push({ at: out.length, from: at, length: text.length - at });
  return { text: out + text.slice(at), skipped, kept };
}
