import { startLine } from '../../document/mdastUtil';
import type { SectionUnit, TimelineEntry } from '../../document/model';
import type { Rule } from '../../lint/rule';
import { isUnknownDocumentZoneProblem, NO_DATE_PROBLEM, NO_TIME_PROBLEM } from '../../timeline/resolve';
import { entriesOf, entryTextRange, timelineSections } from './shared';

/**
 * Entries whose time cannot be read: no leading time, an impossible time ("25:00"), a date without a
 * time, an unknown zone. When the first entries have a time but nothing gives them a date (no date
 * written, no `started_at`), that is said once, on the first of them, not on every entry.
 *
 * Real timelines often hold a list of notes among the timed lists (contributing factors, a list of
 * commands run). An entry with no time at all is reported only when its own list has timed entries;
 * when no entry of the section has a time, that is said once, on the first entry.
 */
export const timelineUnparseable: Rule = {
  code: 'timeline/unparseable',
  defaultSeverity: 'warning',
  description: 'Every timeline entry starts with a time the tools can read, like `2026-11-20 14:09Z` or `14:09` after a dated entry.',
  check({ doc, report }) {
    for (const section of timelineSections(doc)) {
      const entries = entriesOf(doc, section);
      const undated = entries.filter((e) => e.problem === NO_DATE_PROBLEM);
      const unread = entries.filter((e) => isUnknownDocumentZoneProblem(e.problem));
      if (entries.length > 0 && entries.every((e) => e.problem === NO_TIME_PROBLEM)) {
        report({
          range: entryTextRange(entries[0]),
          message: `Expected timeline entries to start with a time, as "YYYY-MM-DD HH:MMZ", found none in ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}`,
        });
        continue;
      }
      // Needs the section's Markdown tree: only built when some entry has no time at all.
      let timedBlocks: [number, number][] | undefined;
      for (const entry of entries) {
        if (!entry.problem) continue;
        if (entry.problem === NO_TIME_PROBLEM) {
          timedBlocks ??= blocksWithTimes(section, entries);
          if (!timedBlocks.some(([from, to]) => entry.line >= from && entry.line <= to)) continue;
        }
        // An unknown `timezone:` makes every time without a zone unreadable: said once, on the first.
        if (isUnknownDocumentZoneProblem(entry.problem)) {
          if (entry !== unread[0]) continue;
          const more = unread.length > 1 ? ` (and ${unread.length - 1} more ${unread.length === 2 ? 'entry' : 'entries'} without a zone not read)` : '';
          report({ range: entry.stampRange ?? entryTextRange(entry), message: `${entry.problem}${more}` });
          continue;
        }
        if (entry.problem === NO_DATE_PROBLEM) {
          if (entry !== undated[0]) continue;
          const more = undated.length > 1 ? ` (${undated.length - 1} more time-only ${undated.length === 2 ? 'entry follows' : 'entries follow'} it)` : '';
          report({ range: entry.stampRange ?? entryTextRange(entry), message: `${NO_DATE_PROBLEM}, found a time without a date${more}` });
          continue;
        }
        const saysFound = entry.stampRange || /, found /.test(entry.problem);
        report({ range: entry.stampRange ?? entryTextRange(entry), message: saysFound ? entry.problem : `${entry.problem}, found "${clip(entry.text)}"` });
      }
    }
  },
};

/** Line spans (absolute) of the section's lists and tables that have at least one entry with a time. */
function blocksWithTimes(section: SectionUnit, entries: readonly TimelineEntry[]): [number, number][] {
  const spans: [number, number][] = [];
  for (const node of section.mdast.children) {
    if ((node.type !== 'list' && node.type !== 'table') || !node.position) continue;
    const from = startLine(node) + section.startLine;
    const to = node.position.end.line - 1 + section.startLine;
    if (entries.some((e) => e.line >= from && e.line <= to && e.stampRange)) spans.push([from, to]);
  }
  return spans;
}

function clip(text: string): string {
  const t = text.trim();
  return t.length > 40 ? `${t.slice(0, 39)}…` : t;
}
