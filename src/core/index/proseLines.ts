import type { LineIndex } from '../text/lineIndex';
import { walkSection } from './sectionWalker';
import { stripInlineMarkup } from './tableRows';

/**
 * The readable text of one section (paragraphs, list items, table rows, sub-headings), one space
 * between lines, without code, HTML or comments (the section walker never shows them), and at most
 * `maxChars` long: the hover shows it and the similar-incidents search counts its words. The walk
 * stops adding once the cap is reached, so a huge section costs its scan only.
 */
export function proseOfSection(lines: LineIndex, fromLine: number, toLine: number, maxChars: number): string {
  const parts: string[] = [];
  let length = 0;
  const add = (text: string) => {
    if (length >= maxChars) return;
    const plain = stripInlineMarkup(text.replace(/^\s*(?:[-*+]|\d{1,9}[.)])\s+/, ''));
    if (!plain) return;
    parts.push(plain);
    length += plain.length + 1;
  };
  walkSection(lines, fromLine, toLine, {
    subheading: (_line, title) => add(title),
    row: (_line, text) => add(text.split('|').map((cell) => cell.trim()).filter(Boolean).join(' · ')),
    content: (_line, text) => add(text),
    continuation: (_line, text) => add(text),
  });
  const joined = parts.join(' ');
  return joined.length > maxChars ? `${joined.slice(0, maxChars - 1)}…` : joined;
}
