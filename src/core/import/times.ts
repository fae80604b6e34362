import { describeLocalTimeIssue, isValidDate, localTimeIssue, zonedToUtc, type LocalDateTime, type LocalTimeIssue } from '../time/zones';
import { ImportError } from './events';

const STAMP = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2}|(?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Z]{2,5}|[A-Za-z]+\/[A-Za-z_/+-]+)?$/i;

/**
 * A time without a zone and no default zone given. Hosts catch it to supply the zone their own way
 * (the CLI names its --zone flag, the editor asks), so the message itself names no host's controls.
 */
export class MissingZoneError extends ImportError {}

/**
 * An export time as read: one instant; or, for a local time in an IANA zone that a DST change
 * repeats (`fold`: 01:30 on the night the clocks go back) or skips (`gap`: 02:30 on the night they
 * jump forward), the problem, the same one `new` and lint report (core/time/zones.ts localTimeIssue).
 * A fold has two instants and the export's own row order may decide between them (foldOrder.ts);
 * a gap names no instant at all.
 */
export type ExportTime =
  | { readonly kind: 'one'; readonly instant: number }
  | { readonly kind: 'fold'; readonly instants: readonly [number, number]; readonly issue: LocalTimeIssue }
  | { readonly kind: 'gap'; readonly issue: LocalTimeIssue };

/**
 * Reads a time from an export: ISO 8601 (`2026-11-20T14:09:00Z`, `2026-11-20 15:09:00+01:00`,
 * `2026-11-20 09:09 EST`) or epoch seconds/milliseconds. A time without a zone is read in
 * `defaultZone`; without one either, it is an error: guessing the zone would shift every entry.
 */
export function readExportTime(raw: string, where: string, defaultZone?: string): ExportTime {
  const value = raw.trim();
  if (/^\d{9,10}(?:\.\d+)?$/.test(value)) return { kind: 'one', instant: Math.round(Number(value) * 1000) };
  if (/^\d{12,13}$/.test(value)) return { kind: 'one', instant: Number(value) };
  const m = STAMP.exec(value);
  if (!m || m[4] === undefined) throw new ImportError(`${where}: expected a date and time such as 2026-11-20T14:09:00Z, found "${value}"`);
  const local = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6] ?? 0) };
  return readLocalExportTime(local, m[7], value, where, defaultZone);
}

/**
 * A wall-clock time read from an export (`value` as written, for messages) in `zone` as written
 * beside it, else in `defaultZone`: one instant, or the DST problem of an IANA zone.
 */
export function readLocalExportTime(local: LocalDateTime, writtenZone: string | undefined, value: string, where: string, defaultZone?: string): ExportTime {
  if (!isValidDate(local.year, local.month, local.day) || local.hour > 23 || local.minute > 59 || local.second > 59) {
    throw new ImportError(`${where}: "${value}" is not a valid date and time`);
  }
  const zone = writtenZone ?? defaultZone;
  if (!zone) throw new MissingZoneError(`${where}: the time "${value}" has no time zone, so the zone the export was written in is needed (such as Europe/Berlin or UTC)`);
  const utc = /^(?:UTC|GMT)([+-]\d{1,2})$/i.exec(zone);
  const written = utc ? `${utc[1][0]}${utc[1].slice(1).padStart(2, '0')}:00` : zone;
  const ms = zonedToUtc(local, written);
  if (ms === undefined) throw new ImportError(`${where}: unknown time zone "${zone}"`);
  // Only IANA zones change offset; fixed offsets and abbreviations (`+02:00`, `PDT`) name one instant.
  const issue = localTimeIssue(local, written);
  if (!issue) return { kind: 'one', instant: ms };
  return issue.kind === 'gap' ? { kind: 'gap', issue } : { kind: 'fold', instants: issue.instants!, issue };
}

/**
 * One export time on its own (Alertmanager, git: explicit offsets): a local time a DST change skips
 * or repeats is refused, since nothing around it could tell which instant is meant.
 */
export function parseExportTime(raw: string, where: string, defaultZone?: string): number {
  const time = readExportTime(raw, where, defaultZone);
  if (time.kind === 'one') return time.instant;
  throw new ImportError(`${where}: ${describeLocalTimeIssue(time.issue)}`);
}
