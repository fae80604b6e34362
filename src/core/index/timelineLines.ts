import type { LineIndex } from '../text/lineIndex';
import { dateOfHeading, type RawTimelineEntry } from '../timeline/extract';
import { parseEntryText } from '../timeline/entryGrammar';
import { timelineTableColumns, timelineTableRow, type TimelineTableColumns } from '../timeline/tableRow';
import { walkSection } from './sectionWalker';
import { untakenEntryCode, untakenEntryText, type UntakenEntry } from './untakenEntries';

const BULLET = /^(\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?)/;

/**
 * Timeline entries of one Timeline section as written (lines relative to `fromLine`, its heading),
 * read from the lines: the top-level list items and the rows of a table with a time column, as the
 * full parse reads them (timeline/extract.ts; table rows through the same timeline/tableRow.ts). Resolve them with timeline/resolve.ts.
 * Lines written as entries that Markdown reads as text or code (`• 14:09Z …`) go to `untaken`.
 */
export function timelineOfSection(lines: LineIndex, fromLine: number, toLine: number, untaken?: UntakenEntry[]): RawTimelineEntry[] {
  const entries: RawTimelineEntry[] = [];
  // One object per sub-heading: the resolver starts the heading's day once, not once per list.
  let headingDate: RawTimelineEntry['headingDate'];
  let subheading: string | undefined;
  let columns: TimelineTableColumns | undefined;
  walkSection(lines, fromLine, toLine, {
    subheading: (_line, title) => {
      if (title !== subheading) headingDate = dateOfHeading(title);
      subheading = title;
    },
    table: (_line, header) => {
      columns = timelineTableColumns(header);
    },
    row: (line, text) => {
      const entry = columns && timelineTableRow(columns, text, line - fromLine, headingDate);
      if (entry) entries.push(entry);
    },
    code: (line, text) => {
      const missed = untaken && untakenEntryCode(line, text);
      if (missed) untaken!.push(missed);
    },
    content: (line, text, kind, afterCode) => {
      if (kind === 'text') {
        const missed = untaken && untakenEntryText(line, text, afterCode);
        if (missed) untaken!.push(missed);
      }
      if (kind !== 'top') return;
      const textStart = BULLET.exec(text)?.[1].length ?? 0;
      const entry = text.slice(textStart);
      entries.push({ line: line - fromLine, lineLength: text.length, textStart, text: entry, form: 'list', parsed: parseEntryText(entry), headingDate });
    },
  });
  return entries;
}
