import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { neutraliseBracketStorms } from './bracketStorms';
import { boundedAutolinkWalk } from './autolinkWalk';
import { boundedFootnoteWalk } from './footnoteWalk';
import { neutraliseOpenerRuns } from './htmlOpeners';
import { flattenDeepNesting } from './nesting';

// Built once: creating a unified processor per call costs more than parsing a small section.
// boundedFootnoteWalk: remark-gfm's footnotes looked back over the whole paragraph from every `]`;
// boundedAutolinkWalk: its autolinks looked back to an unclosed `[` from every word after it.
const sectionProcessor = unified().use(remarkParse).use(remarkGfm).use(boundedFootnoteWalk).use(boundedAutolinkWalk).freeze();
const documentProcessor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(boundedFootnoteWalk).use(boundedAutolinkWalk).freeze();

/** Parses one section's Markdown (no front matter: a section never starts with one). */
export function parseSectionMarkdown(text: string): Root {
  // Lists and quotes nested past MAX_NESTING are read flat: remark's visitors recurse per level.
  // Long rows of unclosed inline HTML openers are read as text: remark rescans from each (htmlOpeners.ts).
  // So are brackets and tildes past the 256th of a paragraph: remark's label and strikethrough matching is quadratic (bracketStorms.ts).
  return sectionProcessor.parse(neutraliseBracketStorms(neutraliseOpenerRuns(flattenDeepNesting(text))));
}

/** A whole-file parse, as other tools do it; the benchmark's baseline and the converter's input. */
export function parseWholeMarkdown(text: string): Root {
  return documentProcessor.parse(neutraliseBracketStorms(neutraliseOpenerRuns(text)));
}
