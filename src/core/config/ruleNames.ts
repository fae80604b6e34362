import { ALL_RULES } from '../rules';
import { editDistance } from '../text/editDistance';
import { LINK_OUTSIDE, MISSING_FILE, ORPHAN, TOO_MANY_FILES, UNSCANNED_ARCHIVE } from '../evidence/check';

/**
 * Reported by the engine itself when a rule throws, and by the hosts beside the rules (evidence
 * checks that need the disk); configurable like any code.
 */
const ENGINE_CODES = ['internal/rule-error', MISSING_FILE, ORPHAN, UNSCANNED_ARCHIVE, LINK_OUTSIDE, TOO_MANY_FILES];

let known: readonly string[] | undefined;

/** Every code a rule can report (rule codes and their sub-codes), as written in `rules` settings. */
export function knownRuleCodes(): readonly string[] {
  known ??= [...new Set([...ALL_RULES.flatMap((r) => [r.code, ...(r.subCodes ?? [])]), ...ENGINE_CODES])];
  return known;
}

/**
 * The problem with a `rules` key no rule reports, naming the nearest known code: a misspelt code
 * would otherwise be ignored without a word, and the rule would keep its default severity.
 */
export function unknownRuleProblem(code: string): string | undefined {
  const codes = knownRuleCodes();
  if (codes.includes(code)) return undefined;
  const nearest = nearestCode(code, codes);
  if (nearest.distance <= Math.max(2, Math.floor(code.length / 3))) return `Unknown rule "${code}" in "rules"; did you mean ${nearest.code}?`;
  // Far from every code: a guess would mislead. Name the codes of its area when it has a known one.
  const area = code.toLowerCase().split('/')[0];
  const inArea = codes.filter((c) => c === area || c.startsWith(`${area}/`));
  return inArea.length
    ? `Unknown rule "${code}" in "rules"; the ${area} rules are ${inArea.join(', ')}`
    : `Unknown rule "${code}" in "rules"; no rule reports it (codes look like timeline/not-utc: area/name; docs/rules.md lists them all)`;
}

function nearestCode(code: string, codes: readonly string[]): { code: string; distance: number } {
  const wanted = code.toLowerCase();
  let best = { code: codes[0], distance: Infinity };
  for (const candidate of codes) {
    // Case and `_` vs `-` slips ("Timeline/Not_UTC") are the same code to a person.
    const distance = editDistance(wanted.replace(/_/g, '-'), candidate);
    if (distance < best.distance) best = { code: candidate, distance };
  }
  return best;
}

