import { readWrittenZone, type WrittenZoneKind } from '../core/time/writtenZone';
import { usageError } from './args';

/**
 * What a command's `--zone` may be. `iana`: a zone with its daylight saving, written into a file as
 * `timezone:` (`new`). `reading`: the zone times are read in (`convert`, `import-timeline`), where a
 * fixed offset (`+05:30`, `UTC+2`) is exact too.
 */
export type ZoneFlagKind = WrittenZoneKind;

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
  const read = readWrittenZone(value, kind, '--zone');
  if ('problem' in read) throw usageError(command, read.problem);
  return read.zone;
}
