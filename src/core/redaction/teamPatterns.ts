import { at, isDigit, isWordChar } from './chars';
import type { RedactionFinding } from './kinds';

/**
 * Team patterns (`.postmortemrc.json` → `redaction.patterns`, e.g. customer ids) are written in a
 * small subset of regular-expression syntax — characters, `\d \w \s`, `.`, `[…]` classes and the
 * quantifiers `? * + {n} {n,m}` — and matched by a scanner here, never by `new RegExp`: a team's
 * pattern can then never make linting slow (no groups or alternation, every run bounded).
 * A match is a whole word: it neither starts nor ends inside a longer word.
 */
export interface TeamPattern {
  /** Goes into the placeholder: `[redacted: customer-id]`. */
  readonly name: string;
  readonly source: string;
  readonly atoms: readonly Atom[];
  readonly maxLength: number;
}

interface Atom {
  readonly test: (c: number) => boolean;
  readonly min: number;
  readonly max: number;
}

const MAX_ATOMS = 32;
const MAX_REPEAT = 64;
const MAX_LENGTH = 256;

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 160;

function escapeClass(ch: string): ((c: number) => boolean) | undefined {
  switch (ch) {
    case 'd': return isDigit;
    case 'D': return (c) => !isDigit(c);
    case 'w': return isWordChar;
    case 'W': return (c) => !isWordChar(c);
    case 's': return isSpace;
    case 'S': return (c) => !isSpace(c);
    default: return undefined;
  }
}

/** Compiles `source`; throws an Error saying what is not supported. */
export function compileTeamPattern(name: string, source: string): TeamPattern {
  const atoms: Atom[] = [];
  let i = 0;
  const literal = (code: number) => (c: number) => c === code;
  while (i < source.length) {
    const ch = source[i];
    let test: (c: number) => boolean;
    if (ch === '\\') {
      const next = source[i + 1];
      if (next === undefined) throw new Error('ends with a lone "\\"');
      test = escapeClass(next) ?? (/[A-Za-z0-9]/.test(next) ? fail(`"\\${next}" is not supported (use \\d, \\w, \\s or a [class])`) : literal(next.charCodeAt(0)));
      i += 2;
    } else if (ch === '[') {
      const close = source.indexOf(']', i + 2);
      if (close < 0) throw new Error('has a "[" without "]"');
      test = classTest(source.slice(i + 1, close));
      i = close + 1;
    } else if (ch === '.') {
      test = (c) => c !== 10 && c !== 13;
      i++;
    } else if ('()|^$'.includes(ch)) {
      throw new Error(`uses "${ch}": groups, alternatives and anchors are not supported (write one pattern per shape)`);
    } else if ('?*+{'.includes(ch)) {
      throw new Error(`has "${ch}" with nothing before it to repeat`);
    } else {
      test = literal(ch.charCodeAt(0));
      i++;
    }
    let min = 1;
    let max = 1;
    const q = source[i];
    if (q === '?') [min, max, i] = [0, 1, i + 1];
    else if (q === '*') [min, max, i] = [0, MAX_REPEAT, i + 1];
    else if (q === '+') [min, max, i] = [1, MAX_REPEAT, i + 1];
    else if (q === '{') {
      const close = source.indexOf('}', i);
      const m = close > 0 ? /^(\d{1,3})(?:(,)(\d{0,3}))?$/.exec(source.slice(i + 1, close)) : null;
      if (!m) throw new Error('has a "{" that is not {n}, {n,} or {n,m}');
      min = Number(m[1]);
      max = m[2] ? (m[3] ? Number(m[3]) : MAX_REPEAT) : min;
      if (max < min || max > MAX_REPEAT) throw new Error(`repeats {${min},${max}}: at most ${MAX_REPEAT} times`);
      i = close + 1;
    }
    atoms.push({ test, min, max });
    if (atoms.length > MAX_ATOMS) throw new Error(`is longer than ${MAX_ATOMS} parts`);
  }
  const minLength = atoms.reduce((n, a) => n + a.min, 0);
  const maxLength = atoms.reduce((n, a) => n + a.max, 0);
  if (minLength < 3) throw new Error('matches fewer than 3 characters: it would flag ordinary words');
  return { name, source, atoms, maxLength: Math.min(maxLength, MAX_LENGTH) };
}

