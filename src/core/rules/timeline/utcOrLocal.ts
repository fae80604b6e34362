import { isYamlBroken } from '../../document/frontMatter';
import type { PostmortemDocument, SectionUnit, TimelineEntry } from '../../document/model';
import type { Rule } from '../../lint/rule';
import { parseInstant } from '../../time/instant';
import { canonicalZone } from '../../time/writerZone';
import { formatUtcTime, zoneOffsetMinutes } from '../../time/zones';
import { resolveTimeline } from '../../timeline/resolve';
import type { Fix, TextEdit } from '../../types';
import { planRewrites } from './notUtc';
import { stampEdit } from './stampRewrite';
import { entriesOf, formatStamp, isUtcZone, timelineSections, timezoneLineEdit } from './shared';
import { statedZone, whyNoZone } from './statedZone';
import { rewrittenBy, zoneWideEdits } from './zoneWideFix';
import { assumedDates, dateChains, readingsOf } from './assumedDates';
import { carriedReadings } from './carriedReading';
import { nextDayReadings } from './nextDayReading';

/**
 * The zone trap: the front matter says `timezone: UTC` (or says no `timezone:` at all, which reads
 * as UTC by default), the timeline holds times written without a zone, and the person writing
 * lives in another zone. People type times as they lived them, so
 * those may be local times read as UTC, every one hours off, with nothing reported. Only the writer
 * knows, so the rule asks once (on the Timeline heading, its fixes also offered on each entry's
 * line) and offers both answers, each naming its zone: the times are UTC (write the `Z`), or they
 * are the writer's zone (convert them to UTC, and say `timezone:` so). Neither is applied by
 * fix-all: it would be a guess. The writer's zone comes from the host (LintOptions.writerZone).
 */
