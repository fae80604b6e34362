/** One event read from an export, ready to become a timeline entry. */
export interface ImportedEvent {
  /** Epoch ms, UTC. */
  readonly instant: number;
  /** One line of text: the message, alert or commit subject. */
  readonly text: string;
  /** The source tag written on the entry: `(chat)`, `(alert)`, `(deploy)`. */
  readonly source: string;
  /** Where it came from, for messages: `2026-11-20.json message 3`, `row 7`. */
  readonly origin: string;
  /** What was decided reading it, for the host to show beside the preview (a repeated hour read from the row order). */
  readonly note?: string;
  /**
   * Which of the events read from one origin this is (an alert's `firing` and `resolved`), so a
   * list by origin names the origin once: "alert 1 (firing and resolved)".
   */
  readonly part?: string;
  /** The export wrote the time to the second (a CSV's `23:49:12`): the entry keeps the seconds, not only the minute. */
  readonly seconds?: boolean;
}

/** Records of an export read but not made into events, counted by why: the summary says them. */
export interface SkippedRecords {
  readonly count: number;
  /** Said after "skipped": the count, what and why, where the first were ("1 housekeeping message (channel_join)"). */
  readonly what: string;
}

/** What an importer read: the events, what it skipped and why, and what it decided for the whole export. */
export interface ImportRead {
  readonly events: ImportedEvent[];
  readonly skipped: readonly SkippedRecords[];
  /** For the host to show with the summary: where names came from, users.json not found. */
  readonly notes: readonly string[];
  /** CSV: how many times had no zone written and were read in the export's zone (the host says which zone only then). */
  readonly zoneLessTimes?: number;
}

/** The read of an importer that skips nothing and has nothing to say beyond its events. */
export function eventsOnly(events: ImportedEvent[]): ImportRead {
  return { events, skipped: [], notes: [] };
}

export type ImportFormat = 'slack' | 'csv' | 'alertmanager' | 'git';

/**
 * Bad input: the message names the file and row so the user can fix the export. Importers throw
 * it before returning anything, so a bad row never leaves a timeline half-imported.
 */
export class ImportError extends Error {
  override readonly name = 'ImportError';
}

/** The JSON in `text`, or an ImportError naming the file (`name`) and what the parser said. */
export function parseJsonFile(name: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ImportError(`${name}: not valid JSON (${(e as Error).message})`);
  }
}

/** Most characters an imported entry's text keeps: longer ones are cut (marked …), and each importer's notes say how many. */
export const ENTRY_TEXT_LIMIT = 300;

/** Collapses a multi-line message to one line, so each event is one list item; a longer one is cut at a word (cutAtWord). */
export function oneLine(text: string, max = ENTRY_TEXT_LIMIT): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${cutAtWord(flat, max - 1)}…` : flat;
}

/** At most this many number groups before a cut are dropped with it (a phone number has fewer). */
const MAX_NUMBER_GROUPS = 6;

/**
 * `flat` cut to at most `max` characters at a space, never inside a word: imported text is redacted
 * after it is cut, and half an e-mail address, token or link (`dana.lee@acme-pay.c…`) is no longer
 * recognised, so the half would be kept. The groups of a number before the cut go with it
 * (`call +64 21 123…` would keep most of a phone number). A word longer than half the entry (a stack
 * trace, a blob) is cut where it must be: dropping it whole would leave little of the message.
 */
function cutAtWord(flat: string, max: number): string {
  let cut = flat.lastIndexOf(' ', max);
  if (cut < max / 2) return flat.slice(0, max);
  for (let groups = 0; groups < MAX_NUMBER_GROUPS; groups++) {
    const start = flat.lastIndexOf(' ', cut - 1);
    if (start <= 0 || !isNumberGroup(flat, start + 1, cut)) break;
    cut = start;
  }
  return flat.slice(0, cut);
}

/** Whether `text[from, to)` is one group of a written number: digits with `+ ( ) - .` and at least one digit. */
function isNumberGroup(text: string, from: number, to: number): boolean {
  let digit = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digit = true;
    else if (c !== 43 && c !== 40 && c !== 41 && c !== 45 && c !== 46) return false;
  }
  return digit;
}

/** The notes importers left on events (a repeated hour read from the rows' order), for hosts to show with the preview. */
export function eventNotes(events: readonly ImportedEvent[]): string[] {
  return events.flatMap((e) => (e.note ? [e.note] : []));
}

/** "1 event read" / "3 events read": the count line both hosts start their summary with. */
export function eventsRead(count: number): string {
  return `${count} event${count === 1 ? '' : 's'} read`;
}
