import type { PostmortemDocument, SectionUnit, TimelineEntry } from '../../document/model';
import type { RuleReport } from '../../lint/rule';
import type { TimelineStamp } from '../../timeline/entryGrammar';
import type { RawTimelineEntry } from '../../timeline/extract';
import { TimelineResolver } from '../../timeline/resolve';
import { abbreviationOutOfSeason } from '../../time/outOfSeason';
import type { TextEdit } from '../../types';
import type { Plan } from './notUtc';
import { assumedDates, dateChains, readingsOf } from './assumedDates';
import { carriedReadings } from './carriedReading';
import { nextDayReadings } from './nextDayReading';
import { formatEntryStamp, isUtcZone, timelineContext } from './shared';
import { headerDisagreement, headerZoneEdits } from './tableHeaderZone';

export type StampEdit = (doc: PostmortemDocument, entry: TimelineEntry, newText: string) => TextEdit;

interface Rewrite {
  readonly entry: TimelineEntry;
  readonly raw: RawTimelineEntry;
  readonly edit: TextEdit;
}

/**
 * The one diagnostic (on the Timeline heading) for entries read in the front matter's `timezone`:
 * writing local times with `timezone:` is a documented choice, so a long timeline gets one warning,
 * not one per entry. Its fix converts them all at once, and is checked to keep every entry's time
 * (re-resolving the rewritten timeline); when the light rewrite would not, every converted stamp
 * gets its date and every later time-only entry its current date, which always reads the same.
 */
export function zoneWideReport(
  doc: PostmortemDocument, section: SectionUnit, entries: readonly TimelineEntry[], raws: readonly RawTimelineEntry[],
  plans: readonly Plan[], stampEdit: StampEdit,
): RuleReport {
  const edits = zoneWideEdits(doc, raws, entries, plans, stampEdit);
  // A table's "Time (IST)" header over the converted times says UTC after the fix.
  const header = headerZoneEdits(doc, entries, new Set(plans.map((p) => p.entry)), (e) => e.localTimeIssue !== undefined || (e.zoneWritten === true && !isUtcZone(e.zone)));
  for (const e of header) edits.push(e);
  const first = plans[0];
  const count = plans.length;
  const skipped = entries.filter((e) => e.localTimeIssue && !e.zoneWritten).length;
  const found = doc.lines.lineText(first.entry.line).slice(first.entry.stampRange!.start.character, first.entry.stampRange!.end.character);
  // `timezone: CEST` with a January entry: read as written (UTC+2), but maybe an hour off.
  const season = plans.map((p) => abbreviationOutOfSeason(doc.timezone, p.entry.instant!)).find((note) => note !== undefined);
  // A table header that names another zone ("Time (UTC)" over rows read as Asia/Kolkata): say so, and
  // leave the conversion to the person (fix-all would move every time by the difference).
  const clash = headerDisagreement(doc, plans.map((p) => p.entry), String(doc.timezone));
  const disagree = clash ? `; but the table header on line ${clash.line + 1} says "${clash.text}": check which is right (not converted by fix-all)` : '';
  // Times read on the next day (timeline/next-day) or on the day of an entry in another zone
  // (timeline/carried-date) are written down with that date: the title says so, and when a reading
  // is in doubt, Fix All leaves the conversion to the person.
  const assumed = assumedDates(doc, readingsOf({ nextDay: nextDayReadings(entries), carried: carriedReadings(entries) }, dateChains(entries), rewrittenBy(plans)));
  const left = skipped ? `; ${skipped} ${skipped === 1 ? 'entry' : 'entries'} at a DST change ${skipped === 1 ? 'is' : 'are'} left for you to write in UTC` : '';
  return {
    range: section.headingRange,
    message: `${count} timeline ${count === 1 ? 'entry is' : 'entries are'} in ${doc.timezone} time (the front matter's \`timezone\`); expected UTC, like ${first.newText} for ${found} on line ${first.entry.line + 1}${left}${season ? ` (${season})` : ''}${disagree}${assumed?.heldBack ? `; not converted by Fix All while ${assumed.heldBack}` : ''}`,
    fixes: [{
      title: `Convert ${count} ${count === 1 ? 'entry' : 'entries'} from ${doc.timezone} to UTC${header.length ? ` (and the table header${header.length === 1 ? '' : 's'} to say UTC)` : ''}${assumed ? ` (${assumed.note})` : ''}`,
      edits,
      isPreferred: !clash && !assumed?.suspect,
      readsZone: { zone: doc.timezone, said: `read ${count} timeline ${count === 1 ? 'time' : 'times'} without a zone as ${doc.timezone}, the front matter's timezone (${found} on line ${first.entry.line + 1} → ${first.newText})` },
      // `lint --fix` says what it wrote: an out-of-season `timezone:` is converted as written, maybe an hour off.
      ...(assumed || season ? { note: [assumed?.fixNote, season && `converted: ${season}`].filter(Boolean).join('; ') } : {}),
    }],
    // Ctrl+. on any of the entries finds the fix too, not only on the heading.
    fixesAlsoAt: plans.map((p) => p.entry.range),
  };
}

