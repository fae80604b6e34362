import { applyEdits } from '../fix/applyEdits';
import type { TextEdit } from '../types';

/**
 * A unified-diff-like preview of insertions: `@@ line N @@`, then the added lines with `+` and one
 * line of context either side. Lines are those of the result, 1-based, as an editor shows them.
 */
export function previewInsertions(text: string, edits: readonly TextEdit[], fileName: string): string {
  if (edits.length === 0) return '';
  const after = linesOf(applyEdits(text, edits).text);
  const before = linesOf(text);
  // Walk both texts: lines in `after` not matched in order against `before` are the insertions.
  const added = new Set<number>();
  let j = 0;
  for (let i = 0; i < after.length; i++) {
    if (j < before.length && after[i] === before[j]) j++;
    else added.add(i);
  }
  const out = [`--- ${fileName}`, `+++ ${fileName} (after import)`];
  let i = 0;
  while (i < after.length) {
    if (!added.has(i)) {
      i++;
      continue;
    }
    const start = i;
    while (added.has(i)) i++;
    out.push(`@@ line ${start + 1} @@`);
    if (start > 0) out.push(`  ${after[start - 1]}`);
    for (let k = start; k < i; k++) out.push(`+ ${after[k]}`);
    if (i < after.length) out.push(`  ${after[i]}`);
  }
  return out.join('\n') + '\n';
}

/**
 * The lines as an editor shows them: a final line break ends the last line, it does not start an
 * empty one (trial18a F11: a file without one showed an added empty `+ ` line `--yes` never wrote).
 */
function linesOf(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
