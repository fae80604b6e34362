import { isValidDate, zonedToUtc } from '../time/zones';
import { ImportError } from './events';

const STAMP = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2}|(?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Z]{2,5}|[A-Za-z]+\/[A-Za-z_/+-]+)?$/i;

/**
 * A time without a zone and no default zone given. Hosts catch it to supply the zone their own way
 * (the CLI names its --zone flag, the editor asks), so the message itself names no host's controls.
 */
export class MissingZoneError extends ImportError {}

/**
 * Reads a time from an export: ISO 8601 (`2026-11-20T14:09:00Z`, `2026-11-20 15:09:00+01:00`,
 * `2026-11-20 09:09 EST`) or epoch seconds/milliseconds. A time without a zone is read in
 * `defaultZone`; without one either, it is an error: guessing the zone would shift every entry.
 */
export function parseExportTime(raw: string, where: string, defaultZone?: string): number {
  const value = raw.trim();
  if (/^\d{9,10}(?:\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  if (/^\d{12,13}$/.test(value)) return Number(value);
  const m = STAMP.exec(value);
  if (!m || m[4] === undefined) throw new ImportError(`${where}: expected a date and time such as 2026-11-20T14:09:00Z, found "${value}"`);
  const local = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6] ?? 0) };
  if (!isValidDate(local.year, local.month, local.day) || local.hour > 23 || local.minute > 59 || local.second > 59) {
    throw new ImportError(`${where}: "${value}" is not a valid date and time`);
  }
  const zone = m[7] ?? defaultZone;
  if (!zone) throw new MissingZoneError(`${where}: the time "${value}" has no time zone, so the zone the export was written in is needed (such as Europe/Berlin or UTC)`);
  const utc = /^(?:UTC|GMT)([+-]\d{1,2})$/i.exec(zone);
  const ms = zonedToUtc(local, utc ? `${utc[1][0]}${utc[1].slice(1).padStart(2, '0')}:00` : zone);
  if (ms === undefined) throw new ImportError(`${where}: unknown time zone "${zone}"`);
  return ms;
}
