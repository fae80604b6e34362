import { readTzVariable, type TzReading } from '../core/time/tzVariable';
import { runtimeZone } from '../core/time/writerZone';
import type { CliIo } from './io';

/**
 * The CLI's writer zone: the process's (`TZ` included), read once. A `TZ` that is not an IANA name
 * is read by core/time/tzVariable.ts (the fixed offset the OS reports, or UTC) and said once on
 * stderr by every command that uses the writer's zone (`noteProcessZone`). The lint threads call
 * `processZone()` too and get the same zone (they print nothing).
 */
const HOW_TO_FIX = 'set TZ=Area/City (like TZ=Europe/Berlin)';
let memo: { readonly tz: string | undefined; readonly reading: TzReading } | undefined;

export function processZone(): TzReading {
  const tz = process.env.TZ;
  if (memo && memo.tz === tz) return memo.reading;
  const year = new Date().getFullYear();
  const offsets = { january: new Date(year, 0, 15, 12).getTimezoneOffset(), july: new Date(year, 6, 15, 12).getTimezoneOffset() };
  memo = { tz, reading: readTzVariable(tz, runtimeZone(tz), offsets, HOW_TO_FIX) };
  return memo.reading;
}

/** The runs (one io each) that were told already. */
const told = new WeakSet<CliIo>();

/** Says once per run, on stderr, that TZ was not understood and what is used instead. */
export function noteProcessZone(io: CliIo, command: string, howToFix?: string): void {
  const { notice } = processZone();
  if (!notice || told.has(io)) return;
  told.add(io);
  io.err(`postmortem ${command}: note: ${howToFix ? notice.replace(HOW_TO_FIX, howToFix) : notice}\n`);
}
