import { readTimezoneValue } from '../time/timezoneValue';
import { regionOfAbbreviation } from '../time/abbreviationSeasons';
import { isUtcZone } from '../time/zones';

/**
 * Which zone to read an export's zone-less times in (a CSV of alerts, say), decided the same way by
 * both hosts: the editor's Import Timeline asks when this gives nothing, the CLI asks for --zone.
 */

/** How a zone was settled, said in the import summary so the user can check it. */
export interface SettledZone {
  readonly zone: string;
  readonly because: string;
}

/** What the front matter's `timezone:` gives an import: a zone and how it was read, or why it gives none. */
export interface DocumentZone {
  /** The zone to read zone-less export times in: an IANA name, or the offset (`+05:30`) a fixed offset or an abbreviation names. */
  readonly zone?: string;
  /** How `zone` was read from the value, said with the summary ("the timezone in the front matter"). */
  readonly because?: string;
  /** Why the value gives no zone (an abbreviation with several meanings, an unknown name), said when the person is asked. */
  readonly problem?: string;
  /** For an abbreviation with several meanings: one IANA zone per meaning, for the person to choose from. */
  readonly meanings?: readonly string[];
}

/**
 * The front matter's `timezone:` read as lint, the metrics and `convert` read it (time/timezoneValue.ts):
 * an IANA name as it is; a fixed offset (`+05:30`, as `convert` writes it) exactly, said; an
 * abbreviation with one meaning (`CEST`) as its offset on every date, said with the offset; one with
 * several meanings (`IST`) or an unknown name gives no zone, and says why, so the person is asked.
 */
export function documentZone(meta: Readonly<Record<string, unknown>>): DocumentZone {
  const written = typeof meta.timezone === 'string' ? meta.timezone.trim() : '';
  if (written === '') return {};
  const value = readTimezoneValue(written);
  const quoted = `the front matter's timezone: ${written}`;
  switch (value.kind) {
    case 'iana': return { zone: value.zone, because: 'the timezone in the front matter' };
    case 'offset': return { zone: value.zone, because: `${quoted}, a fixed offset${value.zone === written ? '' : ` (${value.zone})`}` };
    case 'abbreviation': {
      const region = regionOfAbbreviation(written);
      const clocks = region ? `; if the export's times are the local clock of ${region}, give that zone instead` : '';
      return { zone: value.zone, because: `${quoted}, an abbreviation read as the fixed offset ${value.zone} on every date, as lint reads it${clocks}` };
    }
    case 'ambiguous': return { problem: `${quoted} has several meanings (${value.meanings})`, meanings: value.regions };
    default: return { problem: `${quoted} is not a time zone${value.suggestion ? ` (did you mean ${value.suggestion}?)` : ''}` };
  }
}

/**
 * A zone passed by a script wins; then the document's own zone; undefined means "ask". A document
 * saying `timezone: UTC` while the writer lives elsewhere is the zone trap (timeline/utc-or-local):
 * an export written in local time would be read hours off, so the user is asked instead.
 */
export function defaultExportZone(argZone: string | undefined, doc: DocumentZone, writerZone?: string): SettledZone | undefined {
  if (argZone) return { zone: argZone, because: 'as passed to the command' };
  if (!doc.zone) return undefined;
  if (isUtcZone(doc.zone) && writerZone && !isUtcZone(writerZone)) return undefined;
  return { zone: doc.zone, because: doc.because ?? 'the timezone in the front matter' };
}
