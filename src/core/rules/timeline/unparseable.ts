import { startLine } from '../../document/mdastUtil';
import type { PostmortemDocument, SectionUnit, TimelineEntry } from '../../document/model';
import type { Fix } from '../../types';
import type { Rule } from '../../lint/rule';
import { isTooLargeForTree } from '../../document/parse';
import { isUnknownDocumentZoneProblem, NO_DATE_PROBLEM, NO_TIME_PROBLEM } from '../../timeline/resolve';
import { isPlaceholderEntry } from '../../timeline/placeholder';
import { entriesOf, entryTextRange, timelineSections } from './shared';
import { stampEdit } from './stampRewrite';
import { withOffset } from './zoneOffsetText';

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
      // The template's example entry is timeline/placeholder's: no "no time" warning on the product's own line.
      const entries = entriesOf(doc, section).filter((e) => !isPlaceholderEntry(e));
      const undated = entries.filter((e) => e.problem === NO_DATE_PROBLEM);
      const unread = entries.filter((e) => isUnknownDocumentZoneProblem(e.problem));
      if (entries.length > 0 && entries.every((e) => e.problem === NO_TIME_PROBLEM)) {
        report({
          range: entryTextRange(entries[0]),
          message: `Expected timeline entries to start with a time, as "YYYY-MM-DD HH:MMZ", found none in ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}`,
        });
        continue;
      }
      // Only built when some entry has no time at all.
      let timedBlocks: TimedBlocks | undefined;
      for (const entry of entries) {
        if (!entry.problem) continue;
        if (entry.problem === NO_TIME_PROBLEM) {
          timedBlocks ??= blocksWithTimes(section, entries);
          if (!timedBlocks.has(entry.line)) continue;
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
        report({ range: entry.stampRange ?? entryTextRange(entry), message: saysFound ? entry.problem : `${entry.problem}, found "${clip(entry.text)}"`, ...readingFixes(doc, entry) });
      }
    }
  },
};

/** Whether the entry on a line is in a list or table of the section that has an entry with a time. */
interface TimedBlocks {
  has(line: number): boolean;
}

/**
 * The section's top-level lists and tables that hold an entry with a time, from the block number
 * each entry was read with (the same grouping the section's Markdown tree has: the line reader's is
 * held to it by test/unit/document/fastPaths.test.ts), so no tree is parsed for it. A section too
 * large for a tree keeps the spans of what it was read as.
 */
function blocksWithTimes(section: SectionUnit, entries: readonly TimelineEntry[]): TimedBlocks {
  const raws = section.rawTimeline;
  if (!raws || raws.some((r) => r.block === undefined) || isTooLargeForTree(section.text)) return spansWithTimes(section, entries);
  const blockOf = new Map<number, number | undefined>();
  for (const r of raws) blockOf.set(r.line + section.startLine, r.block);
  const timed = new Set<number | undefined>();
  for (const e of entries) if (e.stampRange) timed.add(blockOf.get(e.line));
  return { has: (line) => timed.has(blockOf.get(line)) };
}

/** Line spans (absolute) of the section tree's lists and tables that have at least one entry with a time. */
function spansWithTimes(section: SectionUnit, entries: readonly TimelineEntry[]): TimedBlocks {
  const spans: [number, number][] = [];
  for (const node of section.mdast.children) {
    if ((node.type !== 'list' && node.type !== 'table') || !node.position) continue;
    const from = startLine(node) + section.startLine;
    const to = node.position.end.line - 1 + section.startLine;
    if (entries.some((e) => e.line >= from && e.line <= to && e.stampRange)) spans.push([from, to]);
  }
  return { has: (line) => spans.some(([from, to]) => line >= from && line <= to) };
}

/**
 * `16:00 IST` under `timezone: UTC`: India's, Ireland's or Israel's. A fix per meaning writes its
 * offset (`16:00 UTC+05:30`), none preferred: only the writer knows which was meant.
 */
function readingFixes(doc: PostmortemDocument, entry: TimelineEntry): { fixes?: Fix[] } {
  const choices = entry.zoneChoices;
  if (!choices || !entry.stampRange) return {};
  const stamp = doc.lines.lineText(entry.line).slice(entry.stampRange.start.character, entry.stampRange.end.character);
  const fixes = choices.readings.map((reading): Fix | undefined => {
    const text = withOffset(stamp, choices.written, reading);
    return text === undefined ? undefined : { title: `Write the offset of ${reading.label}: ${text}`, edits: [stampEdit(doc, entry, text)], isPreferred: false };
  }).filter((f): f is Fix => f !== undefined);
  return fixes.length ? { fixes } : {};
}

function clip(text: string): string {
  const t = text.trim();
  return t.length > 40 ? `${t.slice(0, 39)}…` : t;
}
