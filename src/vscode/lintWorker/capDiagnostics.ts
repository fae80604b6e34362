// The editor shows at most 1,000 problems per file (VS Code drops the rest and says "Not showing N
// further errors and warnings"). A hostile front matter yields 5,400: copying, converting and
// storing all of them cost the extension host's thread more than the lint itself once it ran on a
// worker. So the lint keeps the ones VS Code would show and says how many it left out.
import type { Diagnostic, Severity } from '../../core/types';

/** Problems per file sent to the editor, the note included (VS Code's own limit). */
export const MAX_DIAGNOSTICS_PER_FILE = 1_000;
export const TOO_MANY_PROBLEMS = 'document/too-many-problems';

const ORDER: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/**
 * The diagnostics as they are when there are at most 1,000; else the 999 most severe (errors first,
 * in document order within a severity, as VS Code picks) and one note at the top of the file.
 */
export function capped(diagnostics: Diagnostic[], max = MAX_DIAGNOSTICS_PER_FILE): Diagnostic[] {
  if (diagnostics.length <= max) return diagnostics;
  const kept: Diagnostic[] = [];
  for (const severity of ORDER) {
    for (const d of diagnostics) {
      if (kept.length === max - 1) break;
      if (d.severity === severity) kept.push(d);
    }
  }
  // Other severities, if the type ever grows: never lose the count.
  const left = diagnostics.length - kept.length;
  kept.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  kept.unshift({
    code: TOO_MANY_PROBLEMS,
    severity: 'info',
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    message: `Not showing ${left.toLocaleString('en-US')} further problems: this file has ${diagnostics.length.toLocaleString('en-US')}, the editor shows at most ${max.toLocaleString('en-US')} per file (errors first; the rest appear as these are fixed)`,
  });
  return kept;
}
