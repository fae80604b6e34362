import type { KeptRun } from '../fix/keptRuns';
import type { MarkdownEncoding } from './decodeMarkdown';

/**
 * The bytes of an edited post-mortem in the form its file was read in: the same encoding (UTF-8,
 * UTF-16 little- or big-endian), the same byte-order mark or none, and its own line breaks. A fix
 * on a file a Windows editor saved as UTF-16 with CRLF comes back UTF-16 with CRLF, not UTF-8
 * (which `git diff` shows as every line changed, and which the author's tools may not read back).
 *
 * What the tools read differs from the file in two places only, both put back here:
 * - a lone CR (classic Mac line ending) is read as LF (decodeMarkdown.ts), same length: where the
 *   edited text still holds the original's character (`kept`, keptRuns.ts), its CR is written;
 * - a line break an edit added is written in the file's style (its first line break's, as the
 *   rules' `LineIndex.eol` chose it: CRLF, LF or a lone CR); the original's breaks keep theirs, so
 *   a file with mixed endings keeps every one of them.
 *
 * Checked against what was read: the text as read, put back the same way, must give the very bytes
 * read, or nothing is written (`reencode` says why). So a file the reading changed beyond those two
 * places is never rewritten: U+FFFD for invalid UTF-8 (a Windows-1252 file read as UTF-8), for a
 * lone surrogate in UTF-16, a NUL. Pure: text and bytes in, bytes out.
 */

/** How a file's bytes were read: enough to write an edited text back the same way. */
export interface ReadForm {
  readonly encoding: MarkdownEncoding;
  readonly bom: boolean;
  /** The bytes read. */
  readonly bytes: Uint8Array;
  /** The text as the tools read it (lone CRs as LF; a BOM as U+FEFF at offset 0). */
  readonly text: string;
  /** The same text with the file's line breaks (lone CRs as CR): differs from `text` only there. */
  readonly withLineBreaks: string;
}

export type Reencoding = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly why: string };

const BOM = '\uFEFF';

/** The bytes of `edited` (the form's text after edits; `kept` from applyEdits/fixAll) in the form's encoding, BOM and line breaks. */
export function reencode(form: ReadForm, edited: string, kept: readonly KeptRun[]): Reencoding {
  const lossy = readingLoss(form);
  if (lossy) return { ok: false, why: lossy };
  const half = loneSurrogateAt(edited);
  if (half >= 0) return { ok: false, why: `the edited text holds half of a character (a lone UTF-16 surrogate, U+${edited.charCodeAt(half).toString(16).toUpperCase()}), which ${nameOf(form)} cannot hold` };
  const bomFirst = withBomAsRead(form, edited, kept);
  const text = withLineBreaksAsRead(bomFirst.text, bomFirst.kept, form.withLineBreaks);
  if (text === undefined) return { ok: false, why: 'an edit brought a lone CR line break of the file next to a line feed, and written so they would read as one line break' };
  return { ok: true, bytes: encodeIn(form, text) };
}

/**
 * A whole new text (a regenerated index page) in the form of the file it replaces: its encoding,
 * its byte-order mark or none, its first line's line break for every line. Nothing of the old text
 * is kept, so nothing of it needs to decode back.
 */
export function encodeReplacement(form: Pick<ReadForm, 'encoding' | 'bom' | 'withLineBreaks'>, text: string): Uint8Array {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  // With nothing kept, every line break is a new one: withLineBreaksAsRead writes each in the style (never undefined then).
  const broken = withLineBreaksAsRead(body, [], form.withLineBreaks) ?? body;
  return encodeIn(form, form.bom ? BOM + broken : broken);
}

/**
 * Why the file's bytes cannot be written back from its text (undefined when they can): its text,
 * unedited, put back the same way, is not its bytes. The reason named is the first difference.
 */
export function readingLoss(form: ReadForm): string | undefined {
  const nul = form.text.indexOf('\0');
  if (nul >= 0) return `it holds a NUL character at line ${lineOf(form.text, nul)}: not text, or text damaged by a tool; remove it first`;
  const at = firstDifference(encodeIn(form, form.withLineBreaks), form.bytes);
  // (withLineBreaks is the decoded text itself: no edit, nothing to restore.)
  if (at < 0) return undefined;
  const replaced = form.text.indexOf('\uFFFD');
  const where = replaced >= 0 ? `line ${lineOf(form.text, replaced)}, read as U+FFFD` : `byte ${at}`;
  return `read as ${nameOf(form)}, some of its bytes do not decode (${where}): writing it would replace them`;
}

/** "UTF-16 (little-endian, no byte-order mark)", "UTF-8 with a byte-order mark". */
export function nameOf(form: Pick<ReadForm, 'encoding' | 'bom'>): string {
  if (form.encoding === 'UTF-8') return form.bom ? 'UTF-8 with a byte-order mark' : 'UTF-8';
  return `UTF-16 (${form.encoding === 'UTF-16LE' ? 'little-endian' : 'big-endian'}, ${form.bom ? 'with a byte-order mark' : 'no byte-order mark'})`;
}

