import type { TimelineEntry } from '../document/model';

/** The template's and the format's own example stamp (`YYYY-MM-DD HH:MMZ`, `HH:MM`), as written there: capitals. */
const PLACEHOLDER_STAMP = /^(?:YYYY-MM-DD(?:[ T]HH:MM(?::SS)?Z?)?|HH:MM(?::SS)?Z?)(?![\w-])/;

/**
 * An entry still holding the template's example stamp (`- YYYY-MM-DD HH:MMZ (alert) [detected]
 * Describe the first signal`, kept by New Post-mortem when the start was not known): a line to
 * replace, not a time the writer got wrong. timeline/placeholder says so; timeline/unparseable
 * leaves it alone (a fresh post-mortem must not open with a warning on its own template line).
 */
export function isPlaceholderEntry(entry: Pick<TimelineEntry, 'text' | 'instant'>): boolean {
  return entry.instant === undefined && PLACEHOLDER_STAMP.test(entry.text);
}

/** Where the example stamp ends in the entry's text. */
export function placeholderStampLength(text: string): number {
  return PLACEHOLDER_STAMP.exec(text)?.[0].length ?? 0;
}
