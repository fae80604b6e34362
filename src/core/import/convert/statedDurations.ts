import { readImpactCell } from '../../impact/impactCell';
import type { ConvertLog, SourceLine } from './model';

/**
 * Durations an original states beside its times ("Time to resolve: 1h 50m", "Duration: 16h 45m",
 * "3. Time to detection: 4 minutes"). The format derives them from the front matter's times, so the
 * converted file keeps them only as text: they are compared with the times convert wrote, and a
 * disagreement is said with both numbers (trial 12 T6: a typo'd "Resolved 2023-09-25" made a 62-day
 * resolution next to the stated 1 h 50 m, and the report only said "check they agree").
 */

/**
 * `detect`: started → detected; `mitigate`: to mitigated (else resolved); `resolve`: to resolved
 * (else mitigated); `duration` ("Duration", "Total impact duration"): the incident's or the
 * outage's length, to either end — the closest one is named.
 */
type Measure = 'detect' | 'mitigate' | 'resolve' | 'duration';

export interface StatedDuration {
  readonly line: number;
  /** As written, for the message: `"Time to resolve: 1h 50m"`. */
  readonly quoted: string;
  readonly measures: Measure;
  /** Minutes, when the value reads exactly as a duration. */
  readonly minutes?: number;
  /** Minutes the value may be off by its own rounding: 5 when written to the minute, 30 in whole hours or days. */
  readonly tolerance?: number;
  /** Why the value was not read, when it was not. */
  readonly unread?: string;
  /** Where it stands, for the message: "in the Summary", "under Impact". */
  readonly where: string;
}

const LINE = /^\s{0,3}(?:(?:\d{1,2}[.)]|[-*+])\s{1,4})?(?:\*\*|__)?([A-Za-z][A-Za-z ]{2,40}?)(?:\*\*|__)?\s{0,2}:\s{0,2}(?:\*\*|__)?\s{0,2}(\S.{0,120})$/;
const LABELS: readonly [RegExp, Measure][] = [
  [/^(?:(?:time|minutes|hours) to (?:detection|detect)|detection delay|delay (?:to|in|before) detection)$/i, 'detect'],
  [/^(?:time|minutes|hours) to (?:mitigation|mitigate|repair|recovery|recover)$/i, 'mitigate'],
  [/^(?:time|minutes|hours) to (?:resolution|resolve)$/i, 'resolve'],
  [/^(?:(?:total |incident |outage |impact |total impact |total outage |total incident )?duration|duration of (?:the )?(?:impact|outage|incident))$/i, 'duration'],
];

/**
 * A stated duration written to the minute ("2d 1h 29m", "0h 16m") is counted from the same logged
 * minutes as the times convert writes: it agrees with them exactly, or within a minute or two when
 * the writer took a neighbouring log line for an end. Five minutes covers that and a value rounded
 * to five; beyond it the two are different moments (trial18c F6: "0h 36m" beside 46m, "2d 1h 29m"
 * beside 2d 2h 33m were said to agree under the old 15 minutes or a fifth). A value in whole hours
 * or days ("Duration: 3 hours") is rounded by its writer to the hour: half an hour.
 */
const MINUTE_TOLERANCE = 5;
const HOUR_TOLERANCE = 30;

/** "5 hours 26 minutes (10:45 - 16:11 UTC)", "5 hours 26 minutes of active impact": the duration alone. */
function durationPart(value: string): string {
  return value
    .replace(/\s{0,3}\([^()]{0,80}\)$/, '')
    .replace(/\s(?:of\s)?(?:active\s|total\s|customer\s|user\s)?(?:impact|downtime|outage|degradation)$/i, '')
    .trim();
}

