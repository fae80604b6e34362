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
 * The anchor words found in each of a document's ranges (its sections, in any order), with one
 * search per word over the whole document's anchor text instead of a lower-cased copy of every
 * section and every word searched in each. A word never spans a line break, and sections are whole
 * lines, so each occurrence lies in one range. Undefined when lower-casing changed the text's length
 * (`İ` becomes two code units): the copy's offsets are then not the document's; ask per section.
 */
export function anchorsPerRange(text: string, ranges: readonly (readonly [number, number])[], words: readonly string[]): Set<string>[] | undefined {
  const lower = anchorText(text);
  if (lower.length !== text.length) return undefined;
  const order = ranges.map((_, k) => k).sort((a, b) => ranges[a]![0] - ranges[b]![0]);
  const found = ranges.map(() => new Set<string>());
  for (const word of words) {
    for (let at = lower.indexOf(word); at !== -1; at = lower.indexOf(word, at + 1)) {
      // The last range starting at or before `at`, if `at` is inside it.
      let lo = 0;
      let hi = order.length - 1;
      let hit = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (ranges[order[mid]!]![0] <= at) {
          hit = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (hit === -1) continue;
      const k = order[hit]!;
      const [, end] = ranges[k]!;
      if (at + word.length <= end) found[k]!.add(word);
      // Once a range holds the word, its other occurrences there tell nothing more.
      if (at < end) at = Math.max(at, end - 1);
    }
  }
  return found;
}

/** False only when `matcher` cannot match a text holding exactly the anchor words `present`. */
export function mayMatchWords(matcher: BlameMatcher, present: ReadonlySet<string>): boolean {
  const anchors = matcher.anchors;
  if (!anchors) return true;
  for (const word of anchors) if (present.has(word)) return true;
  return false;
}
