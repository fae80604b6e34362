import { readImpactCell } from '../../impact/impactCell';
import type { ConvertLog, SourceLine } from './model';

/**
 * Durations an original states beside its times ("Time to resolve: 1h 50m", "Duration: 16h 45m",
 * "3. Time to detection: 4 minutes"). The format derives them from the front matter's times, so the
 * converted file keeps them only as text: they are compared with the times convert wrote, and a
 * disagreement is said with both numbers (trial 12 T6: a typo'd "Resolved 2023-09-25" made a 62-day
 * resolution next to the stated 1 h 50 m, and the report only said "check they agree").
 */

type Measure = 'detect' | 'mitigate' | 'resolve';

export interface StatedDuration {
  readonly line: number;
  /** As written, for the message: `"Time to resolve: 1h 50m"`. */
  readonly quoted: string;
  readonly measures: Measure;
  /** Minutes, when the value reads exactly as a duration. */
  readonly minutes?: number;
  /** Why the value was not read, when it was not. */
  readonly unread?: string;
}

const LINE = /^\s{0,3}(?:(?:\d{1,2}[.)]|[-*+])\s{1,4})?(?:\*\*|__)?([A-Za-z][A-Za-z ]{2,40}?)(?:\*\*|__)?\s{0,2}:\s{0,2}(?:\*\*|__)?\s{0,2}(\S.{0,120})$/;
const LABELS: readonly [RegExp, Measure][] = [
  [/^(?:time|minutes|hours) to (?:detection|detect)$/i, 'detect'],
  [/^(?:time|minutes|hours) to (?:mitigation|mitigate|repair|recovery|recover)$/i, 'mitigate'],
  [/^(?:(?:time|minutes|hours) to (?:resolution|resolve)|(?:total |incident |outage )?duration)$/i, 'resolve'],
];

/** The stated durations among the first `limit` of `lines` (a Summary, the preamble; the whole document): label and value on one line. */
export function readStatedDurations(lines: readonly SourceLine[], limit = 400): StatedDuration[] {
  const out: StatedDuration[] = [];
  for (const src of lines.slice(0, limit)) {
    if (src.text.length > 300) continue;
    const m = LINE.exec(src.text);
    const measures = m ? LABELS.find(([re]) => re.test(m[1].trim()))?.[1] : undefined;
    if (!m || !measures) continue;
    const value = m[2].replace(/<br\s*\/?>\s*$/i, '').replace(/(?:\*\*|__)\s*$/, '').trim();
    const quoted = `"${m[1].trim()}: ${value}"`;
    const reading = readImpactCell('downtime_minutes', m[1], value.replace(/[*_`]/g, '').replace(/\.$/, '').trim());
    if (reading.kind === 'number' && !reading.note) out.push({ line: src.line, quoted, measures, minutes: reading.value });
    else out.push({ line: src.line, quoted, measures, unread: reading.kind === 'unread' ? reading.reason : reading.kind === 'number' ? `read only by a guess: ${reading.note}` : 'no number in it' });
  }
  return out;
}

/** Where each measure runs from and to in the front matter: its own end, another only when that one is missing. */
const SPANS: Record<Measure, { readonly from: readonly string[]; readonly to: readonly string[]; readonly what: string }> = {
  detect: { from: ['started_at'], to: ['detected_at'], what: 'detected_at and started_at' },
  mitigate: { from: ['started_at', 'detected_at'], to: ['mitigated_at', 'resolved_at'], what: 'mitigated_at (or resolved_at) and started_at' },
  resolve: { from: ['started_at', 'detected_at'], to: ['resolved_at', 'mitigated_at'], what: 'resolved_at (or mitigated_at) and started_at' },
};

/** `62d 1h`, `1d 9h 14m`, `1h 50m`, `4m`: every part that is not zero, so "33h 14m" can be checked against it. */
export function formatMinutes(total: number): string {
  const m = Math.round(total);
  const parts = [[Math.floor(m / 1440), 'd'], [Math.floor((m % 1440) / 60), 'h'], [m % 60, 'm']] as const;
  const shown = parts.filter(([n]) => n > 0).map(([n, unit]) => `${n}${unit}`);
  return shown.length ? shown.join(' ') : '0m';
}

/**
 * Compares each stated duration with the front matter's times: measured from started_at or
 * detected_at (originals count "time to resolve" from either), to the measure's own end
 * (resolved_at for a resolution; another end only when that one is missing). Agreement within
 * 15 minutes or a fifth of the stated duration is noted; a disagreement is a warning naming both.
 */
export function compareStatedDurations(stated: readonly StatedDuration[], frontMatter: Record<string, unknown>, log: ConvertLog): void {
  const at = (key: string) => (typeof frontMatter[key] === 'string' ? Date.parse(frontMatter[key] as string) : NaN);
  for (const s of stated) {
    const span = SPANS[s.measures];
    const to = span.to.find((k) => !Number.isNaN(at(k)));
    const starts = span.from.filter((k) => !Number.isNaN(at(k)) && to !== undefined && at(to) >= at(k));
    if (s.minutes === undefined) {
      log.flag('not-read', s.line, `${s.quoted} is kept in the Summary as written, not compared with the times (${s.unread}); check it`);
      continue;
    }
    if (!to || starts.length === 0) {
      log.notes.push({ line: s.line, message: `${s.quoted} is kept in the Summary as written; the front matter has no ${span.what} to compare it with` });
      continue;
    }
    const derived = starts.map((from) => ({ from, minutes: (at(to) - at(from)) / 60_000 }));
    const tolerance = Math.max(15, s.minutes * 0.2);
    const agreeing = derived.find((d) => Math.abs(d.minutes - s.minutes!) <= tolerance);
    if (agreeing) {
      log.notes.push({ line: s.line, message: `${s.quoted} is kept in the Summary as written; it agrees with the times (${formatMinutes(agreeing.minutes)} from ${agreeing.from} to ${to})` });
      continue;
    }
    const first = derived[0];
    // Some teams count working hours only: a stated duration shorter than a span over nights may still be right.
    const hours = first.minutes > s.minutes && first.minutes >= 1440 ? ' (if the original counts working hours only, both may be right)' : '';
    log.flag('duration-disagrees', s.line,
      `${s.quoted} disagrees with the times written: ${formatMinutes(first.minutes)} from ${first.from} (${frontMatter[first.from]}) to ${to} (${frontMatter[to]}), against the ${formatMinutes(s.minutes)} stated; check which is right${hours}`);
  }
}
