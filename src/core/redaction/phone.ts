import { at, isDigit, isWordChar } from './chars';
import { findAtCandidates } from './candidates';
import type { RedactionFinding } from './kinds';

/**
 * Phone numbers, conservatively (a false alarm on every version number or count would bury the real
 * finds): international numbers written with `+` and 9–15 digits in groups separated by a space or
 * `-` (`+44 20 7946 0958`, `+1 (415) 555-2671`), and North American numbers in their written forms
 * `(415) 555-2671`, `415-555-2671`, `415.555.2671` with valid area and exchange codes. Bare digit
 * runs, dates, times and `+500 000 000`-style counts are never taken.
 */
export function findPhones(text: string): RedactionFinding[] {
  return findAtCandidates(text, CANDIDATES, phoneAt, 'phone');
}

/**
 * Every place `phoneAt` can find a number, and more: `+` and a digit 1–9 (international), `(` with a
 * three-digit area code from 2 and `)`, or three digits from 2 and `-` or `.` (North American).
 */
const CANDIDATES = /\+[1-9]|\([2-9]\d\d\)|[2-9]\d\d[-.]/g;

/** Where a phone number starting at `i` ends; undefined when none starts there (exported for the test that holds findPhones to every position). */
export function phoneAt(text: string, i: number): number | undefined {
  const c = text.charCodeAt(i);
  if (c !== 43 && c !== 40 && !isDigit(c)) return undefined;
  const before = at(text, i - 1);
  if (isWordChar(before) || before === 43 || before === 46 || before === 45 || before === 47 || before === 58 || before === 44) return undefined;
  return c === 43 ? international(text, i) : northAmerican(text, i);
}

/** Where a phone number ends: not followed by a digit, a word or another group. */
function endsCleanly(text: string, end: number): boolean {
  const after = at(text, end);
  if (isWordChar(after)) return false;
  if ((after === 45 || after === 46 || after === 47 || after === 44) && isDigit(at(text, end + 1))) return false;
  return true;
}

/**
 * One group of an international number at `i`: digits (at most `max`), or digits in parentheses
 * (`(0)`, `(415)`). `short` when nothing group-like starts there, `long` when the digits run on.
 */
function groupAt(text: string, i: number, max: number): { end: number; digits: number; paren: boolean } | 'short' | 'long' {
  const paren = at(text, i) === 40;
  const s = paren ? i + 1 : i;
  let p = s;
  while (isDigit(at(text, p)) && p - s < max) p++;
  if (p === s) return 'short';
  if (isDigit(at(text, p))) return 'long';
  if (paren) {
    if (at(text, p) !== 41) return 'short';
    p++;
  }
  return { end: p, digits: p - s - (paren ? 1 : 0), paren };
}

/** Whether another group of digits follows at `i`, directly or after one space or `-`. */
function continues(text: string, i: number): boolean {
  const c = at(text, i);
  return isDigit(c) || ((c === 32 || c === 45) && (isDigit(at(text, i + 1)) || at(text, i + 1) === 40));
}

function international(text: string, plus: number): number | undefined {
  let i = plus + 1;
  if (!isDigit(at(text, i)) || at(text, i) === 48) return undefined;
  const groups: number[] = [];
  let digits = 0;
  let end = i;
  for (let guard = 0; guard < 8; guard++) {
    const group = groupAt(text, i, 6);
    if (group === 'long') return undefined;
    if (group === 'short') {
      if (groups.length === 0) return undefined;
      // `+1 415 867 5309 (cell)`: the words after the number are not a group of it; it ended before the space.
      break;
    }
    // A parenthesised group after a space belongs to the number when more of it follows (`+1 (415) 867-5309`,
    // `+44 (0) 20 7946 0958`); last, it is a note after the number (`+1 415 867 5309 (2026)`).
    if (group.paren && at(text, i - 1) === 32 && !continues(text, group.end)) break;
    groups.push(group.digits);
    digits += group.digits;
    end = i = group.end;
    const sep = at(text, i);
    if ((sep === 32 || sep === 45) && (isDigit(at(text, i + 1)) || at(text, i + 1) === 40)) i++;
    else if (group.paren && isDigit(sep)) continue;
    else break;
  }
  if (digits < 9 || digits > 15 || groups.length < 2) return undefined;
  // `+500 000 000`: every group after the first three digits long is a thousands-separated count.
  if (groups.slice(1).every((g) => g === 3)) return undefined;
  return endsCleanly(text, end) ? end : undefined;
}

function digitsAt(text: string, i: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (!isDigit(at(text, i + k))) return false;
  return true;
}

/** NANP: area code and exchange start 2–9. */
function northAmerican(text: string, i: number): number | undefined {
  let p = i;
  let paren = false;
  if (at(text, p) === 40) {
    paren = true;
    p++;
  }
  if (!digitsAt(text, p, 3) || at(text, p) < 50) return undefined;
  p += 3;
  let sep: number;
  if (paren) {
    if (at(text, p) !== 41) return undefined;
    p++;
    if (at(text, p) === 32) p++;
    sep = 45;
  } else {
    sep = at(text, p);
    if (sep !== 45 && sep !== 46) return undefined;
    p++;
  }
  if (!digitsAt(text, p, 3) || at(text, p) < 50) return undefined;
  p += 3;
  if (at(text, p) !== sep) return undefined;
  p++;
  if (!digitsAt(text, p, 4)) return undefined;
  p += 4;
  return endsCleanly(text, p) ? p : undefined;
}
