import { lintText, type LintOptions } from '../lint/engine';
import { LineIndex } from '../text/lineIndex';
import type { Diagnostic, Fix, TextEdit } from '../types';
import { applyEdits } from './applyEdits';

export interface FixAllResult {
  readonly text: string;
  /** Diagnostics fixed, by code. */
  readonly fixed: Readonly<Record<string, number>>;
  readonly remaining: readonly Diagnostic[];
}

/**
 * Choose the preferred fixes of `diagnostics` that can be applied together: a fix whose edits overlap
 * an already chosen one waits for the next pass, whole — never half-applied.
 */
export function compatibleFixes(text: string, diagnostics: readonly Diagnostic[]): { diagnostic: Diagnostic; fix: Fix }[] {
  const lines = new LineIndex(text);
  const taken: [number, number][] = [];
  const chosen: { diagnostic: Diagnostic; fix: Fix }[] = [];
  const overlaps = (s: number, e: number) => taken.some(([ts, te]) => s < te && ts < e || (s === e && s === ts) || (s === ts && e === te));
  for (const diagnostic of diagnostics) {
    const fix = diagnostic.fixes?.find((f) => f.isPreferred);
    if (!fix) continue;
    const spans = fix.edits.map((e) => [lines.offsetAt(e.range.start), lines.offsetAt(e.range.end)] as [number, number]);
    if (spans.some(([s, e]) => overlaps(s, e))) continue;
    taken.push(...spans);
    chosen.push({ diagnostic, fix });
  }
  return chosen;
}

/**
 * Apply every preferred fix, re-linting between passes because one fix can move the text another
 * refers to. Stops when nothing changes (at most 10 passes, so a fix that re-creates its own problem cannot loop).
 */
export function fixAll(text: string, options: LintOptions = {}): FixAllResult {
  const fixed: Record<string, number> = {};
  let current = text;
  for (let pass = 0; pass < 10; pass++) {
    const { diagnostics } = lintText(current, options);
    const chosen = compatibleFixes(current, diagnostics);
    const edits: TextEdit[] = chosen.flatMap((c) => c.fix.edits);
    const next = edits.length ? applyEdits(current, edits).text : current;
    if (next === current) return { text: current, fixed, remaining: diagnostics };
    for (const c of chosen) fixed[c.diagnostic.code] = (fixed[c.diagnostic.code] ?? 0) + 1;
    current = next;
  }
  return { text: current, fixed, remaining: lintText(current, options).diagnostics };
}
