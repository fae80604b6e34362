import { instantProblem, parseInstant } from '../time/instant';
import { formatDurationMs } from '../time/duration';
import { isFutureTime, isPlaceholderTime, placeholderReason } from '../time/plausibleTime';
import { ambiguousZoneProblem, chooseReading, readZoneMarker } from '../time/zoneMarker';
import { clockInForce, gmtOutOfSeason, notInForce, outOfSeason } from '../time/outOfSeason';
import { formatIsoUtc, offsetAtInstant, offsetText, zoneOffsetMinutes } from '../time/zones';

/** What the writer said about when the incident started. */
export type StartAnswer =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'time'; readonly ms: number; /** The time in words for a confirmation: "2026-12-05 14:00 America/Los_Angeles = 2026-12-05T22:00:00Z". */ readonly said: string }
  | { readonly kind: 'invalid'; readonly message: string };

/** A date and a time of day at the start of the answer; what follows is its zone, if anything (read as the timeline reads it). */
const STAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d{1,9})?/;

/** The same with a 12-hour clock (`2026-11-27 9:30 PM`, `9:30pm`, `9:30 p.m.`), as timelines are read too; the rest is the zone. */
const TWELVE_HOUR = /^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}):(\d{2})(:\d{2})?[ \t]*([AaPp])\.?[Mm]\.?(?![A-Za-z])(.*)$/;

/** `2026-11-27 9:30 PM` as `2026-11-27 21:30` (and `21:30` to say it); why not when the hour is not 1–12; undefined when it is no 12-hour time. */
function twentyFourHour(value: string): { text: string; time: string } | { invalid: string } | undefined {
  const m = TWELVE_HOUR.exec(value);
  if (!m) return undefined;
  const hour = Number(m[2]);
  if (hour < 1 || hour > 12) return { invalid: `"${clip(value)}": a 12-hour clock runs from 1 to 12, found ${m[2]} with ${m[5]!.toUpperCase()}M; write ${m[2]}:${m[3]} without it, or a time like 2026-12-05 2:30 PM` };
  const pm = m[5] === 'p' || m[5] === 'P';
  const time = `${String((hour % 12) + (pm ? 12 : 0)).padStart(2, '0')}:${m[3]}`;
  return { text: `${m[1]} ${time}${m[4] ?? ''}${m[6]?.trim() ? ` ${m[6].trim()}` : ''}`, time };
}

/**
 * Reads the answer to "when did the incident start?" of *New Post-mortem* and `postmortem new
 * --started`. Empty means not known yet: the new file keeps `started_at` as a placeholder, so no
 * made-up time reaches the metrics (U7: the creation moment was written as the start and counted as
 * a 0-minute detection). `now` is the creation time, said as such. A time without a zone is read in
 * the writer's zone, as the file's `timezone:` will read it; a zone after the time (`JST`, `UTC+9`,
 * `Asia/Tokyo`, `IST` in India) is read by the timeline's reader (readZoneMarker), so what a timeline
 * entry accepts, the start accepts too (trial12 T15). A local time the clocks skip or repeat is
 * refused, as is a start that has not happened yet or a placeholder (time/plausibleTime.ts, lint's rule).
 */
export function readStartAnswer(text: string, zone: string, now: Date): StartAnswer {
  const value = text.trim();
  if (value === '') return { kind: 'unknown' };
  const minute = Math.floor(now.getTime() / 60_000) * 60_000;
  if (/^now$/i.test(value)) return { kind: 'time', ms: minute, said: `now (${formatIsoUtc(minute)})` };
  const converted = twentyFourHour(value);
  if (converted !== undefined && 'invalid' in converted) return { kind: 'invalid', message: converted.invalid };
  if (converted !== undefined) {
    const answer = readStartAnswer(converted.text, zone, now);
    // Said with its 24-hour reading, so "12:30 AM" read as 00:30 shows.
    return answer.kind === 'time' ? { ...answer, said: `${value}, read as ${converted.time}: ${answer.said}` } : answer;
  }
  const stamp = STAMP.exec(value)?.[0];
  if (stamp === undefined) return { kind: 'invalid', message: `${FORMS(zone)}; found "${clip(value)}"${missingPart(value)}` };
  const zoneText = value.slice(stamp.length).trim();
  const readIn = zoneText ? zoneOf(zoneText, zone) : { zone };
  if ('problem' in readIn) return { kind: 'invalid', message: `"${clip(value)}": ${readIn.problem}` };
  const problem = instantProblem(stamp, readIn.zone);
  if (problem) return { kind: 'invalid', message: `"${clip(value)}": ${problem}` };
  const parsed = parseInstant(stamp, readIn.zone);
  if (!parsed) return { kind: 'invalid', message: `"${clip(value)}" is not a time (check the month, day, hour and minute)` };
  if (isFutureTime(parsed.ms, minute)) return { kind: 'invalid', message: `${formatIsoUtc(parsed.ms)} is ${formatDurationMs(parsed.ms - minute)} after now, so it has not happened yet: check the date${zoneText ? ' and the zone' : ` (read in ${zone})`}` };
  // A year before 1970 is a typo (`0226-12-05` for 2026, trial7 T10), and 1970-01-01 a time never set: lint's time/implausible would flag either at once.
  if (isPlaceholderTime(parsed.ms)) return { kind: 'invalid', message: `${formatIsoUtc(parsed.ms)} ${placeholderReason(parsed.ms)}: check the year` };
  // `23:30 BST` in December by a Londoner: the name and the calendar disagree by an hour; asked, never taken.
  const season = zoneText ? otherSeason(stamp, zoneText, readIn.zone, parsed.ms, zone) : undefined;
  if (season && 'invalid' in season) return { kind: 'invalid', message: `"${clip(value)}": ${season.invalid}` };
  const said = zoneText ? `${stamp} ${readIn.said ?? zoneText} = ${formatIsoUtc(parsed.ms)}${season ? ` (${season.note})` : ''}` : `${value} ${zone} = ${formatIsoUtc(parsed.ms)}`;
  return { kind: 'time', ms: parsed.ms, said };
}

