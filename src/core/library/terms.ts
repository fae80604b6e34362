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
    // The template's own words (its "Five whys" heading and "Why did that happen? …" prompts): shared by
    // every post-mortem made from it, not by the incidents (trial13b F13: "similar text: api, checkout, whys").
    'whys happen happened ' +
    'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday').split(/\s+/),
);

export function stem(word: string): string {
  if (word.length <= 4) return word;
  let base = word;
  for (const suffix of ['ations', 'ation', 'ions', 'ion', 'ings', 'ing', 'ness', 'ed', 'es', 's']) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 4) {
      base = word.slice(0, word.length - suffix.length);
      break;
    }
  }
  // A final e goes too, so the singular meets what the suffixes left of the plural and the past:
  // `outage`/`outages`, `failure`/`failures`, `cause`/`caused`/`causes` all read `outag`, `failur`, `caus`.
  return base.length > 4 && base.endsWith('e') ? base.slice(0, -1) : base;
}

/**
 * Addresses, not words: Markdown link targets (`](…)`), bare and angle-bracket URLs. A Google Docs
 * link is forty characters of id and `#heading=h.z3py6eydx4qu`, which matched between post-mortems
 * that only link to the same folder. Each branch starts with a literal, so the scan is linear.
 */
const ADDRESS = /\]\([^)\s]*\)?|\b(?:https?|s?ftp|file):\/\/[^\s<>()[\]]*|\bwww\.[^\s<>()[\]]*/g;

/** Digits with at most a time's letters: `2026`, `09z` (14:09Z), `07t10` (an ISO date-time), `10am`. */
const NUMBER_OR_TIME = /^\d+(?:t\d+)?(?:z|am|pm|utc)?$/;

/**
 * A document id, hash or other token no person wrote as a word: longer than any word, a hex run with
 * digits (a commit), or a mix switching between letters and digits three times or more in eight
 * characters or more (`z3py6eydx4qu`). `ipv6`, `k8s`, `log4j`, `utf8mb4`, `postgres14` stay words.
 */
function idLike(word: string): boolean {
  if (word.length > 30) return true;
  if (word.length < 7 || !/\d/.test(word)) return false;
  if (/^[0-9a-f]+$/.test(word) && /[a-f]/.test(word)) return true;
  if (word.length < 8) return false;
  let switches = 0;
  for (let i = 1; i < word.length; i++) if ((word[i] >= '0' && word[i] <= '9') !== (word[i - 1] >= '0' && word[i - 1] <= '9')) switches++;
  return switches >= 3;
}

/**
 * Calls `add` with each term of `text` (words of the prose, not of its links, ids, dates or times)
 * and the word as written, in lower case: the term is for matching, the word is what a person reads.
 */
export function forEachTerm(text: string, add: (term: string, word: string) => void): void {
  for (const m of text.toLowerCase().replace(ADDRESS, ' ').matchAll(WORD)) {
    const word = m[0];
    if (word.length < 3 || STOP.has(word) || NUMBER_OR_TIME.test(word) || idLike(word)) continue;
    add(stem(word), word);
  }
}
