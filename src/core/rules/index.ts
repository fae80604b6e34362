import type { Rule } from '../lint/rule';
import { CONTENT_RULES } from './contentRules';
import { nestingTooDeep } from './document/nestingTooDeep';
import { commentHidesContent } from './document/commentHidesContent';
import { unclosedComment } from './document/unclosedComment';
import { unclosedFence } from './document/unclosedFence';
import { unclosedHtml } from './document/unclosedHtml';
import { invisibleCharacter } from './document/invisibleCharacter';
import { sectionTooLarge } from './document/sectionTooLarge';
import { tooManyBrackets } from './document/tooManyBrackets';
import { mermaidDiagrams } from './diagrams/mermaidDiagrams';
import { missingFrontMatter } from './frontMatter/missingFrontMatter';
import { misspeltKey } from './frontMatter/misspeltKey';
import { ignoredKey } from './frontMatter/ignoredKey';
import { schemaRule } from './frontMatter/schema';
import { yamlSyntax } from './frontMatter/yamlSyntax';
import { yamlMergeKey } from './frontMatter/mergeKey';
import { TIME_RULES } from './timeRules';

/** Every rule, in the order their diagnostics are computed (output is sorted by position anyway). */
export const ALL_RULES: readonly Rule[] = [yamlSyntax, yamlMergeKey, missingFrontMatter, schemaRule, misspeltKey, ignoredKey, ...TIME_RULES, ...CONTENT_RULES, mermaidDiagrams, nestingTooDeep, unclosedComment, commentHidesContent, unclosedFence, unclosedHtml, sectionTooLarge, tooManyBrackets, invisibleCharacter];
