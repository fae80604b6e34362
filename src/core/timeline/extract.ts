import type { Root } from 'mdast';
import type { LineIndex } from '../text/lineIndex';
import { childrenWithSubheading, startLine, tableColumns } from '../document/mdastUtil';
import { readHeadingDay, type HeadingDay } from './headingDay';
import { parseEntryText, type ParsedEntryText } from './entryGrammar';
import { timelineTableColumns, timelineTableRow } from './tableRow';

/** A timeline entry as read from its section, before dates and zones are resolved. */
export interface RawTimelineEntry {
  /** Line relative to the section start. */
  readonly line: number;
  readonly lineLength: number;
  readonly textStart: number;
  readonly text: string;
  readonly form: 'list' | 'table';
  /**
   * Which top-level list or table of the section holds the entry, counting only those that hold
   * entries (0, 1, …): entries with the same number are in one block (timeline/unparseable).
   * Absent from the workspace index's reader (index/timelineLines.ts), which has no use for it.
   */
  readonly block?: number;
  readonly parsed: ParsedEntryText;
  /** The day the sub-heading the entry sits under names (`### 2026-11-20`, `### Tuesday, 24 November`): a new day starts there (headingDay.ts). */
  readonly headingDate?: HeadingDay;
  /** The row's date from a Date column of its own (timeline/tableRow.ts): the date of a time written without one. */
  readonly cellDate?: { readonly year: number; readonly month: number; readonly day: number };
  /** That Date cell's columns on the line, also when it is empty (start = end). */
  readonly dateCell?: { readonly start: number; readonly end: number };
}

/**
 * The day a sub-heading names (`### 2026-11-20`, `### **2026-11-20** (Thu)`, `### Nov 26`, `### Day 2`),
 * shared with the summary reader (index/timelineLines.ts): timeline/headingDay.ts.
 */
export function dateOfHeading(subheading: string | undefined): RawTimelineEntry['headingDate'] {
  return subheading ? readHeadingDay(subheading) : undefined;
}

const BULLET = /^(\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?)/;

/** Entries are the top-level list items (and time/event table rows) of the Timeline section. */
export function extractTimeline(root: Root, lines: LineIndex): RawTimelineEntry[] {
  const entries: RawTimelineEntry[] = [];
  let lastSubheading: string | undefined;
  let headingDate: RawTimelineEntry['headingDate'];
  let block = 0;
  for (const { node, subheading } of childrenWithSubheading(root)) {
    // The next block's number, when this one held entries.
    if (entries.length > 0 && entries[entries.length - 1]!.block === block) block++;
    // One object per sub-heading: the resolver starts the heading's day once, not once per list.
    if (subheading !== lastSubheading) {
      lastSubheading = subheading;
      headingDate = dateOfHeading(subheading);
    }
    if (node.type === 'list') {
      for (const item of node.children) {
        const line = startLine(item);
        const lineText = lines.lineText(line);
        const textStart = BULLET.exec(lineText)?.[1].length ?? 0;
        const text = lineText.slice(textStart);
        entries.push({ line, lineLength: lineText.length, textStart, text, form: 'list', block, parsed: parseEntryText(text), headingDate });
      }
    } else if (node.type === 'table') {
      // Rows are read by the one table-row reader the summary uses too, from the row's line.
      const cols = timelineTableColumns(tableColumns(node).header);
      if (!cols) continue;
      for (const row of node.children.slice(1)) {
        const line = startLine(row);
        const entry = timelineTableRow(cols, lines.lineText(line), line, headingDate);
        if (entry) entries.push({ ...entry, block });
      }
    }
  }
  return entries;
}
