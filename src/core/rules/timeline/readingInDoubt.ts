import type { PostmortemDocument, TimelineEntry } from '../../document/model';
import { parseEntryText } from '../../timeline/entryGrammar';
import { gmtOutOfSeason, notInForce, outOfSeason } from '../../time/outOfSeason';
import { offsetAtInstant } from '../../time/zones';
import { clockReading } from './readingFix';

/**
 * Why an entry's instant is one reading among others that the writer has not chosen yet: its zone
 * abbreviation names the other season (`10:20 BST` in a London December, left by timeline/not-utc
 * "for you to choose"), is GMT in a London summer (timeline/gmt-in-summer), or has several meanings
 * and was read in its usual one (timeline/ambiguous-zone). Copying that instant elsewhere (the front
 * matter's `detected_at`) would write the open question down as its answer (trial16a F6).
 * Undefined when the entry's time is as written, with one meaning.
 */
export function readingInDoubt(doc: PostmortemDocument, entry: TimelineEntry): string | undefined {
  if (entry.instant === undefined || !entry.stampRange || !entry.zoneWritten) return undefined;
  const guess = entry.zoneGuess;
  if (guess) return `its zone ${guess.written} was read as ${guess.reading.label}, one of its meanings (timeline/ambiguous-zone)`;
  const stamp = doc.lines.lineText(entry.line).slice(entry.stampRange.start.character, entry.stampRange.end.character);
  const written = parseEntryText(stamp).stamp?.zone;
  if (written === undefined) return undefined;
  const season = written === 'UTC' && /gmt/i.test(stamp)
    ? gmtOutOfSeason(entry.instant, doc.timezone)
    : outOfSeason(written, entry.instant, { documentZone: doc.timezone, readAs: offsetAtInstant(entry.zone, entry.instant) });
  if (!season || !clockReading(season, entry)) return undefined;
  return `${notInForce(season)}, so the entry's time may be as written or by the clock then in force; choose the entry's reading first (timeline/${season.abbreviation === 'GMT' ? 'gmt-in-summer' : 'not-utc'})`;
}
