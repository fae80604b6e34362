import { at, isDigit, isWordChar } from './chars';
import type { RedactionFinding } from './kinds';
import { numberEnd } from './linkPhone';

/**
 * Phone numbers in their national forms after a label that says what they are: `Phone: 020 7946 0958`,
 * `Mobile: 07700 900123`, `Tel. 03-1234-5678`, `TEL：03-1234-5678`. Without `+` a number's shape alone
 * says too little (`030 1234567` could be a count), so only the label makes it one; the number must
 * start with `0`, `+` or `(` as a dialled number does, and hold 7–15 digits.
 */
export function findLabelledPhones(text: string): RedactionFinding[] {
  const out: RedactionFinding[] = [];
  LABELS.lastIndex = 0;
  for (let m = LABELS.exec(text); m; m = LABELS.exec(text)) {
    if (isWordChar(at(text, m.index - 1))) continue;
    const start = m.index + m[0].length;
    const first = at(text, start);
    if (first !== 48 && first !== 43 && first !== 40) continue;
    const end = numberEnd(text, start, false);
    if (end === undefined || looksLikeDate(text, start, end)) continue;
    out.push({ kind: 'phone', start, end, label: 'phone' });
    LABELS.lastIndex = end;
  }
  return out;
}

/** A label and what ends it (`:`, `.`, `.:`, the full-width `：`), then up to three spaces. Literal alternatives only. */
const LABELS = /(?:phone|tel|telephone|mobile|cell|fax|whatsapp|電話|携帯)(?: number| no\.?)?(?:\.:?|:|：)[ \t]{0,3}/gi;

/** `0026-12-07`-like values are no phone: four digits, a separator, two, the same separator, two. */
function looksLikeDate(text: string, start: number, end: number): boolean {
  if (end - start !== 10) return false;
  const sep = at(text, start + 4);
  return (sep === 45 || sep === 46 || sep === 47) && at(text, start + 7) === sep && isDigit(at(text, start + 5));
}
