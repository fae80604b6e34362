import type { Rule } from '../../lint/rule';

/**
 * Five whys that stop after one or two answers usually stop at a symptom ("the disk filled up")
 * instead of the systemic cause behind it. Depth is configurable (`fiveWhysMinDepth`).
 */
export const fiveWhysShallow: Rule = {
  code: 'analysis/five-whys-shallow',
  defaultSeverity: 'info',
  description: 'A `### Five whys` list has at least `fiveWhysMinDepth` (default 5) answers.',
  check(ctx) {
    const whys = ctx.doc.fiveWhys;
    const min = ctx.config.fiveWhysMinDepth;
    if (!whys || whys.answers.length >= min) return;
    const n = whys.answers.length;
    const found = n === 0 ? 'found no numbered list under it' : `found ${n}`;
    ctx.report({
      range: whys.headingRange,
      message: `Expected at least ${min} answers in the five whys (a numbered list), ${found}: keep asking "why" until you reach something in the system you can change`,
    });
  },
};