/** The stated durations among the first `limit` of `lines` (a Summary, the preamble, an Impact section; the whole document): label and value on one line. */
export function readStatedDurations(lines: readonly SourceLine[], limit = 400, where = 'in the Summary'): StatedDuration[] {
  const out: StatedDuration[] = [];
  for (const src of lines.slice(0, limit)) {
    if (src.text.length > 300) continue;
    const m = LINE.exec(src.text);
    const measures = m ? LABELS.find(([re]) => re.test(m[1].trim()))?.[1] : undefined;
    if (!m || !measures) continue;
    const value = m[2].replace(/<br\s*\/?>\s*$/i, '').replace(/(?:\*\*|__)\s*$/, '').trim();
    const quoted = `"${m[1].trim()}: ${value}"`;
    const plain = durationPart(value.replace(/[*_`]/g, '').replace(/\.$/, '').trim());
    // "33h 15m (during support hours 10:00-17:00 M-F)": counted in working hours, which the front matter's times cannot check.
    if (/\b(?:support|business|working|office)\s(?:hours|days)\b/i.test(value)) {
      out.push({ line: src.line, quoted, measures, where, unread: 'it counts working hours only, as the original says, and the times count every hour' });
      continue;
    }
    const reading = readImpactCell('downtime_minutes', m[1], plain);
    const inMinutes = /\d\s{0,2}(?:m|min|mins|minutes?)\b/i.test(plain) || /\d:\d\d/.test(plain);
    if (reading.kind === 'number' && !reading.note) out.push({ line: src.line, quoted, measures, minutes: reading.value, tolerance: inMinutes || reading.value % 60 !== 0 ? MINUTE_TOLERANCE : HOUR_TOLERANCE, where });
    else out.push({ line: src.line, quoted, measures, where, unread: reading.kind === 'unread' ? reading.reason : reading.kind === 'number' ? `read only by a guess: ${reading.note}` : 'no number in it' });
  }
  return out;
}

type Moment = 'started_at' | 'detected_at' | 'mitigated_at' | 'resolved_at';

/** The spans each measure is compared with: from either start (originals count from either), to its own end — another only when that one is missing; a duration to either end. */
const SPANS: Record<Measure, { readonly from: readonly Moment[]; readonly to: readonly (readonly Moment[])[]; readonly what: string }> = {
  detect: { from: ['started_at'], to: [['detected_at']], what: 'detected_at and started_at' },
  mitigate: { from: ['started_at', 'detected_at'], to: [['mitigated_at'], ['resolved_at']], what: 'mitigated_at (or resolved_at) and started_at' },
  resolve: { from: ['started_at', 'detected_at'], to: [['resolved_at'], ['mitigated_at']], what: 'resolved_at (or mitigated_at) and started_at' },
  duration: { from: ['started_at', 'detected_at'], to: [['mitigated_at', 'resolved_at']], what: 'mitigated_at or resolved_at and started_at' },
};

/** `62d 1h`, `1d 9h 14m`, `1h 50m`, `4m`: every part that is not zero, so "33h 14m" can be checked against it. */
export function formatMinutes(total: number): string {
  const m = Math.round(total);
  const parts = [[Math.floor(m / 1440), 'd'], [Math.floor((m % 1440) / 60), 'h'], [m % 60, 'm']] as const;
  const shown = parts.filter(([n]) => n > 0).map(([n, unit]) => `${n}${unit}`);
  return shown.length ? shown.join(' ') : '0m';
}

/**
 * Compares each stated duration with the front matter's times: every span the measure may mean
 * (from started_at or detected_at, to its end), and the closest is named. The same minute agrees;
 * within the value's own rounding (5 minutes, half an hour for whole hours) is said with the
 * difference; beyond it, a warning naming both.
 */
export function compareStatedDurations(stated: readonly StatedDuration[], frontMatter: Record<string, unknown>, log: ConvertLog): void {
  const at = (key: string) => (typeof frontMatter[key] === 'string' ? Date.parse(frontMatter[key] as string) : NaN);
  for (const s of stated) {
    const span = SPANS[s.measures];
    const kept = s.where === 'in the Summary' ? 'is kept in the Summary as written' : `is kept as written (${s.where})`;
    if (s.minutes === undefined) {
      log.flag('not-read', s.line, `${s.quoted} ${kept}, not compared with the times (${s.unread}); check it`);
      continue;
    }
    const ends = span.to.map((group) => group.filter((k) => !Number.isNaN(at(k)))).find((group) => group.length > 0) ?? [];
    const derived = span.from.flatMap((from) => ends.filter((to) => !Number.isNaN(at(from)) && at(to) >= at(from)).map((to) => ({ from, to, minutes: (at(to) - at(from)) / 60_000 })));
    if (derived.length === 0) {
      log.notes.push({ line: s.line, message: `${s.quoted} ${kept}; the front matter has no ${span.what} to compare it with` });
      continue;
    }
    const closest = derived.reduce((a, b) => (Math.abs(b.minutes - s.minutes!) < Math.abs(a.minutes - s.minutes!) ? b : a));
    const off = Math.round(Math.abs(closest.minutes - s.minutes));
    const named = `${formatMinutes(closest.minutes)} from ${closest.from} to ${closest.to}`;
    if (off === 0) {
      log.notes.push({ line: s.line, message: `${s.quoted} ${kept}; it agrees with the times (${named})` });
      continue;
    }
    const tolerance = s.tolerance ?? MINUTE_TOLERANCE;
    if (off <= tolerance) {
      const rounding = tolerance === HOUR_TOLERANCE ? ', which the original gives in whole hours' : '';
      log.notes.push({ line: s.line, message: `${s.quoted} ${kept}; it is within ${off} min of the times (${named}${rounding})` });
      continue;
    }
    // Some teams count working hours only: a stated duration shorter than a span over nights may still be right.
    const hours = closest.minutes > s.minutes && closest.minutes >= 1440 ? ' (if the original counts working hours only, both may be right)' : '';
    log.flag('duration-disagrees', s.line,
      `${s.quoted} disagrees with the times written: ${formatMinutes(closest.minutes)} from ${closest.from} (${frontMatter[closest.from]}) to ${closest.to} (${frontMatter[closest.to]}), against the ${formatMinutes(s.minutes)} stated${derived.length > 1 ? ' (the closest of the spans it may mean)' : ''}; check which is right${hours}`);
  }
}