export const timelineUtcOrLocal: Rule = {
  code: 'timeline/utc-or-local',
  defaultSeverity: 'warning',
  description: "With `timezone: UTC` or no `timezone:` (UTC by default), timeline times written without a zone while the writer's zone is not UTC (the editor: `postmortem.zone`, else the machine's; the CLI: the process's, `TZ` included): one warning on the Timeline heading with two fixes, \"these are UTC (add Z)\" and \"these are <your zone> (convert to UTC)\"; neither is applied by fix-all.",
  check({ doc, report, writerZone }) {
    const zone = writerZone && canonicalZone(writerZone);
    const reads = readsAsUtc(doc);
    if (!zone || isUtcZone(zone) || !reads) return;
    for (const section of timelineSections(doc)) {
      const entries = entriesOf(doc, section);
      const zoneless = entries.filter((e) => !e.zoneWritten && e.instant !== undefined && e.stampRange);
      if (zoneless.length === 0) continue;
      // The writer's zone may not differ from UTC at these dates (Europe/London in winter): no trap then.
      if (zoneless.every((e) => zoneOffsetMinutes(zone, e.instant!) === 0)) continue;
      // The Timeline says UTC in its own words ("## Timeline (UTC)", "All times UTC.", a `Time (UTC)`
      // column): the writer has answered, so nothing is asked (trial19c F4: asked on every run, with
      // fixes to add Z or convert as local). `timezone: UTC` alone is no such answer: the template
      // writes it, and local times under it are the trap this rule is for.
      const stated = statedZone(doc, section, zoneless);
      if (stated && isUtcZone(stated.zone)) continue;
      const asLocal = convertFromZone(doc, section, zone);
      const first = zoneless[0];
      const local = asLocal?.entries.find((e) => e.line === first.line)?.instant;
      const written = doc.lines.lineText(first.line).slice(first.stampRange!.start.character, first.stampRange!.end.character);
      const example = local === undefined ? '' : `: ${written} on line ${first.line + 1} is ${formatUtcTime(first.instant!)}Z if UTC, ${formatUtcTime(local)}Z if ${zone}`;
      const n = zoneless.length;
      const times = `${n} ${n === 1 ? 'time' : 'times'}`;
      const fixes: Fix[] = [{ title: `These are UTC: add Z to the ${times} (${timesOf(zoneless)})`, edits: zoneless.map((e) => stampEdit(doc, e, formatStamp(e.instant!, !e.dateInherited))) }];
      // The zone the Timeline names in words ("Time (PDT)", "All times CET"), as timeline/zone-note reads it: `stated` above.
      const statedIana = stated?.iana && !isUtcZone(stated.iana) ? stated.iana : undefined;
      if (stated && statedIana && statedIana !== zone) {
        const asStated = convertFromZone(doc, section, statedIana);
        if (asStated && asStated.converted > 0) fixes.push({ title: `These are ${statedIana}, as "${stated.text}" says: ${convertTitle(asStated, statedIana)}`, edits: asStated.edits });
      }
      if (asLocal && asLocal.converted > 0) fixes.push({ title: `These are ${zone}: ${convertTitle(asLocal, zone)}`, edits: asLocal.edits });
      const where = stated?.header ? "the time column's header" : 'the note';
      const says = !stated ? '' : statedIana ? ` (${where} "${stated.text}" says ${statedIana})` : ` (${where} "${stated.text}" names no one zone: ${whyNoZone(stated)})`;
      report({
        range: section.headingRange,
        message: `Expected timeline times with a zone: ${times} ${n === 1 ? 'has' : 'have'} none, so ${reads === 'stated' ? `\`timezone: ${String(doc.meta.timezone)}\` reads ${n === 1 ? 'it' : 'them'}` : `with no \`timezone:\` ${n === 1 ? 'it is' : 'they are'} read`} as UTC, while you write in ${zone}${says}${example}. Say which they are`,
        fixes,
        fixesAlsoAt: zoneless.map((e) => e.range),
      });
    }
  },
};

/**
 * Whether zone-less times are read as UTC: 'stated' when the front matter says `timezone: UTC` (or
 * Etc/UTC, GMT, …), 'default' when it has no `timezone:` (UTC is the documented default, which the
 * writer may never have chosen). Broken YAML: unknown, yaml/syntax speaks first.
 */
function readsAsUtc(doc: PostmortemDocument): 'stated' | 'default' | undefined {
  if (isYamlBroken(doc.frontMatter)) return undefined;
  const tz = doc.meta.timezone;
  if (tz === undefined || tz === null) return 'default';
  return typeof tz === 'string' && isUtcZone(tz) ? 'stated' : undefined;
}

/** "convert 4 to UTC and set timezone: Europe/Berlin; 1 at a DST change left for you; assuming 00:10 on line 15 is the next day, …". */
function convertTitle(converted: { converted: number; skipped: number; assumed: string | undefined }, zone: string): string {
  const left = converted.skipped ? `; ${converted.skipped} at a DST change left for you` : '';
  return `convert ${converted.converted} to UTC and set timezone: ${zone}${left}${converted.assumed ? `; ${converted.assumed}` : ''}`;
}

/** "14:09, 14:21, … UTC" — the first few stamps, so the choice is concrete. */
function timesOf(entries: readonly TimelineEntry[]): string {
  const shown = entries.slice(0, 3).map((e) => formatUtcTime(e.instant!));
  return `${shown.join(', ')}${entries.length > 3 ? ', …' : ''} UTC`;
}

/**
 * The timeline read as if `timezone` were the writer's zone, and the edits that convert its
 * zone-less times to UTC from there (the same exact conversion as timeline/not-utc), plus the
 * `timezone:` line, so times left unconverted (at a DST change) are read as what they are.
 */
function convertFromZone(doc: PostmortemDocument, section: SectionUnit, zone: string): { edits: TextEdit[]; entries: TimelineEntry[]; converted: number; skipped: number; assumed: string | undefined } | undefined {
  const raws = section.rawTimeline;
  const tzEdit = timezoneLineEdit(doc, zone);
  if (!raws) return undefined;
  const startedAt = parseInstant(doc.meta.started_at, zone)?.ms;
  const entries = resolveTimeline(raws, section.startLine, { timezone: zone, ...(startedAt !== undefined ? { startedAt } : {}) });
  const inSection = new Set(entries.map((e) => e.line));
  const asLocal: PostmortemDocument = { ...doc, timezone: zone, timeline: [...doc.timeline.filter((e) => !inSection.has(e.line)), ...entries] };
  const { plans } = planRewrites(asLocal, section, entries);
  const zoneless = plans.filter((p) => !p.entry.zoneWritten);
  const skipped = entries.filter((e) => e.localTimeIssue && !e.zoneWritten).length;
  // No front matter to hold `timezone:`: the reading still names both instants, but no conversion is offered.
  if (zoneless.length === 0 || !tzEdit) return { edits: [], entries, converted: 0, skipped, assumed: undefined };
  // Read in this zone, a time may land on the next day (timeline/next-day), or on the day an entry
  // written in another zone has in this one (timeline/carried-date): the title says so.
  const assumed = assumedDates(asLocal, readingsOf({ nextDay: nextDayReadings(entries), carried: carriedReadings(entries) }, dateChains(entries), rewrittenBy(zoneless)))?.note;
  return { edits: [tzEdit, ...zoneWideEdits(asLocal, raws, entries, zoneless, stampEdit)], entries, converted: zoneless.length, skipped, assumed };
}
