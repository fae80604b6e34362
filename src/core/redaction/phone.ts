import { at, isDigit, isWordChar } from './chars';
import { findAtCandidates } from './candidates';
import type { RedactionFinding } from './kinds';

/**
 * Phone numbers, conservatively (a false alarm on every version number or count would bury the real
 * finds): international numbers written with `+` and 9–15 digits in groups separated by a space or
 * `-` (`+44 20 7946 0958`, `+1 (415) 555-2671`), or whole (`+6433050000`, `+91 9876543210`: longGroup),
 * and North American numbers in their written forms
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
    const group = groupAt(text, i, 15);
    if (group === 'long') return undefined;
    if (typeof group === 'object' && group.digits > 6) return longGroup(text, groups, group, digits);
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

/**
 * A run of more than six digits is a number's only group when it is written whole (E.164,
 * `+6433050000`, as links and logs write it: 10–15 digits), or its subscriber number after a country
 * code (`+91 9876543210`, as Indian mobiles are written: 7–12 digits after 1–3); nothing may follow
 * it. A whole run ending in five zeros is a count (`+1000000000`), not a phone.
 */
function longGroup(text: string, before: readonly number[], group: { end: number; digits: number; paren: boolean }, digits: number): number | undefined {
  const next = at(text, group.end);
  if (group.paren || ((next === 32 || next === 45) && isDigit(at(text, group.end + 1))) || !endsCleanly(text, group.end)) return undefined;
  if (before.length === 0) {
    // Written whole, a number stands apart: after a space, a quote or an opening bracket, never after
    // code (`imul(n,5)+3864292196`, a hash constant in minified code).
    if (!standsApart(at(text, group.end - group.digits - 2))) return undefined;
    const zeros = text.slice(group.end - 5, group.end) === '00000';
    return group.digits >= 10 && !zeros ? group.end : undefined;
  }
  return before.length === 1 && before[0] <= 3 && group.digits <= 12 && digits + group.digits <= 15 ? group.end : undefined;
}

/** Whitespace, the text's start, a quote or backtick, an opening bracket, `=`, `|`, `>` or `*`: what may come before a number written whole. */
function standsApart(c: number): boolean {
  return c <= 32 || c === 34 || c === 39 || c === 96 || c === 40 || c === 91 || c === 60 || c === 61 || c === 124 || c === 62 || c === 42;
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
