import type { Rule } from '../lint/rule';

/** Rules about front-matter times and the timeline (owned by src/core/rules/time and timeline). */
export const TIME_RULES: readonly Rule[] = [];
