/**
 * The no-loss check of the converter. A word is a maximal run of letters and digits (Unicode),
 * compared case-insensitively, so Markdown punctuation, table pipes and list bullets do not count
 * and "Ana Lima" survives as "@Ana-Lima". Words are counted with multiplicity: a word written
 * three times must appear three times. Fragments the converter rewrote as data (UTC times, ISO
 * due dates, metadata moved to the front matter) are discounted, as the converter reports them.
 */
export function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

function counts(list: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of list) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

/** Words of `original` (minus `replaced`) missing from `converted`, with how many are missing. */
export function wordsLost(original: string, converted: string, replaced: readonly string[] = []): { word: string; missing: number }[] {
  const want = counts(words(original));
  for (const w of words(replaced.join(' '))) {
    const n = want.get(w);
    if (n !== undefined) want.set(w, n - 1);
  }
  const have = counts(words(converted));
  const lost: { word: string; missing: number }[] = [];
  for (const [word, n] of want) {
    const missing = n - (have.get(word) ?? 0);
    if (missing > 0) lost.push({ word, missing });
  }
  return lost;
}
