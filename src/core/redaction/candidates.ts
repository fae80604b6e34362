import type { RedactionFinding, RedactionKind } from './kinds';

/**
 * Findings of one kind, looked for only where `candidates` (a global pattern matching wherever one
 * can start, and more) matches: one native search instead of a JS look at every character. `endAt`
 * decides at each candidate; a finding skips the text it covers, a miss moves one character on, so
 * the findings are those of a scan of every position (each scanner's property test holds it to that).
 * The pattern is shared and reset here: a scan runs to its end before another starts.
 */
export function findAtCandidates(text: string, candidates: RegExp, endAt: (text: string, i: number) => number | undefined, kind: RedactionKind): RedactionFinding[] {
  const out: RedactionFinding[] = [];
  candidates.lastIndex = 0;
  for (let m = candidates.exec(text); m; m = candidates.exec(text)) {
    const end = endAt(text, m.index);
    if (end === undefined) {
      candidates.lastIndex = m.index + 1;
      continue;
    }
    out.push({ kind, start: m.index, end, label: kind });
    candidates.lastIndex = end;
  }
  return out;
}
