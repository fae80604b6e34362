import type { TimelineEntry } from '../document/model';
import { zonedToUtc, zoneOffsetMinutes } from '../time/zones';
import type { RawTimelineEntry } from './extract';

export interface TimelineContext {
  /** IANA zone (front matter `timezone`) applied to times written without a zone. */
  readonly timezone: string;
  /** `started_at` in epoch ms: gives the date to leading entries written with a time only. */
  readonly startedAt?: number;
}

/** The local calendar date of `ms` in `zone`, used to carry a date forward to time-only entries. */
function localDate(ms: number, zone: string): { year: number; month: number; day: number } {
  const offset = zoneOffsetMinutes(zone, ms) ?? 0;
  const d = new Date(ms + offset * 60000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Turns raw entries (lines relative to their section) into dated UTC entries at absolute lines. */
export function resolveTimeline(raw: readonly RawTimelineEntry[], sectionStartLine: number, ctx: TimelineContext): TimelineEntry[] {
  let carriedDate = ctx.startedAt !== undefined ? localDate(ctx.startedAt, ctx.timezone) : undefined;
  return raw.map((r) => {
    const line = r.line + sectionStartLine;
    const { stamp } = r.parsed;
    const base = {
      line,
      range: { start: { line, character: 0 }, end: { line, character: r.lineLength } },
      textStart: r.textStart,
      text: r.text,
      form: r.form,
      milestones: r.parsed.milestones,
      source: r.parsed.source,
      description: r.parsed.description,
      zone: stamp?.zone ?? ctx.timezone,
      zoneWritten: stamp?.zone !== undefined,
      dateInherited: !stamp?.date,
    };
    if (!stamp) {
      return { ...base, problem: r.parsed.stampProblem ?? 'Expected the entry to start with a time, as "YYYY-MM-DD HH:MMZ"' };
    }
    const stampRange = {
      start: { line, character: r.textStart + stamp.start },
      end: { line, character: r.textStart + stamp.end },
    };
    const date = stamp.date ?? carriedDate;
    if (!date) {
      return { ...base, stampRange, problem: 'Expected a date on the first timeline entry (or `started_at` in the front matter) to date this time' };
    }
    const instant = zonedToUtc({ ...date, hour: stamp.hour, minute: stamp.minute, second: stamp.second }, base.zone);
    if (instant === undefined) {
      return { ...base, stampRange, problem: `Expected a known time zone, found "${base.zone}"` };
    }
    carriedDate = date;
    return { ...base, stampRange, instant };
  });
}