/**
 * `edited` with the original's line breaks where it kept them (a lone CR read as LF is a CR again)
 * and every line break an edit added (LF or CRLF) in the style of the original's first one. A CR
 * written just before an LF would join two line breaks into one CRLF: a new break then takes the
 * first style that joins nothing (CRLF always does), and a kept lone CR that an edit brought next
 * to a kept LF cannot be written at all (undefined: the caller refuses).
 */
export function withLineBreaksAsRead(edited: string, kept: readonly KeptRun[], original: string): string | undefined {
  const style = firstLineBreak(original);
  const parts: string[] = [];
  let copied = 0;
  let run = 0;
  /** The edited offset just after the last line break written with a CR last, or -1. */
  let afterCr = -1;
  const keptAt = (p: number): number => {
    while (run < kept.length && kept[run].at + kept[run].length <= p) run++;
    const r = kept[run];
    return r && r.at <= p ? r.from + (p - r.at) : -1;
  };
  for (let p = edited.indexOf('\n'); p !== -1; p = edited.indexOf('\n', p + 1)) {
    const from = keptAt(p);
    if (from >= 0) {
      const loneCr = original.charCodeAt(from) === 13;
      // An original LF (or CRLF: its CR is then the character before) right after a CR written as a line break: they would read as one.
      if (afterCr === p && !loneCr) return undefined;
      if (loneCr) {
        parts.push(edited.slice(copied, p), '\r');
        copied = p + 1;
        afterCr = p + 1;
      }
      continue;
    }
    // A line break an edit wrote (LF, or CRLF when the rule took the style from a CRLF first line).
    const start = p > 0 && edited.charCodeAt(p - 1) === 13 ? p - 1 : p;
    // The next character is written as an LF: an LF of the original (not a lone CR). A new break after this one is written in the style, which then starts with a CR.
    const next = edited.charCodeAt(p + 1) === 10 ? keptAt(p + 1) : -1;
    const nextIsLf = next >= 0 && original.charCodeAt(next) !== 13;
    const joins = (b: string) => (afterCr === start && b.startsWith('\n')) || (b.endsWith('\r') && nextIsLf);
    const written = joins(style) ? '\r\n' : style;
    afterCr = written.endsWith('\r') ? p + 1 : -1;
    if (edited.slice(start, p + 1) === written) continue;
    parts.push(edited.slice(copied, start), written);
    copied = p + 1;
  }
  if (copied === 0) return edited;
  parts.push(edited.slice(copied));
  return parts.join('');
}

/** The first line break of `text` (CRLF, LF or a lone CR); LF when it has none. */
export function firstLineBreak(text: string): '\r\n' | '\n' | '\r' {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (cr < 0 || (lf >= 0 && lf < cr)) return '\n';
  return text.charCodeAt(cr + 1) === 10 ? '\r\n' : '\r';
}

/**
 * The byte-order mark where the file had it: first, once. A fix that inserted text at offset 0
 * put it before the U+FEFF the reading kept; that U+FEFF is moved back to the front (`kept` says
 * where it went), never written in the middle as a zero-width character the file did not have.
 */
function withBomAsRead(form: ReadForm, text: string, kept: readonly KeptRun[]): { text: string; kept: readonly KeptRun[] } {
  if (!form.bom || text.startsWith(BOM)) return { text, kept };
  const first = kept.length > 0 && kept[0].from === 0 ? kept[0] : undefined;
  if (!first || text.charCodeAt(first.at) !== 0xfeff) return { text: BOM + text, kept: kept.map((r) => ({ ...r, at: r.at + 1 })) };
  // Moved from `first.at` to 0: the text before it shifts by one (no run is there: the first run starts at the BOM), the text after it stays.
  const rest = first.length > 1 ? [{ at: first.at + 1, from: 1, length: first.length - 1 }] : [];
  return { text: BOM + text.slice(0, first.at) + text.slice(first.at + 1), kept: [{ at: 0, from: 0, length: 1 }, ...rest, ...kept.slice(1)] };
}

function encodeIn(form: Pick<ReadForm, 'encoding'>, text: string): Uint8Array {
  if (form.encoding === 'UTF-8') return new TextEncoder().encode(text);
  const out = new Uint8Array(text.length * 2);
  const little = form.encoding === 'UTF-16LE';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 * i + (little ? 0 : 1)] = c & 0xff;
    out[2 * i + (little ? 1 : 0)] = c >> 8;
  }
  return out;
}

/** The index of the first half of a surrogate pair standing alone, or -1. */
function loneSurrogateAt(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
    }
    return i;
  }
  return -1;
}

function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

/** The 1-based line of an offset (lines at LF, as the tools read them). */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
