import { readLeadingStamp } from '../../import/convert/stamps';
import type { Rule } from '../../lint/rule';
import { entriesOf, timelineSections } from './shared';

/**
 * Lines of a Timeline section that read as entries but are not list items: "14:05 - Pager
 * alert" paragraphs, "### 2026-11-20 14:05" headings, `[14:05]` lines. A stamp must lead the
 * line (after `#`s or a bullet-less start) and carry a time of day; lines in an HTML comment are not
 * shown, so not counted. Every line of the section is
 * read (once, a line at a time): the message gives their count, and a cap made it a wrong count
 * without a word past the 2,000th line.
 */
function entryLikeLines(lines: { lineText(line: number): string }, from: number, to: number): number[] {
  const found: number[] = [];
  let fence = false;
  // An HTML comment (a template's example timeline, guidance) is not shown, so nothing in it is an
  // entry to convert: from a line starting `<!--` to the line holding its `-->`, as CommonMark reads it.
  let comment = false;
  for (let line = from; line < to; line++) {
    const text = lines.lineText(line);
    if (comment || (!fence && /^\s{0,3}<!--/.test(text))) {
      comment = !text.includes('-->', comment ? 0 : text.indexOf('<!--') + 4);
      continue;
    }
    if (/^\s{0,3}(?:`{3,}|~{3,})/.test(text)) fence = !fence;
    if (fence || text.length > 2000 || /^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s/.test(text) || /^\s*\|/.test(text)) continue;
    const content = text.replace(/^\s{0,3}#{1,6}\s+/, '').trimStart();
    const stamp = readLeadingStamp(content);
    if (stamp?.hour !== undefined) found.push(line);
  }
  return found;
}

/**
 * A Timeline section with no entries (no list items, no time/event table rows). When it holds
 * lines that read as entries in another form (timed paragraphs, time headings), says so and
 * points at `postmortem convert`, which turns them into entries. A missing section is
 * `sections/missing`'s job. Drafts often start with an empty timeline, so it is only info there.
 */
export const timelineMissing: Rule = {
  code: 'timeline/missing',
  defaultSeverity: 'warning',
  description: 'The Timeline section lists the incident\'s events, one list item (or `| Time | Event |` row) per entry; entries written as timed paragraphs or headings are pointed to `postmortem convert`.',
  check({ doc, status, report }) {
    for (const section of timelineSections(doc)) {
      if (entriesOf(doc, section).length > 0) continue;
      const other = entryLikeLines(doc.lines, section.headingLine + 1, section.endLine);
      report({
        range: section.headingRange,
        severity: status === 'draft' ? 'info' : undefined,
        message: other.length
          ? `Expected timeline entries under "${section.title}" as list items like \`- 2026-11-20 14:09Z Pager alert\`; found ${other.length} line${other.length === 1 ? '' : 's'} written as entries in another form (line ${other.slice(0, 3).map((l) => l + 1).join(', ')}${other.length > 3 ? ', …' : ''}), which are not read: run "Post-mortem: Convert to Standard Format" (or \`postmortem convert FILE\`) to turn them into entries`
          : `Expected timeline entries under "${section.title}", as a list like \`- 2026-11-20 14:09Z [detected] Pager alert\` or a \`| Time | Event |\` table, found none`,
      });
    }
  },
};