/**
 * The edits converting the planned entries (read in `doc.timezone`) to UTC, checked to keep every
 * entry's time; when the light rewrite would not, the always-exact dated rewrite.
 */
export function zoneWideEdits(
  doc: PostmortemDocument, raws: readonly RawTimelineEntry[], entries: readonly TimelineEntry[], plans: readonly Plan[], stampEdit: StampEdit,
): TextEdit[] {
  const rewrites = new Map<number, Rewrite>();
  for (const plan of plans) rewrites.set(plan.index, { entry: plan.entry, raw: plan.raw, edit: stampEdit(doc, plan.entry, plan.newText) });
  for (const plan of plans) {
    for (const pin of plan.pins) {
      if (rewrites.has(pin.index)) continue;
      // A row with a Date column takes its pinned date there (stampEdit splits it), not in its Time cell.
      const edit = pin.converted || pin.entry.dateCell ? stampEdit(doc, pin.entry, pin.newText) : { range: pin.entry.stampRange!, newText: pin.newText };
      rewrites.set(pin.index, { entry: pin.entry, raw: pin.raw, edit });
    }
  }
  return keepsEveryInstant(doc, raws, entries, rewrites) ? [...rewrites.values()].map((r) => r.edit) : datedRewrites(doc, raws, entries, plans, stampEdit);
}

/** Resolve the timeline with `rewrites` applied and compare every instant with today's reading. */
function keepsEveryInstant(doc: PostmortemDocument, raws: readonly RawTimelineEntry[], entries: readonly TimelineEntry[], rewrites: ReadonlyMap<number, { raw: RawTimelineEntry }>): boolean {
  const resolver = new TimelineResolver(timelineContext(doc));
  return raws.every((raw, i) => {
    const after = resolver.next(rewrites.get(i)?.raw ?? raw, 0).instant;
    return entries[i].instant === undefined || after === entries[i].instant;
  });
}

/** The always-exact rewrite: converted stamps with their dates, later time-only entries pinned to the date they read as now. */
function datedRewrites(doc: PostmortemDocument, raws: readonly RawTimelineEntry[], entries: readonly TimelineEntry[], plans: readonly Plan[], stampEdit: StampEdit): TextEdit[] {
  const converted = new Set(plans.map((p) => p.index));
  const edits: TextEdit[] = [];
  const walk = new TimelineResolver(timelineContext(doc));
  let afterFirst = false;
  for (const [i, raw] of raws.entries()) {
    const entry = entries[i];
    walk.next(raw, 0);
    if (converted.has(i)) {
      edits.push(stampEdit(doc, entry, formatEntryStamp(entry, raw, true)));
      afterFirst = true;
      continue;
    }
    const stamp: TimelineStamp | undefined = raw.parsed.stamp;
    if (!afterFirst || entry.instant === undefined || !stamp || stamp.date || raw.cellDate || !entry.stampRange) continue;
    const date = walk.carried;
    if (!date) continue;
    const written = raw.text.slice(stamp.start, stamp.end);
    const newText = `${date.year}-${pad(date.month)}-${pad(date.day)} ${written}`;
    edits.push(entry.dateCell ? stampEdit(doc, entry, newText) : { range: entry.stampRange, newText });
  }
  return edits;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The entries the planned conversion rewrites (converted, or pinned to the date they read as). */
export function rewrittenBy(plans: readonly Plan[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const p of plans) {
    entries.push(p.entry);
    for (const pin of p.pins) entries.push(pin.entry);
  }
  return entries;
}
