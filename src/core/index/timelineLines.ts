import type { LineIndex } from '../text/lineIndex';
import { dateOfHeading, TIMELINE_COLUMNS, type RawTimelineEntry } from '../timeline/extract';
import { parseEntryText } from '../timeline/entryGrammar';
import { walkSection } from './sectionWalker';
import { splitTableRow } from './tableRows';

const BULLET = /^(\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?)/;

/**
 * Timeline entries of one Timeline section as written (lines relative to `fromLine`, its heading),
 * read from the lines: the top-level list items and the rows of a table with a time column, as the
 * full parse reads them (timeline/extract.ts). Resolve them with timeline/resolve.ts.
 */
export function timelineOfSection(lines: LineIndex, fromLine: number, toLine: number): RawTimelineEntry[] {
  const entries: RawTimelineEntry[] = [];
  // One object per sub-heading: the resolver starts the heading's day once, not once per list.
  let headingDate: RawTimelineEntry['headingDate'];
  let subheading: string | undefined;
  let columns: { time: number; event: number } | undefined;
  walkSection(lines, fromLine, toLine, {
    subheading: (_line, title) => {
      if (title !== subheading) headingDate = dateOfHeading(title);
      subheading = title;
    },
    table: (_line, header) => {
      const time = header.findIndex((h) => TIMELINE_COLUMNS.time.test(h));
      let event = header.findIndex((h) => TIMELINE_COLUMNS.event.test(h));
      if (event === -1) event = time === 0 ? 1 : 0;
      columns = time === -1 ? undefined : { time, event };
    },
    row: (line, text) => {
      if (!columns) return;
      const cells = splitTableRow(text);
      const time = cells[columns.time];
      if (!time) return;
      const parsed = parseEntryText(time.text);
      const event = parseEntryText(cells[columns.event]?.text ?? '');
      entries.push({
        line: line - fromLine, lineLength: text.length, textStart: time.start, text: time.text, form: 'table', headingDate,
        parsed: {
          ...parsed,
          milestones: [...parsed.milestones, ...event.milestones],
          source: parsed.source ?? event.source,
          description: [parsed.description, event.description].filter(Boolean).join(' '),
        },
      });
    },
    content: (line, text, kind) => {
      if (kind !== 'top') return;
      const textStart = BULLET.exec(text)?.[1].length ?? 0;
      const entry = text.slice(textStart);
      entries.push({ line: line - fromLine, lineLength: text.length, textStart, text: entry, form: 'list', parsed: parseEntryText(entry), headingDate });
    },
  });
  return entries;
}
