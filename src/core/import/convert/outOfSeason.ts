import { abbreviationOutOfSeason } from '../../time/outOfSeason';
import { offsetAtInstant } from '../../time/zones';
import type { ConvertLog } from './model';

/**
 * `PST` in July, `ACST` in an Adelaide December, `BST` in December: read as written, but every such
 * time may be an hour off. A warning, so the conversion is never called complete over it (trial 14a
 * F9), as lint's is, and a line in the converted file; once per abbreviation, wherever it is read
 * first (a `Start:` field or a timeline entry).
 */
export function sayOutOfSeason(log: ConvertLog, written: string, readIn: string, ms: number, region: string | undefined, line: number): void {
  const season = abbreviationOutOfSeason(written, ms, { documentZone: region, readAs: offsetAtInstant(readIn === 'Z' ? 'UTC' : readIn, ms) });
  if (!season) return;
  const before = log.diagnostics.length;
  log.flagOnce('out-of-season', line, `${season} (if the clock then in force was meant, write its abbreviation or offset on the original's times and convert again)`, 'warning', written.toUpperCase());
  if (log.diagnostics.length > before) log.inFile.push(`${season.replace(/; check$/, '')}: every time marked ${written} may be an hour off; check one against a source that gives its zone.`);
}