const FORMS = (zone: string) => `Expected a date and a time like 2026-12-05 14:30 (${zone}), 2026-12-05 2:30 PM, 2026-12-05 14:30 JST or 2026-12-05T22:30Z, "now", or nothing`;

/** Which part of an answer that is no date and time is missing, when it can be told: the time of day, or the date. */
function missingPart(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return ': the time of day is missing (a start needs it, not only the day)';
  if (/\d:\d\d/.test(value) && !/\d{4}-\d{2}-\d{2}/.test(value)) return ': the date is missing or not written as YYYY-MM-DD (before the time)';
  if (/^\d{1,2}[ \t]*[AaPp]\.?[Mm]\.?$/.test(value)) return ': the date and the minutes are missing (2026-12-05 7:00 PM)';
  return '';
}

/**
 * The zone written after the time, read as a timeline entry's is (one reader for both): a zone, an
 * ambiguous abbreviation settled by the writer's zone as the document's `timezone:` settles it, or why not.
 */
function zoneOf(text: string, writerZone: string): { zone: string; said?: string } | { problem: string } {
  const marker = readZoneMarker(` ${text}`);
  const rest = marker ? ` ${text}`.slice(marker.length).trim() : text;
  if (!marker || rest) return { problem: `after the time, expected its zone (JST, UTC+9, +09:00, Asia/Tokyo) or nothing, found "${clip(text)}"` };
  if (marker.kind === 'problem') return { problem: marker.problem };
  if (marker.kind === 'zone') return { zone: marker.zone, said: text };
  const chosen = chooseReading(marker.readings, writerZone);
  if (!chosen) return { problem: ambiguousZoneProblem(text, marker.readings, `give the zone as a name (${writerZone} is yours)`) };
  return { zone: chosen.reading.zone, said: `${text} (${chosen.reading.label})` };
}

/**
 * A zone name out of season at the time typed (`BST` on a December date, `EST` in July: the clocks of
 * its region, or of the writer's own zone, showed the other season's): which was meant is asked,
 * with both spellings that say it (as lint's timeline/not-utc offers both readings). GMT in the
 * writer's summer is GMT, UTC, as written: accepted, with the clock the writer's zone showed said.
 */
function otherSeason(stamp: string, zoneText: string, readIn: string, ms: number, writerZone: string): { invalid: string } | { note: string } | undefined {
  if (zoneText.trim().toUpperCase() === 'GMT') {
    const gmt = gmtOutOfSeason(ms, writerZone);
    return gmt && { note: `GMT read as UTC; clocks in ${gmt.region} showed ${clockInForce(gmt)} then` };
  }
  const season = outOfSeason(zoneText, ms, { documentZone: writerZone, readAs: offsetAtInstant(readIn, ms) });
  if (!season) return undefined;
  const clock = ms + (season.readAs - season.inForce) * 60000;
  // At the hour of a DST change the region's clock did not show this time once: read as written, and said.
  if (zoneOffsetMinutes(season.region, clock) !== season.inForce) return { note: notInForce(season) };
  const time = stamp.replace('T', ' ');
  return {
    invalid: `${notInForce(season)}. Which was meant? ${time} ${season.region} (its clock then: ${formatIsoUtc(clock)}) or ${time} UTC${offsetText(season.readAs)} (${season.abbreviation} as written: ${formatIsoUtc(ms)})`,
  };
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}
