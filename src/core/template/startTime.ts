import { instantProblem, parseInstant } from '../time/instant';
import { formatIsoUtc } from '../time/zones';

/** What the writer said about when the incident started. */
export type StartAnswer =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'time'; readonly ms: number; /** The time in words for a confirmation: "2026-12-05 14:00 America/Los_Angeles = 2026-12-05T22:00:00Z". */ readonly said: string }
  | { readonly kind: 'invalid'; readonly message: string };

/** A date and a time of day, with an optional zone (`Z`, `+02:00`): a start needs the time, not only the day. */
const DATE_AND_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d{1,9})?[ \t]*(?:Z|UTC|[+-]\d{2}:?\d{2})?$/;

/** The same with a 12-hour clock (`2026-11-27 9:30 PM`, `9:30pm`, `9:30 p.m.`), as timelines are read too. */
const TWELVE_HOUR = /^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}):(\d{2})(:\d{2})?[ \t]*([AaPp])\.?[Mm]\.?(?:[ \t]*(Z|UTC|[+-]\d{2}:?\d{2}))?$/;

/** `2026-11-27 9:30 PM` as `2026-11-27 21:30` (and `21:30` to say it); undefined when it is no 12-hour time (hour 1–12). */
function twentyFourHour(value: string): { text: string; time: string } | undefined {
  const m = TWELVE_HOUR.exec(value);
  if (!m) return undefined;
  const hour = Number(m[2]);
  if (hour < 1 || hour > 12) return undefined;
  const pm = m[5] === 'p' || m[5] === 'P';
  const time = `${String((hour % 12) + (pm ? 12 : 0)).padStart(2, '0')}:${m[3]}`;
  return { text: `${m[1]} ${time}${m[4] ?? ''}${m[6] ? ` ${m[6]}` : ''}`, time };
}

/**
 * Reads the answer to "when did the incident start?" of *New Post-mortem* and `postmortem new
 * --started`. Empty means not known yet: the new file keeps `started_at` as a placeholder, so no
 * made-up time reaches the metrics (U7: the creation moment was written as the start and counted as
 * a 0-minute detection). `now` is the creation time, said as such. A time without a zone is read in
 * the writer's zone, as the file's `timezone:` will read it; a local time the clocks skip or repeat
 * is refused, as is a start in the future (a mistyped date).
 */
export function readStartAnswer(text: string, zone: string, now: Date): StartAnswer {
  const value = text.trim();
  if (value === '') return { kind: 'unknown' };
  const minute = Math.floor(now.getTime() / 60_000) * 60_000;
  if (/^now$/i.test(value)) return { kind: 'time', ms: minute, said: `now (${formatIsoUtc(minute)})` };
  const converted = twentyFourHour(value);
  if (converted !== undefined) {
    const answer = readStartAnswer(converted.text, zone, now);
    // Said with its 24-hour reading, so "12:30 AM" read as 00:30 shows.
    return answer.kind === 'time' ? { ...answer, said: `${value}, read as ${converted.time}: ${answer.said}` } : answer;
  }
  if (!DATE_AND_TIME.test(value)) {
    return { kind: 'invalid', message: `Expected a date and a time like 2026-12-05 14:30 (${zone}), 2026-12-05 2:30 PM or 2026-12-05T22:30Z, "now", or nothing; found "${clip(value)}"` };
  }
  const problem = instantProblem(value, zone);
  if (problem) return { kind: 'invalid', message: `"${clip(value)}": ${problem}` };
  const parsed = parseInstant(value, zone);
  if (!parsed) return { kind: 'invalid', message: `"${clip(value)}" is not a time (check the month, day, hour and minute)` };
  if (parsed.ms > minute + 60_000) return { kind: 'invalid', message: `${formatIsoUtc(parsed.ms)} is in the future: check the date` };
  // A year before 1970 is a typo (`0226-12-05` for 2026, trial7 T10): lint's time/implausible would flag it at once.
  if (new Date(parsed.ms).getUTCFullYear() < 1970) return { kind: 'invalid', message: `${formatIsoUtc(parsed.ms)} is before 1970: check the year` };
  const said = parsed.zone === undefined ? `${value} ${zone} = ${formatIsoUtc(parsed.ms)}` : formatIsoUtc(parsed.ms);
  return { kind: 'time', ms: parsed.ms, said };
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}
