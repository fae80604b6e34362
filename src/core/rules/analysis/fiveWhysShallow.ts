import type { Rule } from '../../lint/rule';
import { isUnansweredWhy } from '../../template/placeholders';

/**
 * Five whys that stop after one or two answers usually stop at a symptom ("the disk filled up")
 * instead of the systemic cause behind it. Depth is configurable (`fiveWhysMinDepth`). The
 * template's own questions left unanswered ("Why did that happen? …") are not answers: five of them
 * read as five answers before (trial14b F5).
 */
export const fiveWhysShallow: Rule = {
  code: 'analysis/five-whys-shallow',
  defaultSeverity: 'info',
  description: 'A `### Five whys` list has at least `fiveWhysMinDepth` (default 5) answers; the template\'s questions left unanswered ("Why did that happen? …") do not count.',
  check(ctx) {
    const whys = ctx.doc.fiveWhys;
    const min = ctx.config.fiveWhysMinDepth;
    if (!whys) return;
    const unanswered = whys.answers.filter((a) => isUnansweredWhy(a.text)).length;
    const n = whys.answers.length - unanswered;
    if (n >= min) return;
    const found = whys.answers.length === 0
      ? 'found no numbered list under it'
      : unanswered > 0
        ? `found ${n} (${unanswered} ${unanswered === 1 ? 'is' : 'are'} still the template's unanswered question${unanswered === 1 ? '' : 's'}, like "Why did that happen? …")`
        : `found ${n}`;
    ctx.report({
      range: whys.headingRange,
      message: `Expected at least ${min} answers in the five whys (a numbered list), ${found}: keep asking "why" until you reach something in the system you can change`,
    });
  },
};
