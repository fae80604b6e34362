import { formatIsoUtc } from '../../time/zones';
import type { ConvertLog } from './model';

/** The earliest timeline entry converted to UTC, with its line in the original. */
export interface EarliestEntry {
  readonly ms: number;
  readonly line: number;
}

/** Keeps the earliest of the entries it is shown. */
export function earliestTracker(): { readonly onEntry: (ms: number, line: number) => void; earliest(): EarliestEntry | undefined } {
  let earliest: EarliestEntry | undefined;
  return {
    onEntry: (ms, line) => {
      if (!earliest || ms < earliest.ms) earliest = { ms, line };
    },
    earliest: () => earliest,
  };
}

/**
 * `started_at` when the original states none: the earliest timeline entry, the best evidence the
 * document has of when the incident began (metrics need it for time to detect). Not derived when
 * it would come after a time the original does state (detection before the first logged entry),
 * since then the timeline starts late. Says so in the report, pointing at the entry.
 */
export function deriveStartedAt(earliest: EarliestEntry | undefined, stated: readonly unknown[], log: ConvertLog): string | undefined {
  if (!earliest) return undefined;
  const statedMs = stated.map((v) => (v instanceof Date ? v.getTime() : typeof v === 'string' ? Date.parse(v) : NaN)).filter((ms) => !Number.isNaN(ms));
  if (statedMs.some((ms) => ms < earliest.ms)) return undefined;
  const iso = formatIsoUtc(earliest.ms);
  log.notes.push({ line: earliest.line, message: `started_at set to ${iso}, derived from the earliest timeline entry (the original states no start time; check it: the incident may have begun before anything was logged)` });
  return iso;
}
