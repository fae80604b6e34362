import { LineIndex } from '../text/lineIndex';
import { readPlainListSection } from './plainLists';

/**
 * Characters that may open inline syntax whose content is not a text node: code spans, HTML and
 * autolinks, link destinations and references, escapes, entities. Emphasis and strikethrough keep
 * their content as text, and so do GFM's bare-URL links.
 */
const NOT_PLAIN = /[`<[\\&]|!\[/;
const DIGIT = /\d/;

/**
 * Whether the prose of a section (its Markdown text nodes) holds a digit, read from its lines when
 * the section is plain (see readPlainListSection): a digit before any inline syntax on a line of
 * inline text is in a text node. Undefined when the lines cannot tell: the caller asks the tree.
 * HTML comments and the list markers hold no text, so a plain section without such a digit has none.
 */
export function plainProseHasDigit(sectionText: string, title: string): boolean | undefined {
  const lines = new LineIndex(sectionText);
  const plain = readPlainListSection(lines, title);
  if (!plain) return undefined;
  // The heading's title is free of markup (readPlainListSection checks it).
  if (DIGIT.test(title)) return true;
  for (const { line, from } of plain.inline) {
    const text = lines.lineText(line).slice(from);
    const digit = text.search(DIGIT);
    const syntax = text.search(NOT_PLAIN);
    if (digit !== -1 && (syntax === -1 || digit < syntax)) return true;
    // Syntax first: a code span or comment may run on over the next lines too.
    if (syntax !== -1) return undefined;
  }
  return false;
}
