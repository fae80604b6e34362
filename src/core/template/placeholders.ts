/**
 * The texts templates write for the writer to replace, in one place: the built-in template and the
 * fault-tree template write them from here, and the rules that must not take them for content read
 * them from here, so the two cannot drift apart. A published post-mortem whose five whys were still
 * the template's five questions passed as analysed five deep, and a fault tree's "Second cause" was
 * reported as a single point of failure (trial14b F5).
 */

/** The five-whys questions of the built-in template, each written with `…` where the answer goes. */
export const FIVE_WHYS_QUESTIONS: readonly string[] = [
  'Why did the incident happen?',
  'Why did that happen?',
  'Why did that happen?',
  'Why did that happen?',
  'Why did that happen?',
];

/** What the template writes after each question, where the answer goes. */
export const ANSWER_GAP = '…';

/** The template's five-whys list, as written: `1. Why did the incident happen? …`. */
export function fiveWhysTemplateLines(): string[] {
  return FIVE_WHYS_QUESTIONS.map((q, i) => `${i + 1}. ${q} ${ANSWER_GAP}`);
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
const QUESTIONS = new Set(FIVE_WHYS_QUESTIONS.map(squash));
/** Characters of a trailing gap: the template's `…`, dots, or underscores someone typed as a blank. */
const GAP = new Set([' ', '\t', '.', '…', '_']);

function withoutTrailingGap(text: string): string {
  let end = text.length;
  while (end > 0 && GAP.has(text[end - 1])) end--;
  return text.slice(0, end);
}

/**
 * Whether a five-whys answer is still a template question with nothing after it ("Why did that
 * happen? …", or the question alone): an unanswered why. "Why did that happen? The disk filled" is
 * an answer.
 */
export function isUnansweredWhy(answer: string): boolean {
  return QUESTIONS.has(squash(withoutTrailingGap(answer.trim())));
}

/** The label a new fault tree's top event starts with. */
export const FAULT_TREE_TOP_PLACEHOLDER = 'Top event (what failed)';

const ORDINALS = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth', 'Ninth', 'Tenth', 'Eleventh', 'Twelfth'] as const;

/** The n-th placeholder cause of a fault tree (0-based): "First cause" … "Twelfth cause", then "Cause 13". */
export function faultTreeCauseLabel(n: number): string {
  return n < ORDINALS.length ? `${ORDINALS[n]} cause` : `Cause ${n + 1}`;
}

const FAULT_TREE_LABELS = new Set([FAULT_TREE_TOP_PLACEHOLDER, ...ORDINALS.map((_, i) => faultTreeCauseLabel(i))].map(squash));
const NUMBERED_CAUSE = /^cause (\d{1,4})$/;

/** Whether a fault-tree label is still one the template or the editor wrote for renaming. */
export function isFaultTreePlaceholder(label: string): boolean {
  if (label.length > 100) return false;
  const key = squash(label);
  const numbered = NUMBERED_CAUSE.exec(key);
  return FAULT_TREE_LABELS.has(key) || (numbered !== null && Number(numbered[1]) > ORDINALS.length);
}
