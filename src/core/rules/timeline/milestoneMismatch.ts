import type { Rule } from '../../lint/rule';
import type { PostmortemDocument } from '../../document/model';
import { parsePostmortem, type ParseOptions } from '../../document/parse';
import { misspeltZoneKey } from '../frontMatter/misspeltKey';
import { formatIsoUtc, offsetAtInstant } from '../../time/zones';
import { frontMatterTimes, type TimeKey } from '../time/frontMatterTimes';
import { formatStamp, isUtcZone } from './shared';
import { stampEdit } from './stampRewrite';
import { knownInstant } from '../../timeline/knownInstant';
import { markedEntries, orderClash, timeFromTimeline } from '../time/timeFromTimeline';

const MARKED = ['started', 'detected', 'mitigated', 'resolved'] as const;

/**
 * A `[detected]` (`[started]`, `[mitigated]`, `[resolved]`) entry whose time differs from the front
 * matter's `detected_at` (…) by a minute or more. The timeline is taken as the source of truth: it is
 * the detailed record written from alerts and chat logs, and the front-matter times summarise it for
 * the metrics. So the fix sets the front-matter value — but it is not applied automatically, because
 * a mistyped entry is just as likely and a person should look.
 */
export const timelineMilestoneMismatch: Rule = {
  code: 'timeline/milestone-mismatch',
  defaultSeverity: 'warning',
  description: 'A [detected]/[mitigated]/[resolved] timeline entry and the matching front-matter time (detected_at, …) agree to the minute; in a draft, a marked entry\'s time missing from the front matter is noted (info).',
  check({ doc: written, status, report, config }) {
    // A misspelt `timzone:` names the zone the fix will read times without a zone in once the key is
    // renamed: advise with that reading, not the default UTC's (trial18c F11: "update detected_at" to
    // 23:47Z while --fix read the same entry as Asia/Kathmandu, 18:02Z).
    const misspelt = misspeltZoneKey(written);
    const doc = misspelt ? rereadIn(written, misspelt.zone, config.sectionAliases) : written;
    const reading = misspelt ? ` (times without a zone read as ${misspelt.zone}, which the misspelt \`${misspelt.key}:\` names: they are read so once it is renamed)` : '';
    const times = frontMatterTimes(doc);
    for (const milestone of MARKED) {
      const key = `${milestone}_at` as TimeKey;
      const time = times.get(key);
      const entry = doc.timeline.find((e) => e.milestones.includes(milestone) && e.instant !== undefined);
      // A draft without the key: the metrics have no time for this milestone, though the timeline has
      // one (from in-review on, schema/required reports the missing key with the same fix).
      // A key written with a value no reader takes (a DST gap or repeat, a day that does not exist) is
      // schema/format's error, not "found none"; nothing is compared with a guess at it (trial13a F19).
      const marked = markedEntries(doc, milestone).filter((e) => e.stampRange && knownInstant(e) !== undefined);
      if (!time && status === 'draft' && marked.length > 1 && !isWritten(doc.frontMatter?.data?.[key])) {
        // Two entries marked [resolved] and no resolved_at: no time to copy, and nothing said — the
        // metrics had no MTTR and the review deadline never started (trial18a F4). Which one ends
        // it is the writer's call: one fix per entry, none preferred.
        // A fix for the first few only: each reads the front matter and the timeline again, so a fix per
        // entry of a pasted log with thousands of marks was quadratic (review18 R3).
        const fixes = marked.slice(0, MAX_CHOICES).flatMap((e) => timeFromTimeline(doc, key, e)?.fix ?? []);
        report({
          range: marked[0]!.stampRange!,
          severity: 'info',
          message: `Expected \`${key}\` in the front matter, found none; ${marked.length} timeline entries are marked [${milestone}] (lines ${listLines(marked)}), so the metrics have no time for it: set \`${key}\` to the one that counts and leave the mark on that entry only`,
          ...(fixes.length ? { fixes } : {}),
        });
        continue;
      }
      if (!time && status === 'draft' && entry?.stampRange && !isWritten(doc.frontMatter?.data?.[key])) {
        const fill = timeFromTimeline(doc, key);
        if (fill) report({ range: entry.stampRange, severity: 'info', message: `Expected \`${key}\` in the front matter, found none; the timeline marks this entry [${milestone}] but the metrics read \`${key}\`${fill.refused ?? fill.doubt ?? ''}`, ...(fill.fix ? { fixes: [fill.fix] } : {}) });
        continue;
      }
      // An entry at a time a DST change skips or repeats has no single instant to compare (timeline/ambiguous-time).
      const instant = entry && knownInstant(entry);
      // A second [resolved] entry at another time than the one `resolved_at` matches counted nowhere,
      // and nothing said so (trial18a F4): each such entry is named.
      if (time && marked.length > 1) {
        const matching = marked.find((e) => Math.abs(knownInstant(e)! - time.parsed.ms) < 60000);
        if (matching) {
          for (const other of marked) {
            if (Math.abs(knownInstant(other)! - time.parsed.ms) < 60000) continue;
            report({
              range: other.stampRange!,
              severity: 'info',
              message: `Expected one [${milestone}] entry, found ${marked.length}: \`${key}\` (${formatStamp(time.parsed.ms)}) is the one on line ${matching.line + 1}, so this one at ${formatStamp(knownInstant(other)!)} counts nowhere; remove its mark, or move \`${key}\` here if this is when it happened`,
              related: [{ range: time.range, message: `\`${key}\` in the front matter` }],
            });
          }
          continue;
        }
      }
      if (!time || !entry?.stampRange || instant === undefined || Math.abs(instant - time.parsed.ms) < 60000) continue;
      const value = formatIsoUtc(instant);
      const written = doc.text.slice(doc.lines.offsetAt(time.range.start), doc.lines.offsetAt(time.range.end));
      const quote = /^["']/.test(written) ? written[0] : '';
      // The value would break started ≤ detected ≤ mitigated ≤ resolved: a time/order error once
      // applied, offered without a word (trial18a F13), as the missing-key fix already says it.
      const clash = orderClash(doc, key, instant);
      const others = marked.length > 1 ? `; ${marked.length} entries are marked [${milestone}] (lines ${listLines(marked)}), this is the first` : '';
      // The entry has no date of its own and the front-matter value is the same time of day a whole
      // number of days later (or earlier): the entry took the day of the entry above (a day heading
      // not written, a midnight crossed), and only its date is missing — "update detected_at" would
      // advise a time days off (trial19c F7).
      const shift = entry.dateInherited ? wholeDaysApart(instant, time.parsed.ms, entry.zone) : 0;
      if (shift !== 0) {
        const days = `${Math.abs(shift)} ${Math.abs(shift) === 1 ? 'day' : 'days'}`;
        const dated = formatStamp(time.parsed.ms);
        const canWrite = isUtcZone(entry.zone) && entry.rangeEndInstant === undefined && !entry.dateCell;
        report({
          range: entry.stampRange,
          message: `Expected the [${milestone}] entry to match \`${key}\` (${formatStamp(time.parsed.ms)}), found ${formatStamp(instant)}: the same time of day, ${days} ${shift > 0 ? 'earlier' : 'later'}. The entry has no date and took the day of the entry above${entry.nextDay ? ' (read as the next day)' : ''}; if it is on ${dated.slice(0, 10)}, as \`${key}\` says, write its date (or a day sub-heading, \`### ${dated.slice(0, 10)}\`, above it)${reading}${others}`,
          related: [{ range: time.range, message: `\`${key}\` in the front matter` }],
          fixes: [
            ...(canWrite ? [{ title: `Write the entry's date: ${dated}, as \`${key}\` says`, edits: [stampEdit(doc, entry, dated)] }] : []),
            { title: `Set ${key} to ${value} (from the timeline)${clash ? `; check it: ${clash}` : ''}`, edits: [{ range: time.range, newText: `${quote}${value}${quote}` }] },
          ],
        });
        continue;
      }
      report({
        range: entry.stampRange,
        message: `Expected the [${milestone}] entry to match \`${key}\` (${formatStamp(time.parsed.ms)}), found ${formatStamp(instant)}; the timeline is the detailed record, so update \`${key}\` unless this entry's time is wrong${reading}${others}`,
        related: [{ range: time.range, message: `\`${key}\` in the front matter` }],
        fixes: [{ title: `Set ${key} to ${value} (from the timeline)${clash ? `; check it: ${clash}` : ''}`, edits: [{ range: time.range, newText: `${quote}${value}${quote}` }] }],
      });
    }
  },
};

/** The document read with times without a zone in `zone` (same text, so the same ranges), once per document. */
const reread = new WeakMap<PostmortemDocument, PostmortemDocument>();
function rereadIn(doc: PostmortemDocument, zone: string, sectionAliases: ParseOptions['sectionAliases']): PostmortemDocument {
  let again = reread.get(doc);
  if (!again) reread.set(doc, (again = parsePostmortem(doc.text, { ...(sectionAliases ? { sectionAliases } : {}), timezone: zone })));
  return again;
}

/** A value is written unless the key is absent or left empty (`started_at:`). */
function isWritten(value: unknown): boolean {
  return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
}

/** Entries named, and offered as fixes, when several carry one milestone: the rest are counted. */
const MAX_CHOICES = 5;

/** "26 and 27", "26, 27 and 31"; past MAX_CHOICES, "26, 27, 28, 29, 30 and 7,995 more". */
function listLines(entries: readonly { line: number }[]): string {
  const lines = entries.slice(0, MAX_CHOICES).map((e) => String(e.line + 1));
  const more = entries.length - lines.length;
  if (more > 0) return `${lines.join(', ')} and ${more.toLocaleString('en-US')} more`;
  return lines.length === 1 ? lines[0]! : `${lines.slice(0, -1).join(', ')} and ${lines[lines.length - 1]}`;
}

const DAY = 86_400_000;

/**
 * How many whole days `b` is after `a` when both show the same clock time in `zone` (0 when they do
 * not, or are the same day): across a DST change the days are 23 or 25 hours.
 */
function wholeDaysApart(a: number, b: number, zone: string): number {
  const localA = a + (offsetAtInstant(zone, a) ?? 0) * 60000;
  const localB = b + (offsetAtInstant(zone, b) ?? 0) * 60000;
  const diff = localB - localA;
  return diff !== 0 && diff % DAY === 0 ? diff / DAY : 0;
}
