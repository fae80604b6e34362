/**
 * Words for the similar-incidents search: lower case, letters and digits of any script, common
 * English words left out, a light suffix strip so `exhausted`/`exhaustion` and `timeouts`/`timeout`
 * meet. Linear in the text (one regular expression without nesting, one pass).
 */
const WORD = /[\p{L}\p{N}]+/gu;

const STOP = new Set(
  ('the a an and or but of to in on at by for with from into onto over under after before during while as is are was were be been being ' +
    'it its this that these those there their they them we our us you your he she his her i me my not no nor so than then too very can could ' +
    'would should will shall may might must do does did done have has had having which who whom what when where why how all any both each few ' +
    'more most other some such only own same just also about above below again further once here out up down off per via because until ' +
    'utc incident incidents postmortem post mortem minutes minute hours hour time times about around approximately started resolved ' +
    'detected mitigated customers users some one two three four five six seven eight nine ten half first second new due see still ' +
    'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday').split(/\s+/),
);

export function stem(word: string): string {
  if (word.length <= 4) return word;
  for (const suffix of ['ations', 'ation', 'ions', 'ion', 'ings', 'ing', 'ness', 'ed', 'es', 's']) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 4) return word.slice(0, word.length - suffix.length);
  }
  return word;
}

/** Calls `add` with each term of `text`. */
export function forEachTerm(text: string, add: (term: string) => void): void {
  for (const m of text.toLowerCase().matchAll(WORD)) {
    const word = m[0];
    if (word.length < 3 || STOP.has(word) || /^\d+$/.test(word)) continue;
    add(stem(word));
  }
}
