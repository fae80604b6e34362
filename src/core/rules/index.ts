import type { Rule } from '../lint/rule';
import { missingFrontMatter } from './frontMatter/missingFrontMatter';
import { schemaRule } from './frontMatter/schema';
import { yamlSyntax } from './frontMatter/yamlSyntax';

/** Every rule, in the order their diagnostics are computed (output is sorted by position anyway). */
export const ALL_RULES: readonly Rule[] = [yamlSyntax, missingFrontMatter, schemaRule];
