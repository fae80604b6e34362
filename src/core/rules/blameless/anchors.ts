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
