/**
 * Glob matching in time linear in the path (times the glob's length), for globs from settings and
 * `.postmortemrc.json` files, which come with cloned repositories: minimatch turns each `*` into a
 * lazy regular-expression run, so `*a*a*a*a*a*a*a*b.md` took seconds on one 50-character file name
 * (polynomial in the number of stars) for every file of the workspace.
 *
 * The syntax is minimatch's with `dot: true` and no extglobs: `*`, `?`, `[abc]` / `[!a-z]` / `[^…]`,
 * `**` as a whole path segment (any number of segments), `{a,b}` alternatives (nested, at most
 * MAX_ALTERNATIVES), `\` escapes, a leading `!` negates and a leading `#` is a comment (matches
 * nothing). Matching uses the classic one-star backtracking: at each `*` only the last one is
 * retried, which is exact for these tokens.
 */
export const MAX_ALTERNATIVES = 256;

type Token =
  | { readonly kind: 'char'; readonly ch: string }
  | { readonly kind: 'any' }
  | { readonly kind: 'star' }
  | { readonly kind: 'class'; readonly negated: boolean; readonly test: (ch: string) => boolean };

type Segment = readonly Token[] | 'globstar';

export interface GlobOptions {
  /** Letters match either case (settings globs); the CLI's file arguments are case-sensitive. */
  readonly nocase?: boolean;
}

/** A compiled glob: `match(path)` for `/`-separated paths. */
export interface Glob {
  match(path: string): boolean;
}

/** `{a,b}` expanded (nested braces too), or undefined when that would make more than MAX_ALTERNATIVES. */
export function expandBraces(glob: string): string[] | undefined {
  const open = findBrace(glob);
  if (!open) return [glob];
  const { start, end, parts } = open;
  const out: string[] = [];
  for (const part of parts) {
    const rest = expandBraces(glob.slice(0, start) + part + glob.slice(end + 1));
    if (!rest) return undefined;
    for (const r of rest) {
      out.push(r);
      if (out.length > MAX_ALTERNATIVES) return undefined;
    }
  }
  return out;
}

/** The first `{…}` with a top-level comma: its position and its comma-separated parts. */
function findBrace(glob: string): { start: number; end: number; parts: string[] } | undefined {
  for (let start = 0; start < glob.length; start++) {
    if (glob[start] === '\\') {
      start++;
      continue;
    }
    if (glob[start] !== '{') continue;
    let depth = 0;
    const commas: number[] = [];
    for (let i = start; i < glob.length; i++) {
      const c = glob[i];
      if (c === '\\') i++;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        if (commas.length === 0) break;
        const bounds = [start, ...commas, i];
        const parts: string[] = [];
        for (let k = 0; k + 1 < bounds.length; k++) parts.push(glob.slice(bounds[k] + 1, bounds[k + 1]));
        return { start, end: i, parts };
      } else if (c === ',' && depth === 1) commas.push(i);
    }
  }
  return undefined;
}

/** `[…]` starting at `at` (the `[`): the class token and where it ends, or undefined when it does not close. */
function readClass(glob: string, at: number, nocase: boolean): { token: Token; next: number } | undefined {
  let i = at + 1;
  const negated = glob[i] === '!' || glob[i] === '^';
  if (negated) i++;
  const singles = new Set<string>();
  const ranges: [string, string][] = [];
  let first = true;
  for (; i < glob.length; i++) {
    let c = glob[i];
    if (c === ']' && !first) {
      const has = (ch: string) => singles.has(ch) || ranges.some(([lo, hi]) => lo <= ch && ch <= hi);
      const test = nocase ? (ch: string) => has(ch) || has(ch.toLowerCase()) || has(ch.toUpperCase()) : has;
      return { token: { kind: 'class', negated, test }, next: i + 1 };
    }
    first = false;
    if (c === '\\' && i + 1 < glob.length) c = glob[++i];
    if (glob[i + 1] === '-' && i + 2 < glob.length && glob[i + 2] !== ']') {
      let hi = glob[i + 2];
      i += 2;
      if (hi === '\\' && i + 1 < glob.length) hi = glob[++i];
      ranges.push([c, hi]);
    } else singles.add(c);
  }
  return undefined;
}

