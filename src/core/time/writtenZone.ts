import { canonicalZone, zoneAbbreviationHint } from './writerZone';
import { AMBIGUOUS_ABBREVIATIONS } from './zoneMarker';
import { readZoneName } from './zoneName';
import { offsetText } from './zones';

/**
 * What a person typed as a zone (the CLI's `--zone`, the editor's "Another zone…" question). `iana`:
 * a zone with its daylight saving, written into a file as `timezone:`. `reading`: the zone times are
 * read in, where a fixed offset (`+05:30`, `UTC+2`) is exact too.
 */
export type WrittenZoneKind = 'iana' | 'reading';

export type WrittenZone =
  | { readonly zone: string }
  /**
   * Why it was refused, and what to write instead ("did you mean Europe/Berlin?", an abbreviation's
   * regions). `reason`: the same without the "Expected …, found …" frame, where the value is in view
   * (an input box under what was typed).
   */
  | { readonly problem: string; readonly reason: string };

/**
 * One reading of a zone a person typed, so the CLI and the editor accept and refuse the same values
 * with the same reasons. `what` names the value in the message (`--zone`, `the zone`). Abbreviations are refused: `PST` is a fixed UTC−8 all year, and a person
 * who writes it means the Pacific clocks, summer included; `IST` is India's, Ireland's and Israel's.
 */
export function readWrittenZone(value: string, kind: WrittenZoneKind, what: string): WrittenZone {
  const written = value.trim();
  const zone = canonicalZone(written);
  if (zone) return { zone };
  const read = readZoneName(written);
  if (kind === 'reading' && read.kind === 'offset') return { zone: offsetText(read.minutes) };
  const hint = abbreviationHint(written);
  const meant = read.kind === 'unknown' && read.suggestion ? `; did you mean ${read.suggestion}?` : '';
  const expected = kind === 'iana' ? 'an IANA time zone, like Europe/Berlin or America/Los_Angeles' : 'an IANA time zone (like Europe/Berlin), UTC, or an offset (like +05:30)';
  const problem = `Expected ${what} to be ${expected}, found "${value}"${hint ? ` (${hint})` : ''}${meant}`;
  return { problem, reason: hint ? `${hint[0].toUpperCase()}${hint.slice(1)}${meant}` : problem };
}

/** An abbreviation with several meanings names them all and their zones; one with one meaning its region. */
function abbreviationHint(written: string): string | undefined {
  const readings = AMBIGUOUS_ABBREVIATIONS[written.toUpperCase()];
  if (!readings) return zoneAbbreviationHint(written);
  const regions = readings.map((r) => r.regions[0]);
  return `${written.toUpperCase()} is an abbreviation with several meanings: ${readings.map((r) => r.label).join(', ')}; write the IANA zone meant, like ${regions.slice(0, -1).join(', ')} or ${regions[regions.length - 1]}`;
}
