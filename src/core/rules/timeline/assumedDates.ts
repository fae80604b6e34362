import type { PostmortemDocument, TimelineEntry } from '../../document/model';
import { formatDurationMs } from '../../time/duration';
import { dayOfEntryAbove, type CarriedReading } from './carriedReading';
import { writtenStamp, type NextDayReading } from './nextDayReading';

/** The readings of dateless times a conversion rests on: read on the next day, or on the day of an entry above written in another zone. */
export interface DateReadings {
  readonly nextDay: readonly NextDayReading[];
  readonly carried: readonly CarriedReading[];
}

/**
 * The readings a rewrite rests on: those on the entries it rewrites, and on the dateless entries
 * above each of them back to the last written date — a rewritten time's day came down that chain
 * (`22:40 UTC` read on a day in doubt, then `22:50 EST` carrying it); and the readings across zones
 * whose entry above it rewrites. `chains` numbers each entry's
 * chain (dateChains); linear in the readings and the entries rewritten, however many fixes ask.
 */
export function readingsOf(readings: DateReadings, chains: DateChains, rewritten: Iterable<TimelineEntry>): DateReadings {
  if (readings.nextDay.length === 0 && readings.carried.length === 0) return readings;
  // The last rewritten entry of each chain: a reading in that chain at or before it is rested on.
  const lastRewritten = new Map<number, number>();
  const rewrites = new Set<TimelineEntry>();
  for (const entry of rewritten) {
    rewrites.add(entry);
    const at = chains.get(entry);
    if (at && (lastRewritten.get(at.chain) ?? -1) < at.index) lastRewritten.set(at.chain, at.index);
  }
  const restedOn = (entry: TimelineEntry) => {
    const at = chains.get(entry);
    return at !== undefined && at.index <= (lastRewritten.get(at.chain) ?? -1);
  };
  // Rewriting the entry above a reading across zones rewrites the date written there, the other
  // reading's only trace: once it is UTC too, the doubt would vanish without a word.
  return {
    nextDay: readings.nextDay.filter((r) => restedOn(r.entry)),
    carried: readings.carried.filter((r) => restedOn(r.entry) || (r.previous !== undefined && rewrites.has(r.previous))),
  };
}

/** Each entry's index in its section and its date chain: the entries from one with a written date to the next. */
export type DateChains = ReadonlyMap<TimelineEntry, { readonly index: number; readonly chain: number }>;

export function dateChains(entries: readonly TimelineEntry[]): DateChains {
  const chains = new Map<TimelineEntry, { index: number; chain: number }>();
  let chain = 0;
  for (const [index, entry] of entries.entries()) {
    if (!entry.dateInherited) chain++;
    chains.set(entry, { index, chain });
  }
  return chains;
}

/**
 * What a fix title adds when the times it converts rest on such a reading: "assuming 00:50 on line
 * 15 is the next day, 2026-12-02". `suspect` when any of them is in doubt (a typo, a day across
 * zones that puts the time before the entry above or long after it): such a fix is then not applied
 * by Fix All / `--fix` (it would write the guess down as fact); `heldBack` says why, for the message.
 */
export function assumedDates(doc: PostmortemDocument, readings: DateReadings): { note: string; fixNote: string; suspect: boolean; heldBack?: string } | undefined {
  const { nextDay, carried } = readings;
  if (nextDay.length === 0 && carried.length === 0) return undefined;
  const parts: string[] = [];
  const fixParts: string[] = [];
  if (nextDay.length > 0) {
    const first = nextDay[0];
    const what = nextDay.length === 1
      ? `${writtenStamp(doc, first.entry)} on line ${first.entry.line + 1} is the next day, ${first.date}`
      : `the next day for ${nextDay.length} times without a date (lines ${lines(nextDay)})`;
    parts.push(what);
    fixParts.push(`${what} (its clock is more than 12 hours earlier than the entry above's, so past midnight)`);
  }
  if (carried.length > 0) {
    const first = carried[0];
    const what = carried.length === 1
      ? `${writtenStamp(doc, first.entry)} on line ${first.entry.line + 1} is on ${first.date}, ${dayOfEntryAbove(doc, first)}`
      : `${carried.length} times without a date after entries written in another zone (lines ${lines(carried)}) are on the day of the entry above in their own zone`;
    parts.push(what);
    fixParts.push(carried.length === 1 ? `${what}, not ${first.asWritten}, which the date written there gives` : `${what}, not on the date written there (timeline/carried-date)`);
  }
  const typo = nextDay.find((r) => r.suspect);
  const doubt = carried.find((r) => r.suspect);
  const check = typo
    ? `; check it, the gap before it is ${formatDurationMs(typo.gapMs!)}: not applied by Fix All`
    : doubt ? `; check it, ${doubtOf(doubt)}: not applied by Fix All` : '';
  const heldBack = typo
    ? 'a time read as the next day may be a typo (timeline/next-day)'
    : doubt ? 'the day of a time after an entry written in another zone is in doubt (timeline/carried-date)' : undefined;
  // What `lint --fix` prints once it has applied the conversion (the date is then written, so no diagnostic is left to say it).
  const fixNote = `converted assuming ${fixParts.join(', and ')}; if a time is a typo, correct it`;
  return { note: `assuming ${parts.join(', and ')}${check}`, fixNote, suspect: !!typo || !!doubt, ...(heldBack ? { heldBack } : {}) };
}

function lines(readings: readonly { entry: TimelineEntry }[]): string {
  return `${readings.slice(0, 3).map((r) => r.entry.line + 1).join(', ')}${readings.length > 3 ? ', …' : ''}`;
}

function doubtOf(r: CarriedReading): string {
  if (r.gapMs === undefined) return 'the entry above has no time';
  return r.gapMs < 0 ? `it then comes ${formatDurationMs(-r.gapMs)} before the entry above` : `the gap before it is ${formatDurationMs(r.gapMs)}`;
}