function fail(message: string): never {
  throw new Error(message);
}

function classTest(body: string): (c: number) => boolean {
  const negate = body.startsWith('^');
  const parts: ((c: number) => boolean)[] = [];
  let i = negate ? 1 : 0;
  while (i < body.length) {
    let ch = body[i];
    if (ch === '\\') {
      const next = body[i + 1] ?? '\\';
      const cls = escapeClass(next);
      i += 2;
      if (cls) {
        parts.push(cls);
        continue;
      }
      ch = next;
    } else i++;
    if (body[i] === '-' && i + 1 < body.length) {
      const lo = ch.charCodeAt(0);
      const hi = body.charCodeAt(i + 1);
      if (hi < lo) throw new Error(`has a class range "${ch}-${body[i + 1]}" that runs backwards`);
      parts.push((c) => c >= lo && c <= hi);
      i += 2;
    } else {
      const code = ch.charCodeAt(0);
      parts.push((c) => c === code);
    }
  }
  return negate ? (c) => c >= 0 && !parts.some((p) => p(c)) : (c) => parts.some((p) => p(c));
}

/**
 * The longest match of `pattern` starting at `start` that ends on a word boundary, or -1. Positions
 * reachable after each part are marked in a bounded window: O(parts × window) per start, whatever the text.
 */
function matchAt(text: string, start: number, pattern: TeamPattern, reach: Uint8Array, next: Uint8Array): number {
  const window = Math.min(pattern.maxLength, text.length - start);
  reach[0] = 1;
  let hi = 0; // the farthest position reached so far: the loops never look past it
  for (const atom of pattern.atoms) {
    const limit = Math.min(window, hi + atom.max);
    next.fill(0, 0, limit + 1);
    let nextHi = -1;
    for (let p = 0; p <= hi; p++) {
      if (!reach[p]) continue;
      if (atom.min === 0) {
        next[p] = 1;
        nextHi = Math.max(nextHi, p);
      }
      for (let k = 1; k <= atom.max && p + k <= window; k++) {
        if (!atom.test(text.charCodeAt(start + p + k - 1))) break;
        if (k >= atom.min) {
          next[p + k] = 1;
          nextHi = Math.max(nextHi, p + k);
        }
      }
    }
    reach.fill(0, 0, hi + 1);
    if (nextHi < 0) return -1;
    for (let p = 0; p <= nextHi; p++) reach[p] = next[p];
    hi = nextHi;
  }
  let end = -1;
  for (let p = hi; p > 0 && end < 0; p--) {
    if (!reach[p]) continue;
    const last = text.charCodeAt(start + p - 1);
    if (!isWordChar(last) || !isWordChar(at(text, start + p))) end = start + p;
  }
  reach.fill(0, 0, hi + 1);
  return end;
}

export function findTeamPatterns(text: string, patterns: readonly TeamPattern[]): RedactionFinding[] {
  const out: RedactionFinding[] = [];
  for (const pattern of patterns) {
    const reach = new Uint8Array(pattern.maxLength + 1);
    const next = new Uint8Array(pattern.maxLength + 1);
    const first = pattern.atoms[0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (first.min > 0 && !first.test(c)) continue;
      if (isWordChar(c) && isWordChar(at(text, i - 1))) continue;
      const end = matchAt(text, i, pattern, reach, next);
      if (end <= i) continue;
      out.push({ kind: 'team-pattern', start: i, end, label: pattern.name });
      i = end - 1;
    }
  }
  return out;
}
