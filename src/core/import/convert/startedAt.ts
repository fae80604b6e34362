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
  /** The entry writes its own date with its year ("2022-06-02 10:00"): its day is stated, not carried from a title. */
  readonly dated?: boolean;
}

/**
 * A timeline entry kept as written because its local time has no one UTC time (the DST change
 * repeats or skips it): `earliestMs` and `latestMs` bound its readings, `fact` says them.
 */
export interface UnconvertedEntry {
  readonly line: number;
  readonly earliestMs: number;
  readonly latestMs: number;
  readonly fact: string;
}

/** Collects the converted entries (bounded: a start needs only the earliest ones and the markers), and the ones kept unconverted. */
export function entryTracker(): {
  readonly onEntry: (ms: number, line: number, text: string, local?: string, dated?: boolean) => void;
  readonly onContinue: (text: string) => void;
  readonly onUnconverted: (line: number, readings: readonly [number, number], fact: string) => void;
  readonly entries: SeenEntry[];
  readonly unconverted: UnconvertedEntry[];
} {
  const entries: SeenEntry[] = [];
  const unconverted: UnconvertedEntry[] = [];
  let last: SeenEntry | undefined;
  return {
    entries,
    unconverted,
    onUnconverted: (line, [earliestMs, latestMs], fact) => {
      last = undefined;
      if (unconverted.length < 10_000) unconverted.push({ line, earliestMs, latestMs, fact });
    },
    onEntry: (ms, line, text, local, dated) => {
      last = undefined;
      if (entries.length < 100_000) entries.push((last = { ms, line, text, local, more: text, ...(dated ? { dated } : {}) }));
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

/**
 * The SRE book's milestone words ("Shakespeare Sonnet++": `**OUTAGE BEGINS**`, `**OUTAGE MITIGATED**`,
 * `**INCIDENT ENDS**`), bold or in capitals: in lower case inside a sentence they are prose.
 */
const MITIGATED_MARK = /(?<!\p{L})OUTAGE\s{1,3}(?:MITIGATED|ENDS|ENDED|OVER)(?!\p{L})/u;
const MITIGATED_MARK_BOLD = /\*\*\s{0,2}outage\s{1,3}(?:mitigated|ends|ended|over)\s{0,2}[,.:]?\s{0,2}\*\*/iu;
const RESOLVED_MARK = /(?<!\p{L})INCIDENT\s{1,3}(?:ENDS|ENDED|RESOLVED|CLOSED|OVER)(?!\p{L})/u;
const RESOLVED_MARK_BOLD = /\*\*\s{0,2}incident\s{1,3}(?:ends|ended|resolved|closed|over)\s{0,2}[,.:]?\s{0,2}\*\*/iu;
/** "14:30 - incident resolved": an entry that is the end of the incident, in its first words. */
const RESOLVED_START = /^(?:\*\*|__)?(?:the\s)?incident\s(?:is\s|was\s)?(?:resolved|closed|ended|over)\b/i;
/** GitLab's review template: "13:06 - EOC paged (detected)", a milestone said in brackets after the event. */
const BRACKET_MARK = /\((detected|mitigated|resolved)\)/i;

/** The entry the original marks as the end of the outage: `<END OF OUTAGE>`, `**OUTAGE MITIGATED**`, "(mitigated)". */
export function isEndMarked(e: SeenEntry): boolean {
  return END_TAG.test(e.more.replace(/\\</g, '<')) || MITIGATED_MARK.test(e.text) || MITIGATED_MARK_BOLD.test(e.text) || BRACKET_MARK.exec(e.text)?.[1].toLowerCase() === 'mitigated';
}

/** The entry the original marks as the end of the incident: `**INCIDENT ENDS**`, "(resolved)", "incident resolved" as its first words. */
export function isResolvedMarked(e: SeenEntry): boolean {
  return RESOLVED_MARK.test(e.text) || RESOLVED_START.test(e.text) || RESOLVED_MARK_BOLD.test(e.text) || BRACKET_MARK.exec(e.text)?.[1].toLowerCase() === 'resolved';
}

/**
 * "…, incident resolved", "Incident resolved." as a sentence inside an entry (trial17c F18: only an
 * entry that starts with it was read). A sentence of its own or after a comma, nothing before it
 * in that clause: "until the incident was resolved" is not one.
 */
const RESOLVED_WORDS = /(?:^\s{0,3}|[.!;,]\s{1,3}|\n)(?:the\s)?incident\s(?:is\s|was\s|has\sbeen\s)?(?:resolved|closed|over)(?=\s{0,3}(?:[.!;,]|$))/im;
/** "Service is restored", "Service was fully restored.": user impact stopped, said in words (not "appears to be restored"). */
const RESTORED_WORDS = /(?:^\s{0,3}|[.!;,]\s{1,3}|\n)(?:the\s)?(?:service|services|site|website)\s(?:is|was|has\sbeen|have\sbeen|are|were)\s(?:fully\s)?(?:restored|back\sto\snormal)(?=\s{0,3}(?:[.!;,]|$))/im;

/**
 * "Reverts deployed, issue mitigated.", "Mitigated by rolling back": a clause that is the
 * mitigation, its subject the issue (or none) — not "partially mitigated", "until it was mitigated",
 * "not yet mitigated" (trial18c F4: PostHog's "16:11 - Reverts deployed, issue mitigated" gave no mitigated_at).
 */
const MITIGATED_WORDS = /(?:^\s{0,3}|[.!;,]\s{1,3}|\n)(?:(?:the\s)?(?:issue|incident|outage|problem|impact|incident\simpact|user\simpact)\s(?:is\s|was\s|has\sbeen\s)?)?(?:fully\s)?mitigated(?=\s{0,3}(?:[.!;,]|$)|\sby\s)/im;

/** The words in an entry that say the incident ended ("Incident resolved."), when no marker does: a reading, said as a guess. */
export function resolvedInWords(e: SeenEntry): string | undefined {
  const m = RESOLVED_WORDS.exec(e.more.slice(0, 4000));
  return m ? m[0].replace(/^[.!;,\s]+/, '') : undefined;
}

/** The words in an entry that say user impact stopped ("Service is restored", "issue mitigated"): a reading, said as a guess. */
export function restoredInWords(e: SeenEntry): string | undefined {
  const text = e.more.slice(0, 4000);
  const m = RESTORED_WORDS.exec(text) ?? MITIGATED_WORDS.exec(text);
  return m ? m[0].replace(/^[.!;,\s]+/, '') : undefined;
}

/** The entry the original marks as the detection: "(detected)". */
export function isDetectedMarked(e: SeenEntry): boolean {
  return BRACKET_MARK.exec(e.text)?.[1].toLowerCase() === 'detected';
}

/** The milestone tag an entry's own words give it, for the converted line (`[mitigated]`); the start is judged by isStartMarked. */
export type Milestone = 'started' | 'detected' | 'mitigated' | 'resolved';

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
/** A started_at derived from the timeline: its value, the entry's line, and whether the original marks that entry as the start. */
export interface DerivedStart {
  readonly iso: string;
  readonly line: number;
  readonly marked: boolean;
}

/** The day the title gives, to check a derived start against (and what else dates the incident). */
export interface TitleDay {
  readonly ms: number;
  readonly label: string;
  /** The title's day is written in the timeline too (a date heading over that day's events). */
  readonly inTimeline?: boolean;
  /** The file name's day, when it is another than the title's: a second witness for the timeline. */
  readonly fileNameMs?: number;
  /** Set when a timeline entry that writes its own date (year included) contradicts the title. */
  contradicted?: { line: number; ms: number; taken: boolean };
}

/** An incident time the original states (detected_at from "Created", a front-matter resolved_at): what a derived start may not come after. */
export interface StatedTime {
  readonly key: string;
  readonly value: unknown;
  /** The line it was read from, and its label as written ("Created"), for messages. */
  readonly line?: number;
  readonly label?: string;
}

const MINUTE = 60_000;

export function deriveStartedAt(
  entries: readonly SeenEntry[], stated: readonly StatedTime[], log: ConvertLog, titleDay?: TitleDay, unconverted: readonly UnconvertedEntry[] = [],
): DerivedStart | undefined {
  if (entries.length === 0) return undefined;
  const times = stated.map((t) => ({ ...t, ms: t.value instanceof Date ? t.value.getTime() : typeof t.value === 'string' ? Date.parse(t.value) : NaN })).filter((t) => !Number.isNaN(t.ms));
  const statedMs = times.map((t) => t.ms);
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
  // A stated time before the earliest entry: the timeline starts after the incident was known (or
  // ended), so its first entry is no start. Said, never passed over (trial18c: PagerDuty's Created,
  // written to the minute, 10 s before its first entry, left started_at out without a word).
  let atMinute: (typeof times)[number] | undefined;
  if (!marked) {
    const before = times.filter((t) => t.ms < chosen.ms);
    // "Created: 11:42 PM" is written to the minute; an entry at 11:42:10 PM is in that minute, not
    // after it: the start is that minute (the stated time), never after what the original states.
    const inMinute = before.length > 0 && before.every((t) => t.ms % MINUTE === 0 && chosen.ms - t.ms < MINUTE);
    if (inMinute) atMinute = before.reduce((a, b) => (b.ms < a.ms ? b : a));
    else if (before.length) {
      const first = before.reduce((a, b) => (b.ms < a.ms ? b : a));
      const named = `${first.key} (${formatIsoUtc(first.ms)}${first.label ? `, from "${first.label}"` : ''}${first.line !== undefined ? `, line ${first.line + 1}` : ''})`;
      const fact = `the original states no start, and its ${named} comes before the earliest timeline entry (${formatIsoUtc(chosen.ms)}, line ${chosen.line + 1}): the timeline begins after that, so its first entry is not the start`;
      log.flag('start-unclear', first.line ?? chosen.line, `started_at not set: ${fact}; write started_at if you know when the incident began`);
      log.inFile.push(`started_at was not written: ${fact}. Until started_at is written, postmortem list dates this incident by its ${first.key}, and the metrics leave out the times measured from the start.`);
      return undefined;
    }
  }
  // An entry kept as written (a local time the DST change repeats) may be the start: the earliest
  // converted entry is then not the earliest entry, and which reading is meant is the writer's call.
  const before = marked ? undefined : unconverted.find((u) => u.earliestMs < chosen.ms && (anchor === undefined || u.earliestMs >= anchor - DAY));
  if (before) {
    log.flag('start-unclear', before.line,
      `started_at not set: the timeline entry on line ${before.line + 1} ${before.latestMs < chosen.ms ? 'comes' : 'may come'} before the earliest entry converted (${formatIsoUtc(chosen.ms)}, line ${chosen.line + 1}) but was kept as written: ${before.fact}; write started_at once you know which it is`);
    // Said in the file too (trial17c F9): without started_at, list shows no date and the metrics leave the incident out.
    log.timeDoubts.push(`started_at was not written: the timeline entry on line ${before.line + 1} of the original may come before the earliest entry converted (${formatIsoUtc(chosen.ms)}); write started_at once you know which reading is meant.`);
    log.inFile.push(`started_at was not written: the timeline entry on line ${before.line + 1} of the original may come before the earliest entry converted (${formatIsoUtc(chosen.ms)}), and which reading of its time is meant is for you to say. Until started_at is written, postmortem list shows this incident with no date and the metrics leave it out.`);
    return undefined;
  }
  // The start must agree with the date the title gives: a year typo ("2022-01-05" in a 2023
  // review) or a title from another incident is reported, not written as the start. An entry that
  // writes its own date with its year states it: the timeline wins, and the disagreement is said (trial17c F9).
  if (titleDay && (chosen.ms < titleDay.ms - 7 * DAY || chosen.ms > titleDay.ms + 2 * DAY)) {
    // Only a timeline that dates the entry itself, runs in order (no mistyped year among its
    // entries) and does not give the title's day elsewhere (a "### 2018-01-11" heading above it).
    // A year typo in the title or in the entry is as likely: the timeline wins only when the file
    // name's date agrees with it ("2022-06-02-pod-limit.md" under "# 2022-01-27, pod limit reached").
    let ordered = true;
    for (let k = 1; k < entries.length && ordered; k++) ordered = entries[k].ms >= entries[k - 1].ms;
    const named = titleDay.fileNameMs !== undefined && chosen.ms >= titleDay.fileNameMs - DAY && chosen.ms < titleDay.fileNameMs + 2 * DAY;
    if (chosen.dated && !titleDay.inTimeline) titleDay.contradicted = { line: chosen.line, ms: chosen.ms, taken: ordered && !titleDay.inTimeline && named };
    if (titleDay.contradicted?.taken) {
      log.flag('date-disagrees', chosen.line, `The timeline entry on line ${chosen.line + 1} states its date (${formatIsoUtc(chosen.ms)}), as the file name does, far from ${titleDay.label}: started_at was set from the timeline — check the title's date`);
      log.timeDoubts.push(`started_at (${formatIsoUtc(chosen.ms)}) was taken from the timeline entry on line ${chosen.line + 1} of the original; ${titleDay.label} is far from it — check which date is right.`);
      log.inFile.push(`started_at (${formatIsoUtc(chosen.ms)}) was taken from the timeline entry on line ${chosen.line + 1} of the original, which writes its own date (the file name's agrees); ${titleDay.label} is far from it. Check which date is right.`);
    } else {
      log.flag('start-unclear', chosen.line, chosen.dated
        ? `The earliest timeline entry writes its own date (${formatIsoUtc(chosen.ms)}), far from ${titleDay.label}; started_at not set — check which date is right`
        : `The earliest timeline entry (${formatIsoUtc(chosen.ms)}) is far from ${titleDay.label}; started_at not set — check the dates`);
      log.timeDoubts.push(`started_at was not written: the earliest timeline entry (${formatIsoUtc(chosen.ms)}, line ${chosen.line + 1} of the original) is far from ${titleDay.label}; write started_at once you know which date is right.`);
      log.inFile.push(`started_at was not written: the earliest timeline entry (${formatIsoUtc(chosen.ms)}, line ${chosen.line + 1} of the original) is far from ${titleDay.label}. Until started_at is written, postmortem list shows this incident with no date and the metrics leave it out.`);
      return undefined;
    }
  }
  const iso = formatIsoUtc(atMinute ? atMinute.ms : chosen.ms);
  const why = marked ? 'the entry the original marks as the start'
    : `the earliest timeline entry${background ? ` (${background} earlier entr${background === 1 ? 'y is' : 'ies are'} more than a day before the first stated incident time: background, not the start)` : ''}`;
  const minute = atMinute ? `, to the minute: the entry is at ${formatIsoUtc(chosen.ms)}, inside the minute the original's ${atMinute.key}${atMinute.label ? ` ("${atMinute.label}")` : ''} is written to, and a start is never after it` : '';
  log.notes.push({ line: chosen.line, sets: 'started_at', message: `started_at set to ${iso}, derived from ${why}${minute} ${marked ? '(check it)' : '(the original states no start time; check it: the incident may have begun before anything was logged)'}` });
  return { iso, line: chosen.line, marked: marked !== undefined };
}