function tokens(segment: string, nocase: boolean): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '*') {
      if (out[out.length - 1]?.kind !== 'star') out.push({ kind: 'star' });
    } else if (c === '?') out.push({ kind: 'any' });
    else if (c === '[') {
      const cls = readClass(segment, i, nocase);
      if (cls) {
        out.push(cls.token);
        i = cls.next - 1;
      } else out.push({ kind: 'char', ch: c });
    } else if (c === '\\' && i + 1 < segment.length) out.push({ kind: 'char', ch: nocase ? segment[++i].toLowerCase() : segment[++i] });
    else out.push({ kind: 'char', ch: nocase ? c.toLowerCase() : c });
  }
  return out;
}

function matchesOne(token: Token, ch: string): boolean {
  if (token.kind === 'any') return true;
  if (token.kind === 'char') return token.ch === ch;
  if (token.kind === 'class') return token.test(ch) !== token.negated;
  return false;
}

/**
 * Wildcard matching with one remembered star: on a mismatch, the last star takes one more unit and
 * the rest is tried again from there. O(units × tokens); exact when every other token is one unit.
 */
function wildcard<T, U>(pattern: readonly T[], units: readonly U[], isStar: (t: T) => boolean, one: (t: T, u: U) => boolean): boolean {
  let p = 0;
  let u = 0;
  let starP = -1;
  let starU = 0;
  while (u < units.length) {
    if (p < pattern.length && isStar(pattern[p])) {
      starP = p++;
      starU = u;
    } else if (p < pattern.length && one(pattern[p], units[u])) {
      p++;
      u++;
    } else if (starP >= 0) {
      p = starP + 1;
      u = ++starU;
    } else return false;
  }
  while (p < pattern.length && isStar(pattern[p])) p++;
  return p === pattern.length;
}

function matchSegment(tokensOf: readonly Token[], segment: string): boolean {
  // `*` and `?` never match `.` or `..` as a whole segment (minimatch, also with `dot`).
  if ((segment === '.' || segment === '..') && tokensOf.some((t) => t.kind !== 'char')) return false;
  return wildcard(tokensOf, [...segment], (t) => t.kind === 'star', matchesOne);
}

function compileOne(glob: string, nocase: boolean): Segment[] {
  // `a//b` is `a/b` (minimatch folds repeated slashes); a leading `/` stays (an absolute glob).
  const parts = glob.split('/').filter((part, i, all) => part !== '' || i === 0 || i === all.length - 1);
  const segments: Segment[] = parts.map((part) => (part === '**' ? 'globstar' : tokens(part, nocase)));
  // A `**` at the end takes at least one segment (`a/**` matches `a/b` and `a/`, not `a`), as in minimatch.
  if (segments[segments.length - 1] === 'globstar') segments.splice(segments.length - 1, 0, [{ kind: 'star' }]);
  return segments;
}

export function compileGlob(source: string, options: GlobOptions = {}): Glob {
  const nocase = options.nocase ?? false;
  let glob = source;
  let negated = false;
  while (glob.startsWith('!')) {
    negated = !negated;
    glob = glob.slice(1);
  }
  const alternatives = glob.startsWith('#') ? [] : (expandBraces(glob) ?? []).map((g) => compileOne(g, nocase));
  return {
    match(path: string): boolean {
      const segments = (nocase ? path.toLowerCase() : path).split('/');
      const found = alternatives.some((alt) =>
        wildcard(alt, segments, (s) => s === 'globstar', (s, seg) => s !== 'globstar' && matchSegment(s, seg)),
      );
      return found !== negated;
    },
  };
}
