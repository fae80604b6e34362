import type { Rule } from '../lint/rule';

/** Rules about sections, action items, review process, language, impact, related ids and five whys. */
export const CONTENT_RULES: readonly Rule[] = [];
