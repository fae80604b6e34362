import type { PostmortemDocument } from '../../document/model';
import type { Rule } from '../../lint/rule';
import type { Fix } from '../../types';
import { weekdayName, weekdayOfDate } from '../../timeline/headingDay';
import { atxHeading } from '../../text/atxHeading';

/**
 * A Timeline sub-heading that names its day in words (`### Tuesday, 24 November`, `### Nov 26`,
 * `### Day 4 (Nov 27)`, `### Day 2`) is read as that day for the entries under it, and the reading
 * is said: the year (or, for `Day 2`, the day) is inferred. One that looks like a day but cannot be
 * read (`### Nov 31`, `### 24/11`, `### Tuesday`) is said too: its entries keep the day above, as
 * before (trial19c F7: such headings were ignored with no word, and the milestones landed days early).
 * A weekday that is not the day's is a warning: one of the two is wrong.
 */
export const timelineDayHeading: Rule = {
  code: 'timeline/day-heading',
  defaultSeverity: 'warning',
  description: 'A Timeline sub-heading naming its day in words (`### Tuesday, 24 November`, `### Nov 26`, `### Day 2`) is read as that day, and the reading is said (info: the year, or the day counted from started_at, is inferred); one that looks like a day but cannot be read (`### Nov 31`, `### 24/11`, `### Tuesday`), or whose weekday is not the date\'s, is a warning.',
  check({ doc, report }) {
    for (const entry of doc.timeline) {
      const h = entry.dayHeading;
      if (!h) continue;
      const heading = headingAbove(doc, entry.line);
      if (!heading) continue;
      const range = { start: { line: heading.line, character: heading.start }, end: { line: heading.line, character: heading.end } };
      const title = heading.title;
      if (h.problem || !h.date) {
        report({
          range,
          message: `Expected a day the tools can read in the sub-heading "${title}", found none: ${h.problem ?? 'no day is named'}; the entries under it keep the day of the entry above — write the day as \`### YYYY-MM-DD\``,
        });
        continue;
      }
      const date = h.date;
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      const actual = weekdayOfDate({ year: y, month: m, day: d });
      if (h.weekday !== undefined && h.weekday !== actual) {
        report({
          range,
          message: `Expected the sub-heading "${title}" to name the weekday of ${date}, a ${weekdayName(actual)}, found ${weekdayName(h.weekday)}: the entries under it are read on ${date}${h.inferred === 'year' ? ' (the year inferred)' : ''}; correct the weekday or the date`,
          fixes: [writeDate(heading, date)],
        });
        continue;
      }
      if (!h.inferred) continue;
      const why = h.inferred === 'year'
        ? `the year is not written, so it is the one nearest the day above (or \`started_at\`)`
        : `day ${h.dayNumber} counted from \`started_at\`'s day as day 1`;
      report({
        range,
        severity: 'info',
        message: `Read the sub-heading "${title}" as ${date}: ${why}; the entries under it are on that day. Write the date to confirm it`,
        fixes: [writeDate(heading, date)],
      });
    }
  },
};

interface HeadingLine {
  readonly line: number;
  /** The title's columns (after `### `, before closing `#`s). */
  readonly start: number;
  readonly end: number;
  readonly title: string;
}

/** `### Tuesday, 24 November` → `### 2026-11-24 (Tuesday, 24 November)`: the date the tools read first, the words kept. */
function writeDate(heading: HeadingLine, date: string): Fix {
  return {
    title: `Write the date: ### ${date} (${heading.title})`,
    edits: [{ range: { start: { line: heading.line, character: heading.start }, end: { line: heading.line, character: heading.end } }, newText: `${date} (${heading.title})` }],
  };
}

/** The sub-heading the entry sits under: the nearest `###`–`######` line above it, in its section (read by atxHeading, closing `#`s aside). */
function headingAbove(doc: PostmortemDocument, line: number): HeadingLine | undefined {
  const section = doc.sections.find((s) => s.headingLine < line && line < s.endLine);
  const top = section ? section.headingLine : 0;
  for (let l = line - 1; l > top; l--) {
    const h = atxHeading(doc.lines.lineText(l));
    if (!h || h.level < 3 || h.title === '') continue;
    return { line: l, start: h.start, end: h.end, title: h.title };
  }
  return undefined;
}
