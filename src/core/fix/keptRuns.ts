/**
 * Which characters of an edited text are the original's, untouched, and where they were: the
 * writer needs it to put back what the tools' reading of a file changed (a lone CR read as LF, a
 * byte-order mark) at exactly the places no edit touched, and to write new line breaks in the
 * file's own style. Pure, linear in the number of runs.
 */

/** `length` characters at offset `at` of the edited text are the original's from offset `from`. */
export interface KeptRun {
  readonly at: number;
  readonly from: number;
  readonly length: number;
}

/** The whole text kept: no edit yet. */
export function allKept(length: number): KeptRun[] {
  return length > 0 ? [{ at: 0, from: 0, length }] : [];
}

/**
 * The runs from the original to a text edited twice: `first` maps the original into the middle
 * text, `second` the middle text into the final one. A character is kept when both kept it.
 * Both lists are sorted by `at` and do not overlap (as applyEdits makes them); so is the result.
 */
export function composeKept(first: readonly KeptRun[], second: readonly KeptRun[]): KeptRun[] {
  const out: KeptRun[] = [];
  let i = 0;
  for (const run of second) {
    const start = run.from;
    const end = run.from + run.length;
    // `first` is sorted by `at` (offsets in the middle text), as `second`'s `from` is: one walk.
    while (i < first.length && first[i].at + first[i].length <= start) i++;
    for (let j = i; j < first.length && first[j].at < end; j++) {
      const f = first[j];
      const s = Math.max(start, f.at);
      const e = Math.min(end, f.at + f.length);
      if (e > s) out.push({ at: run.at + (s - start), from: f.from + (s - f.at), length: e - s });
    }
  }
  return out;
}
