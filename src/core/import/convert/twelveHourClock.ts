import type { SeenEntry } from './startedAt';

/**
 * A clock written as the timeline gives it: `4:19`, `09:14`, `9:14 pm`. Linear: the hour and minute
 * are bounded runs of digits between fixed characters, the am/pm a fixed word after one optional space.
 */
const CLOCK = /(?<![\d:.])(\d{1,2})[:.](\d{2})(?!\d|\.\d)(\s?(?:[ap]\.?\s?m\.?|[ap]m)(?![a-z]))?/gi;

/** Fewer entries say nothing of how the clock is written. */
const AT_LEAST = 2;

/**
 * Trial17c F15: `4:19` … `9:14` under "All times in PST", no hour over 12, no leading zero and no
 * am/pm — a 12-hour clock whose writer left out am/pm reads the same. They are read as a 24-hour
 * clock (morning), which is probably right and is not changed; the reading is said, as every guess is.
 *
 * `entries`: the converted entries (their clock as read, `local`, and line); `lineText`: the
 * original's line. Undefined unless every entry's clock is found on its line written that way, and
 * one of them has a one-digit hour (`9:14`: a 24-hour clock is mostly written `09:14`).
 */
export function twelveHourClockNote(entries: readonly SeenEntry[], lineText: (line: number) => string): { line: number; message: string } | undefined {
  if (entries.length < AT_LEAST) return undefined;
  const written: string[] = [];
  for (const e of entries) {
    const [hour, minute] = (e.local ?? '').split(':').map(Number);
    if (!(hour >= 1 && hour <= 12) || Number.isNaN(minute)) return undefined;
    const text = lineText(e.line).slice(0, 400);
    let clock: RegExpExecArray | undefined;
    CLOCK.lastIndex = 0;
    for (let m = CLOCK.exec(text); m; m = CLOCK.exec(text)) {
      if (Number(m[2]) === minute && Number(m[1]) % 12 === hour % 12) {
        clock = m;
        break;
      }
    }
    // Not found as written (`9時05分`, `21h05`), an am/pm, or a leading zero (`09:14`, a 24-hour clock): nothing to say.
    if (!clock || clock[3] || (clock[1].length === 2 && clock[1].startsWith('0'))) return undefined;
    written.push(`${clock[1]}:${clock[2]}`);
  }
  // Only hours 10–12 (`11:45` … `12:07`): the same in either clock's writing, and no sign of a 12-hour one.
  if (!written.some((w) => w.length === 4)) return undefined;
  const first = entries[0];
  const range = written.length > 1 ? `from ${written[0]} to ${written[written.length - 1]}` : `at ${written[0]}`;
  return {
    line: first.line,
    message: `The timeline's ${written.length} times (${range}) are written without am/pm, none over 12:59 and none with a leading zero, as a 12-hour clock writes them too: they were read as a 24-hour clock (${written[0]} as ${written[0].padStart(5, '0')}); if they are afternoon or evening times, each is 12 hours off — check one against a source`,
  };
}
