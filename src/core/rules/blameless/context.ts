/**
 * What the words just before a blame phrase say about it, read by hand (no regular expression): a
 * phrase is found first, then at most `BEFORE` characters before it are looked at, so the cost is
 * bounded per finding.
 *
 * - Negation: "It was not human error", "not operator error", "wasn't anyone's fault", "not caused by
 *   Bob", "No human error was involved" deny the blame instead of assigning it (trial19c F3).
 * - Software operators: "the operator errors were logged", "Postgres operator error" are a
 *   program's errors, not a person's.
 */

/** How many characters before a phrase are read. */
export const BEFORE = 80;

/** Words that deny what follows. Any word ending in n't (wasn't, isn't, didn't) does too. */
const NEGATORS = new Set(['not', 'never', 'no', 'nor', 'neither', 'without', 'nobody', 'nothing', 'instead', 'hardly']);

/**
 * Words that may stand between a negation and the phrase it denies: "not a human error", "not due
 * to human error", "not simply operator error", "not because of @dana", "nothing to do with human
 * error". Only these: "not tested, and human error …" is not a denial.
 */
const BETWEEN = new Set([
  'a', 'an', 'the', 'any', 'just', 'simply', 'merely', 'really', 'only', 'actually', 'entirely', 'purely', 'all', 'some', 'about',
  'due', 'to', 'caused', 'by', 'because', 'of', 'result', 'case', 'from', 'do', 'with', 'down', 'one', 'anyone', 'anybody', 'somebody', 'someone',
]);

/** The words of `before` back to the start of its clause (a sentence end, colon, semicolon, comma, bracket or dash), last first, as written. */
function clauseWords(before: string, max: number): string[] {
  const words: string[] = [];
  let end = before.length;
  let i = before.length;
  while (i > 0 && words.length < max) {
    const c = before[i - 1]!;
    if (/[\p{L}\p{N}'’-]/u.test(c)) { i--; continue; }
    if (end > i) words.push(before.slice(i, end));
    if (/[.;:!?,()[\]{}—–"“”]/u.test(c)) return words;
    i--;
    end = i;
  }
  if (i === 0 && end > 0 && words.length < max) words.push(before.slice(0, end));
  return words;
}

/**
 * The part of `before` in the phrase's own paragraph, list item, table cell or heading: a soft-wrapped
 * paragraph's earlier lines count ("not\nhuman error"), a heading or list item above does not ("##
 * Summary\n\nOperator error …": "Summary" is no product name).
 */
function sameBlock(before: string): string {
  const lines = before.split('\n');
  let out = '';
  for (let k = lines.length - 1; k >= 0; k--) {
    const line = lines[k]!;
    if (k < lines.length - 1 && (line.trim() === '' || /^\s*#/.test(line))) break;
    const marker = /^\s*(?:#{1,6}\s|[-*+]\s+(?:\[[ xX]\]\s+)?|\d{1,9}[.)]\s|>\s?)/.exec(line);
    out = (marker ? line.slice(marker[0].length) : line) + (k < lines.length - 1 ? ` ${out}` : '');
    if (marker) break;
  }
  // A table cell: from its last bar.
  return out.slice(out.lastIndexOf('|') + 1);
}

/** Whether the words just before a phrase deny it ("not", "wasn't", "no", "rather than", with only BETWEEN words in between). */
export function negatedBefore(before: string): boolean {
  // Emphasis marks around the negation ("**not** human error") are not words.
  const words = clauseWords(sameBlock(before).replace(/[*_~`]/g, ''), 8).map((w) => w.toLowerCase());
  let k = 0;
  while (k < words.length && BETWEEN.has(words[k]!)) k++;
  const word = words[k];
  if (word === undefined) return false;
  if (NEGATORS.has(word) || /n['’]t$/.test(word)) return true;
  return word === 'than' && words[k + 1] === 'rather';
}

/** Capitalised words that begin a sentence or a blaming clause, not a product's name ("It was operator error", "Pure operator error"). */
const NOT_PRODUCTS = new Set(['a', 'an', 'it', 'this', 'that', 'was', 'is', 'be', 'by', 'of', 'to', 'from', 'due', 'and', 'or', 'but', 'pure', 'simple', 'classic', 'another', 'just', 'again', 'probably', 'likely', 'clearly', 'basically']);

/**
 * Whether "operator error(s)" is a program's: after "the", "its", "these", "those" ("the operator
 * errors were logged"), or after a capitalised name ("the Postgres operator errors", "Strimzi
 * operator errors"). "An operator error", "It was operator error", "caused by operator error" are a person's.
 */
export function softwareOperatorBefore(before: string): boolean {
  const written = clauseWords(sameBlock(before).replace(/[*_~`]/g, ''), 1)[0];
  if (written === undefined) return false;
  const previous = written.toLowerCase();
  if (['the', 'its', 'these', 'those'].includes(previous)) return true;
  // A capitalised word is a name unless it is a plain word that starts a sentence or a clause.
  return /^\p{Lu}/u.test(written) && !NOT_PRODUCTS.has(previous);
}
