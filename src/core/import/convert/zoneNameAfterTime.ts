import { currentZoneName } from '../../time/zoneNames';
import { isValidTimeZone } from '../../time/zones';

/**
 * A zone written by its IANA name right after a time: `19:30 US/Pacific` (Google Cloud's incident
 * reports write every time so), `14:05 America/Los_Angeles`, `09:30 (Europe/Berlin)`. Trial 16a
 * F11: these were taken as words, the times read in UTC and the report said "no zone stated".
 * Lint reads the same names after a time (time/zoneMarker.ts), so convert must too.
 */

/** Top-level IANA areas and the legacy ones people still write (`US/Pacific`): `read/write` is no zone. */
const IANA_AREA = /^(?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc|US|Canada|Brazil|Mexico|Chile)\//i;
/** One name, optionally in brackets, up to two slashes; bounded, anchored: linear in the text. */
const NAME_AT = /^(\s{0,2})(\(\s?)?([A-Za-z][A-Za-z_]{1,30}(?:\/[A-Za-z0-9_+-]{1,30}){1,2})(\s?\))?(?![A-Za-z0-9/])/;

/**
 * The zone an IANA name names, under today's IANA name (`US/Pacific` → America/Los_Angeles,
 * `Asia/Calcutta` → Asia/Kolkata, `europe/berlin` → Europe/Berlin), so what convert writes as
 * `timezone:` is the name a reader knows. Undefined when it names no zone (`Europe/Berln`, `CI/CD`).
 */
export function ianaZoneOf(written: string): string | undefined {
  if (!IANA_AREA.test(written) || !isValidTimeZone(written)) return undefined;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: written }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
  return currentZoneName(resolved || written);
}

/**
 * An IANA zone name at the start of `text` (after up to two spaces, in brackets or not): the zone,
 * and how many characters it takes; `unknown` for a name in an IANA area that names no zone
 * (`Europe/Berln`), which must be said, not read as text. Undefined when no such name is there,
 * or the brackets do not pair.
 */
export function ianaZoneAt(text: string): { readonly zone: string; readonly length: number } | { readonly unknown: string; readonly length: number } | undefined {
  const m = NAME_AT.exec(text.length > 80 ? text.slice(0, 80) : text);
  if (!m || (m[2] === undefined) !== (m[4] === undefined) || !IANA_AREA.test(m[3])) return undefined;
  const zone = ianaZoneOf(m[3]);
  return zone ? { zone, length: m[0].length } : { unknown: m[3], length: m[0].length };
}
