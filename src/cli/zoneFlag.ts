import { canonicalZone, zoneAbbreviationHint } from '../core/time/writerZone';
import { readZoneName } from '../core/time/zoneName';
import { usageError } from './args';

/**
 * What a command's `--zone` may be. `iana`: a zone with its daylight saving, written into a file as
 * `timezone:` (`new`). `reading`: the zone times are read in (`convert`, `import-timeline`), where a
 * fixed offset (`+05:30`, `UTC+2`) is exact too.
 */
export type ZoneFlagKind = 'iana' | 'reading';

/**
 * Every command's `--zone`, checked one way (trial C27: `convert --zone Europe/Berln` was taken and
 * nothing was read). Returns the zone to use (an IANA name in its canonical spelling, or the offset
 * as written), undefined when the flag was not given. Anything else is a usage error (exit 2) that
 * names the value, says what an abbreviation means, and suggests the IANA name a slip most likely
 * meant ("did you mean Europe/Berlin?"). Abbreviations are refused: `PST` is a fixed UTC−8 all year,
 * and a person who writes it means the Pacific clocks, summer included.
 */
export function readZoneFlag(command: string, value: string | undefined, kind: ZoneFlagKind): string | undefined {
  if (value === undefined) return undefined;
  const written = value.trim();
  const zone = canonicalZone(written);
  if (zone) return zone;
  const read = readZoneName(written);
  if (kind === 'reading' && read.kind === 'offset') return offsetAsWritten(read.zone);
  const hint = zoneAbbreviationHint(written);
  const meant = read.kind === 'unknown' && read.suggestion ? `; did you mean ${read.suggestion}?` : '';
  const expected = kind === 'iana' ? 'an IANA time zone, like Europe/Berlin or America/Los_Angeles' : 'an IANA time zone (like Europe/Berlin), UTC, or an offset (like +05:30)';
  throw usageError(command, `Expected --zone to be ${expected}, found "${value}"${hint ? ` (${hint})` : ''}${meant}`);
}

/** `UTC+2` → `+02:00`, `-0330` → `-03:30`: the one spelling of an offset the readers take. */
function offsetAsWritten(zone: string): string {
  const m = /^(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?$/i.exec(zone);
  return m ? `${m[1]}${m[2].padStart(2, '0')}:${m[3] ?? '00'}` : zone;
}
