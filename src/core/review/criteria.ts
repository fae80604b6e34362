import type { Diagnostic } from '../types';
import { lintedStatus } from '../lint/reviewStatus';

/**
 * The review criteria of the SRE workbook's post-mortem review, and which of them the lint
 * already checks (by rule code prefix). A criterion no rule can judge says so: the reviewer decides.
 */
export interface Criterion {
  readonly id: string;
  readonly question: string;
  /** Rule codes (or prefixes ending in `/`) whose findings speak to it; empty when only a person can judge. */
  readonly checkedBy: readonly string[];
  /** What the lint cannot see, for the reviewer to judge even when the rules are satisfied. */
  readonly human?: string;
}

export const REVIEW_CRITERIA: readonly Criterion[] = [
  { id: 'impact', question: 'Is the impact quantified (users, duration, money)?', checkedBy: ['impact/not-quantified', 'schema/required'] },
  { id: 'root-cause', question: 'Does the root-cause analysis go beyond the trigger?', checkedBy: ['analysis/five-whys-shallow'], human: 'whether the deepest "why" names a cause the team can change' },
  { id: 'actions-address-causes', question: 'Do the action items address the root causes (prevent, not only mitigate)?', checkedBy: [], human: 'the lint cannot tell which cause an item addresses' },
  { id: 'owners-dates', question: 'Does every action item have an owner and a due date?', checkedBy: ['actions/missing-owner', 'actions/missing-due', 'actions/bad-due'] },
  { id: 'blameless', question: 'Is it blameless (systems and decisions, not people)?', checkedBy: ['blameless/'], human: 'tone the word list does not catch' },
  { id: 'lessons', question: 'Are lessons learned written down?', checkedBy: ['sections/missing', 'sections/empty'] },
];

export interface CriterionStatus {
  readonly criterion: Criterion;
  /** Findings of the rules behind it in the current lint (for `sections/*`, only those about lessons/impact as relevant). */
  readonly problems: readonly Diagnostic[];
  /**
   * `ok`: its rules found nothing and no judgement is left; `problems`: findings; `human`: only a person
   * can say; `draft`: its rules found nothing, but they are relaxed for a draft (empty sections, owners,
   * due dates, impact are checked from in-review on), so nothing was checked.
   */
  readonly state: 'ok' | 'problems' | 'human' | 'draft';
}

const matches = (code: string, checkedBy: readonly string[]) => checkedBy.some((c) => (c.endsWith('/') ? code.startsWith(c) : code === c || code.startsWith(`${c}/`)));

/**
 * Which criteria the lint's findings speak to. `sections/*` findings count for lessons only when they
 * name that section. For a draft, "no finding" proves nothing (the rules wait for in-review): such a
 * criterion is `draft`, never `ok` — approving a draft once showed "✔ Are lessons learned written
 * down? — checked by the lint" for three empty sub-headings (trial7 T22).
 */
export function criteriaStatus(diagnostics: readonly Diagnostic[], status?: string): CriterionStatus[] {
  return REVIEW_CRITERIA.map((criterion) => {
    const problems = diagnostics.filter((d) => {
      if (!matches(d.code, criterion.checkedBy)) return false;
      if (criterion.id === 'lessons') return /lesson/i.test(d.message);
      if (criterion.id === 'impact' && d.code.startsWith('schema/required')) return /impact/i.test(d.message);
      return true;
    });
    const state = problems.length ? 'problems' : criterion.checkedBy.length === 0 || criterion.human ? 'human' : lintedStatus(status) === 'draft' ? 'draft' : 'ok';
    return { criterion, problems, state };
  });
}
