import { readImpactCell } from '../../impact/impactCell';
import { people } from './metadata';
import type { ConvertLog, SourceLine } from './model';

/**
 * GitLab's incident-review template opens its Summary with a numbered list of fields:
 * "1. Service(s) affected: web, API", "2. Team attribution: …", "3. Time to detection: 4 minutes",
 * "4. Minutes downtime or degradation: 47". The fields the format has a place for are read (services,
 * impact.downtime_minutes); the others are said to be kept as text, never passed over silently
 * (trial9 T12: the report said "complete" and the numbers were lost to lint and metrics).
 */
const ITEM = /^\s{0,3}(?:\d{1,2}[.)]|[-*+])\s{1,4}(?:\*\*|__)?([A-Za-z][A-Za-z ()/]{2,40}?)(?:\*\*|__)?\s{0,2}:\s{0,2}(?:\*\*|__)?\s{0,2}(\S.{0,200})$/;

type Known = 'services' | 'downtime' | 'derived' | 'unmapped';
const FIELDS: readonly [RegExp, Known][] = [
  [/^(?:service\(s\)|services?) affected$|^affected services?$/i, 'services'],
  [/^(?:minutes|hours) (?:of )?(?:downtime|degradation)(?: or (?:degradation|downtime))?$|^(?:total )?downtime(?: minutes| hours| \([a-z]{1,12}\))?$/i, 'downtime'],
  [/^(?:time|minutes) to (?:detection|detect|mitigation|mitigate|repair|resolution|resolve|recovery|recover)$/i, 'derived'],
  [/^team attribution$/i, 'unmapped'],
];

export interface SummaryFields {
  readonly services?: string[];
  readonly downtimeMinutes?: number;
}

/**
 * Reads the summary fields of `lines` (the Summary section and the preamble), saying what it took and what it left.
 * `has.impact`: the original's front matter already gives the downtime (or an `impact` that is no mapping): it wins.
 */
export function readSummaryFields(lines: readonly SourceLine[], log: ConvertLog, has: { services: boolean; impact?: boolean }): SummaryFields {
  let services: string[] | undefined;
  let downtimeMinutes: number | undefined;
  for (const src of lines.slice(0, 400)) {
    if (src.text.length > 300) continue;
    const m = ITEM.exec(src.text);
    if (!m) continue;
    const field = FIELDS.find(([re]) => re.test(m[1].trim()))?.[1];
    if (!field) continue;
    const label = m[1].trim();
    const value = m[2].replace(/(?:\*\*|__)\s*$/, '').trim();
    const quoted = `"${label}: ${value}"`;
    if (field === 'services') {
      if (has.services || services !== undefined) continue;
      services = people(value);
      log.notes.push({ line: src.line, message: `services: ${services.join(', ')}, read from ${quoted}` });
    } else if (field === 'downtime') {
      if (has.impact || downtimeMinutes !== undefined) {
        log.notes.push({ line: src.line, message: `${quoted} is kept in the Summary as written: the impact is taken from ${has.impact ? "the original's front matter" : 'an earlier line'} (check they agree)` });
        continue;
      }
      // The Impact table's cell reader: one reading of durations for lint and convert. What it
      // cannot read exactly (`~47 min`, `30-60 min`, `2 weeks`) is not written as a number.
      const reading = readImpactCell('downtime_minutes', label, value.replace(/[*_`]/g, '').replace(/\.$/, '').trim());
      if (reading.kind === 'number') {
        downtimeMinutes = reading.value;
        if (reading.note) log.flag('guessed-impact', src.line, `impact.downtime_minutes: ${reading.value}, read from ${quoted} by a guess (${reading.note}); check it`);
        else log.notes.push({ line: src.line, message: `impact.downtime_minutes: ${reading.value}, read from ${quoted}` });
      } else {
        const why = reading.kind === 'unread' ? reading.reason : 'no number in it';
        log.flag('not-read', src.line, `${quoted} is kept in the Summary as written, not read into impact.downtime_minutes (${why}); check it`);
      }
    } else if (field === 'derived') {
      // Compared with the front matter's times once they are known (statedDurations.ts), and said there.
      continue;
    } else {
      log.flag('not-read', src.line, `${quoted} is kept in the Summary as written, not read into the front matter (the format has no field for it); check it`);
    }
  }
  return { ...(services ? { services } : {}), ...(downtimeMinutes !== undefined ? { downtimeMinutes } : {}) };
}
