import type { Paragraph, RootContent } from 'mdast';
import type { PostmortemDocument, SectionUnit } from '../../document/model';
import { startLine } from '../../document/mdastUtil';
import { parseEntryText } from '../../timeline/entryGrammar';

/** A line of a Timeline section that reads as an entry but is not a list item. */
export interface UnlistedEntry {
  /** Zero-based line in the document. */
  readonly line: number;
  /** Columns of the line's leading white space (what a fix replaces with a list marker). */
  readonly indent: number;
  /** The list marker of the entry it continues (`- `, `* `, `1. ` with its indentation), or `- `. */
  readonly marker: string;
  readonly milestones: readonly string[];
}

const BULLET = /^\s*(?:[-*+]|\d{1,9}[.)])\s+/;

/**
 * Lines of a Timeline section that start with a time like an entry (`23:25 [detected] alerts`) but
 * are not list items: they continue the entry above (a lazy continuation: VS Code does not continue
 * a list after Enter in Markdown, so the next entry is typed without `- `) or stand as a paragraph
 * between entries. They are read as the previous entry's text, not as entries, so their times and
 * milestones count nowhere. Only the entry grammar's own stamps count (a time, with or without a
 * date), so "All times UTC" or "3 pods died" are prose. Code, HTML comments and tables are not
 * paragraphs and are never looked at. Every line of the section is looked at once (a cap here
 * hid every unlisted line after the 5,000th without a word); how many are reported one by one is
 * timeline/not-list-item's choice, and it says how many more there are.
 */
export function unlistedEntries(doc: PostmortemDocument, section: SectionUnit): UnlistedEntry[] {
  if (section.notChecked) return [];
  // The section's tree costs more than the rest of the lint of a usual post-mortem (speed's profile:
  // 37 % of the CLI's time on the real-shaped set). The tree walk can only report a line that passes
  // this same test, so when no line of the section does, the answer is empty without the tree.
  if (!anyCandidate(doc, section)) return [];
  return unlistedEntriesFromTree(doc, section);
}

/** The reading itself, through the section's tree (exported for the test that proves the gate changes nothing). */
export function unlistedEntriesFromTree(doc: PostmortemDocument, section: SectionUnit): UnlistedEntry[] {
  const found: UnlistedEntry[] = [];
  const look = (from: number, to: number, marker: string) => {
    for (let rel = from; rel <= to; rel++) {
      const line = section.startLine + rel;
      const text = doc.lines.lineText(line);
      if (text.length > 2000 || BULLET.test(text)) continue;
      const indent = text.length - text.trimStart().length;
      const parsed = parseEntryText(text.slice(indent));
      if (parsed.stamp) found.push({ line, indent, marker, milestones: parsed.milestones });
    }
  };
  let lastMarker = '- ';
  for (const node of section.mdast.children as RootContent[]) {
    if (node.type === 'paragraph' && node.position) {
      look(startLine(node), node.position.end.line - 1, lastMarker);
    } else if (node.type === 'list') {
      for (const item of node.children) {
        const first = startLine(item);
        const itemLine = doc.lines.lineText(section.startLine + first);
        lastMarker = BULLET.exec(itemLine)?.[0] ?? '- ';
        for (const child of item.children) {
          if (child.type !== 'paragraph' || !child.position) continue;
          const p = child as Paragraph;
          const from = startLine(p);
          look(from === first ? from + 1 : from, p.position!.end.line - 1, lastMarker);
        }
      }
    }
  }
  return found;
}

/** Whether any line of the section could be reported by `unlistedEntries` (the same per-line test; a superset of the lines it looks at). */
function anyCandidate(doc: PostmortemDocument, section: SectionUnit): boolean {
  for (let line = section.startLine; line < section.endLine; line++) {
    const text = doc.lines.lineText(line);
    if (text.length <= 2000 && !BULLET.test(text) && parseEntryText(text.trimStart()).stamp) return true;
  }
  return false;
}
