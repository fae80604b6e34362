import type { BlameMatcher } from './phrases';

/**
 * Which blame matchers could match a text, found with a few substring searches instead of running
 * every pattern (~25 Unicode-aware expressions with look-arounds) over every section: most sections
 * contain none of the matchers' anchor words. Exact, never a guess: a matcher is skipped only when
 * its text lacks every word each of its matches must contain.
 *
 * The text is compared lower-cased. Case-insensitive Unicode matching (`/iu`) also equates two
 * non-ASCII characters with ASCII letters: K (U+212A, Kelvin), which `toLowerCase` turns into `k`
 * as well, and ſ (U+017F, long s), which it leaves alone: it is written as `s` here.
 */
export function anchorText(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('\u017f') ? lower.replaceAll('\u017f', 's') : lower;
}

/** False only when `matcher` cannot match the text whose `anchorText` is `lower`. */
export function mayMatch(matcher: BlameMatcher, lower: string): boolean {
  const anchors = matcher.anchors;
  if (!anchors) return true;
  for (const word of anchors) if (lower.includes(word)) return true;
  return false;
}

/** The anchor words of a list of matchers, each once (memoised: the list is built once per author list). */
const wordsMemo = new WeakMap<readonly BlameMatcher[], readonly string[]>();
export function anchorWords(matchers: readonly BlameMatcher[]): readonly string[] {
  let words = wordsMemo.get(matchers);
  if (!words) {
    const set = new Set<string>();
    for (const m of matchers) for (const w of m.anchors ?? []) set.add(w);
    words = [...set];
    wordsMemo.set(matchers, words);
  }
  return words;
}

/**
 * The anchor words found in each of a document's ranges (its sections, in any order), in one search
 * over the whole document's anchor text for all the words at once, instead of a lower-cased copy of
 * every section and each word searched in each (the search steps one character past each find, so
 * words overlapping one another are all found). A word never spans a line break, and sections are
 * whole lines, so each occurrence lies in one range. Undefined when lower-casing changed the text's
 * length (`İ` becomes two code units: the copy's offsets are then not the document's) or one word
 * begins another (the search would find only one at a place): ask per section.
 */
export function anchorsPerRange(text: string, ranges: readonly (readonly [number, number])[], words: readonly string[]): Set<string>[] | undefined {
  const search = wordSearch(words);
  if (!search) return undefined;
  const lower = anchorText(text);
  if (lower.length !== text.length) return undefined;
  const order = ranges.map((_, k) => k).sort((a, b) => ranges[a]![0] - ranges[b]![0]);
  const found = ranges.map(() => new Set<string>());
  // Finds come in order of position: the range holding one is found by moving forward through them.
  let cursor = 0;
  search.lastIndex = 0;
  for (let m = search.exec(lower); m; m = search.exec(lower)) {
    const at = m.index;
    search.lastIndex = at + 1;
    while (cursor < order.length && ranges[order[cursor]!]![1] <= at) cursor++;
    if (cursor === order.length) break;
    const k = order[cursor]!;
    if (ranges[k]![0] <= at && at + m[0].length <= ranges[k]![1]) found[k]!.add(m[0]);
  }
  return found;
}

/** One pattern finding any of `words` (lower-case), memoised; undefined when a word begins another. */
const searchMemo = new WeakMap<readonly string[], RegExp | null>();
function wordSearch(words: readonly string[]): RegExp | undefined {
  let search = searchMemo.get(words);
  if (search === undefined) {
    const prefixed = words.some((a) => words.some((b) => a !== b && b.startsWith(a)));
    search = prefixed || words.length === 0 ? null : new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
    searchMemo.set(words, search);
  }
  return search ?? undefined;
}

/** False only when `matcher` cannot match a text holding exactly the anchor words `present`. */
export function mayMatchWords(matcher: BlameMatcher, present: ReadonlySet<string>): boolean {
  const anchors = matcher.anchors;
  if (!anchors) return true;
  for (const word of anchors) if (present.has(word)) return true;
  return false;
}
