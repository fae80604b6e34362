import { formatIsoUtc } from '../../time/zones';
import type { ConvertLog } from './model';

/** A timeline entry converted to UTC, with its line in the original and its text. */
export interface SeenEntry {
  readonly ms: number;
  readonly line: number;
  /** The entry's text as written on its line. */
  readonly text: string;
  /** The text with the lines it wraps onto and its details (bounded). */
  more: string;
  /** The time of day as written ("14:5"), to tell whether prose elsewhere repeats this entry. */
  readonly local?: string;
}

/** Collects the converted entries (bounded: a start needs only the earliest ones and the markers). */
export function entryTracker(): { readonly onEntry: (ms: number, line: number, text: string, local?: string) => void; readonly onContinue: (text: string) => void; readonly entries: SeenEntry[] } {
  const entries: SeenEntry[] = [];
  let last: SeenEntry | undefined;
  return {
    entries,
    onEntry: (ms, line, text, local) => {
      last = undefined;
      if (entries.length < 100_000) entries.push((last = { ms, line, text, local, more: text }));
    },
    onContinue: (text) => {
      if (last && last.more.length < 4000) last.more += ` ${text.trim()}`;
    },
  };
}

/** "<START OF OUTAGE>", "Start of incident", "incident begins", "outage starts". */
const START_MARKER = /start of (?:the )?(?:outage|incident)|(?:outage|incident|impact) (?:start|starts|started|begins|began)\b|problem starts/i;
/** The marker written as one ("<START OF OUTAGE>", also wrapped onto the next line): looked for in the entry's details too. */
const START_TAG = /(?:<|&lt;)\s{0,3}start\s{1,3}of\s{1,3}(?:the\s{1,3})?(?:outage|incident)\s{0,3}(?:>|&gt;)/i;
const DAY = 86_400_000;

/** "<END OF OUTAGE>" (not "<PARTIAL END OF OUTAGE>"), also wrapped onto the next line. */
const END_TAG = /(?:<|&lt;)\s{0,3}end\s{1,3}of\s{1,3}(?:the\s{1,3})?(?:outage|incident)\s{0,3}(?:>|&gt;)/i;

/** The entry the original marks as the end of the outage. */
export function isEndMarked(e: SeenEntry): boolean {
  return END_TAG.test(e.more.replace(/\\</g, '<'));
}

/** The entry the original marks as the start. A mention in its details ("the logs around the start of the outage") is not a marker. */
export function isStartMarked(e: SeenEntry): boolean {
  return START_MARKER.test(e.text) || START_TAG.test(e.more.replace(/\\</g, '<'));
}

/**
 * `started_at` when the original states none. An entry the original marks as the start ("<START OF
 * OUTAGE>") wins; otherwise the earliest entry, leaving out background history: entries more than
 * a day before the first stated incident time (a table that opens with last
 * month's preparations). Not derived when a stated time comes before that entry (the timeline
 * starts late). Says so in the report, pointing at the entry.
 */
export function deriveStartedAt(entries: readonly SeenEntry[], stated: readonly unknown[], log: ConvertLog, titleDay?: { ms: number; label: string }): string | undefined {
  if (entries.length === 0) return undefined;
  const statedMs = stated.map((v) => (v instanceof Date ? v.getTime() : typeof v === 'string' ? Date.parse(v) : NaN)).filter((ms) => !Number.isNaN(ms));
  const marked = entries.find(isStartMarked);
  // Background is judged against stated times only: a Date field is often the review's date, not the start.
  const anchor = statedMs.length ? statedMs.reduce((a, b) => Math.min(a, b)) : undefined;
  let chosen = marked;
  let background = 0;
  if (!chosen) {
    for (const e of entries) {
      if (anchor !== undefined && e.ms < anchor - DAY) {
        background++;
        continue;
      }
      if (!chosen || e.ms < chosen.ms) chosen = e;
    }
  }
  if (!chosen) return undefined;
  if (!marked && statedMs.some((ms) => ms < chosen.ms)) return undefined;
  // The start must agree with the date the title gives: a year typo ("2022-01-05" in a 2023
  // review) or a title from another incident is reported, not written as the start.
  if (titleDay && (chosen.ms < titleDay.ms - 7 * DAY || chosen.ms > titleDay.ms + 2 * DAY)) {
    log.flag('start-unclear', chosen.line, `The earliest timeline entry (${formatIsoUtc(chosen.ms)}) is far from ${titleDay.label}; started_at not set — check the dates`);
    return undefined;
  }
  const iso = formatIsoUtc(chosen.ms);
  const why = marked ? 'the entry the original marks as the start'
    : `the earliest timeline entry${background ? ` (${background} earlier entr${background === 1 ? 'y is' : 'ies are'} more than a day before the first stated incident time: background, not the start)` : ''}`;
  log.notes.push({ line: chosen.line, message: `started_at set to ${iso}, derived from ${why} ${marked ? '(check it)' : '(the original states no start time; check it: the incident may have begun before anything was logged)'}` });
  return iso;
}
