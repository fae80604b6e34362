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
  [/^minutes (?:of )?(?:downtime|degradation)(?: or (?:degradation|downtime))?$|^(?:total )?downtime(?: minutes| \(minutes\))?$/i, 'downtime'],
  [/^(?:time|minutes) to (?:detection|detect|mitigation|mitigate|repair|resolution|resolve|recovery|recover)$/i, 'derived'],
  [/^team attribution$/i, 'unmapped'],
];

/** "47", "47 minutes", "~47 min", "1h 10m", "2 hours": minutes, or undefined when not plainly a duration. */
export function minutesOf(value: string): number | undefined {
  const t = value.replace(/[*_`]/g, '').trim().toLowerCase().replace(/^[~≈]\s?/, '').replace(/\.$/, '');
  const plain = /^(\d{1,6}(?:\.\d{1,2})?)\s?(?:m|min|mins|minutes?)?$/.exec(t);
  if (plain) return Number(plain[1]);
  const hm = /^(\d{1,4})\s?(?:h|hrs?|hours?)(?:,?\s?(?:and\s)?(\d{1,2})\s?(?:m|min|mins|minutes?))?$/.exec(t);
  return hm ? Number(hm[1]) * 60 + Number(hm[2] ?? 0) : undefined;
}

export interface SummaryFields {
  readonly services?: string[];
  readonly downtimeMinutes?: number;
}

/** Reads the summary fields of `lines` (the Summary section and the preamble), saying what it took and what it left. */
export function readSummaryFields(lines: readonly SourceLine[], log: ConvertLog, has: { services: boolean }): SummaryFields {
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
    if (field === 'services') {
      if (has.services || services !== undefined) continue;
      services = people(value);
      log.notes.push({ line: src.line, message: `services: ${services.join(', ')}, read from "${label}: ${value}"` });
    } else if (field === 'downtime' && downtimeMinutes === undefined && minutesOf(value) !== undefined) {
      downtimeMinutes = minutesOf(value);
      log.notes.push({ line: src.line, message: `impact.downtime_minutes: ${downtimeMinutes}, read from "${label}: ${value}"` });
    } else if (field === 'derived') {
      log.notes.push({ line: src.line, message: `"${label}: ${value}" is kept in the Summary as written: the format derives it from the incident times (check they agree)` });
    } else {
      log.flag('not-read', src.line, `"${label}: ${value}" is kept in the Summary as written, not read into the front matter (${field === 'unmapped' ? 'the format has no field for it' : 'a value not read as one'}); check it`);
    }
  }
  return { ...(services ? { services } : {}), ...(downtimeMinutes !== undefined ? { downtimeMinutes } : {}) };
}
