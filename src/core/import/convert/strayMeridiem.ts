import type { ConvertLog } from './model';

/** `17:14pm`, `13:00 PM`: an hour over 12 with am/pm after it (bounded runs: linear). Not `12:20:05 AM`'s `20:05 AM`. */
const STRAY_MERIDIEM = /(?<![\d:.])((?:1[3-9]|2[0-3])[:.]\d{2})(?::\d{2})?(\s?[AaPp]\.?\s?[Mm]\.?)(?![A-Za-z])/;

/**
 * A time read from `raw` (a stamp as written) that writes am/pm after an hour over 12 is read as the
 * 24-hour time written (17:14), never in silence (trial18a F8): said once per line of the original,
 * wherever the time went — a timeline entry, a key event in the front matter, the sentence that
 * gives the start. Lint calls `13:00 PM` unparseable.
 */
export function sayStrayMeridiem(raw: string, line: number, log: ConvertLog): void {
  const stray = raw.length < 400 ? STRAY_MERIDIEM.exec(raw) : null;
  if (!stray) return;
  const suffix = stray[2].trim();
  log.flagOnce('meridiem', line, `"${stray[0].trim()}" writes ${suffix} after an hour over 12: read as ${stray[1]}, a 24-hour time (the ${suffix} ignored) — check it, and write the time without it`, 'warning', String(line));
}
