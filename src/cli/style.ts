/** Minimal ANSI styling that becomes plain text when colours are off. */
export interface Style {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  underline(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

export function makeStyle(color: boolean): Style {
  if (!color) {
    const id = (s: string) => s;
    return { red: id, yellow: id, green: id, dim: id, bold: id, underline: id };
  }
  return { red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39), dim: wrap(2, 22), bold: wrap(1, 22), underline: wrap(4, 24) };
}

/**
 * Control characters from user text (titles, items, messages, file names) made visible: `\x1B`,
 * `\x07`, `\x0D`… instead of raw bytes that a terminal would obey (colours, cursor moves, window
 * titles, clipboard writes) or that would break a line. Also the C1 controls, the Unicode line
 * separators and the bidirectional overrides ("Trojan Source"). Tabs stay.
 */
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(CONTROL, escapeControl);
}

/** The same for multi-line output (a report): line feeds stay, CR only as part of CRLF. */
const CONTROL_KEEP_LF = /\r(?!\n)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafeLines(text: string): string {
  return text.replace(CONTROL_KEEP_LF, escapeControl);
}

function escapeControl(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The last line of defence on the way to a terminal: every control character except line feeds,
 * tabs and our own colour codes (ESC [ digits m, as makeStyle writes them) is made visible. Fields
 * with user text are escaped with terminalSafe before styling, so a user's ESC never gets here raw.
 */
const CONTROL_OUTPUT = /\u001b\[[0-9;]{0,12}m|\r(?!\n)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafeOutput(text: string): string {
  return text.replace(CONTROL_OUTPUT, (c) => (c.length > 1 && c.charCodeAt(0) === 0x1b ? c : escapeControl(c)));
}

/** Characters of one label (an action item, a title) shown on a terminal line, at most. */
export const MAX_LABEL_CHARS = 200;

/**
 * A label cut for a terminal line: at most `max` characters, then `…` and how many were left out
 * (a 50 KB item pasted from a log flooded the terminal). JSON output keeps the whole text. Never
 * cuts a surrogate pair in two. Escape with terminalSafe after cutting.
 */
export function shortLabel(text: string, max = MAX_LABEL_CHARS): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return `${text.slice(0, cut)}… (${(text.length - cut).toLocaleString('en-US')} more characters; --format json has them all)`;
}
