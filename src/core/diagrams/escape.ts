/**
 * Label escaping for user text placed into Mermaid. Mermaid turns `#<decimal>;` and `#<name>;` into
 * the character when drawing, so writing specials that way keeps hostile text (quotes, `%%{init}%%`,
 * `<script>`, a closing fence) from changing the diagram's structure or configuration. Only what
 * would be misread is encoded, by name where HTML has one (`#gt;` reads better than `#62;` in a
 * diff, trial12 T13): "p99 > 2s", "#4411" and "50%" stay as typed. Decoding is the exact inverse,
 * so labels round-trip as typed.
 */

import { isControlCharacter } from './labelInput';

const entity = (ch: string): string => `#${ch.codePointAt(0)};`;
/** A control character never stands raw in a diagram line (a NUL makes the file unreadable): both printers encode it. */
const isControl = (ch: string): boolean => isControlCharacter(ch.charCodeAt(0));

/** The named forms written for the characters that must be encoded and have one (Mermaid reads `#\w+;`). */
const NAMED_OUT: Record<string, string> = { '<': '#lt;', '>': '#gt;', '&': '#amp;', '"': '#quot;' };
const encoded = (ch: string): string => NAMED_OUT[ch] ?? entity(ch);

const NAMED: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', apos: "'" };

/** Turns `#NN;` (and the few named entities people type by hand) back into characters. */
export function decodeEntities(text: string): string {
  return text.replace(/#(\d{1,7}|[a-zA-Z]{2,8});/g, (whole, body: string) => {
    if (/^\d/.test(body)) {
      const code = Number(body);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

/** Whitespace collapsed to single spaces and trimmed: the form ishikawa lines can hold. */
export function normalizeFishboneLabel(label: string): string {
  return label.replace(/\s+/g, ' ').trim();
}

const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /\w/.test(ch);

/**
 * True when the `#` at `i` starts what Mermaid (`#\w+;`) or decodeEntities would read as a
 * character code: "#4411;" must be encoded, "#4411" and "# 1" need not. The scan stops at the first
 * character that is not a word character, so all scans together read the text once.
 */
function startsEntity(text: string, i: number): boolean {
  let k = i + 1;
  while (isWordChar(text[k])) k++;
  return k > i + 1 && text[k] === ';';
}

/**
 * The characters of `text` that would be misread, encoded: `always` ones everywhere, a `#` that
 * starts a character code, `%` next to another (`%%` opens a comment or an `%%{init}%%` directive),
 * and a backtick or tilde in a run of three (a line of them would close the Markdown fence).
 */
function encodeWhereMisread(text: string, always: (ch: string) => boolean): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const run = (ch === '`' || ch === '~') &&
      ((text[i - 1] === ch && text[i + 1] === ch) || (text[i - 1] === ch && text[i - 2] === ch) || (text[i + 1] === ch && text[i + 2] === ch));
    if (always(ch) || run || (ch === '#' && startsEntity(text, i)) || (ch === '%' && (text[i - 1] === '%' || text[i + 1] === '%'))) out += encoded(ch);
    else out += ch;
  }
  return out;
}

/**
 * An ishikawa line has no quoting: Mermaid sanitizes it as HTML and then draws it as text, so a raw
 * `<`, `>` or `&` would be drawn as `&lt;`: those are always encoded (`#lt;`, `#gt;`, `#amp;`), the
 * rest only where misread (encodeWhereMisread); a control character (which the editor's fields remove,
 * labelInput) as its code. Whitespace is collapsed and a leading "ishikawa" (the
 * diagram keyword) encoded. An empty label becomes `#32;` so the line is not blank (a blank line
 * would drop the node).
 */
export function encodeFishboneLabel(label: string): string {
  const text = encodeWhereMisread(normalizeFishboneLabel(label), (ch) => ch === '<' || ch === '>' || ch === '&' || isControl(ch));
  if (text === '') return '#32;';
  return /^ishikawa/i.test(text) ? entity(text[0]!) + text.slice(1) : text;
}

export function decodeFishboneLabel(raw: string): string {
  return normalizeFishboneLabel(decodeEntities(raw.trim()));
}

/**
 * Characters that may stand raw inside `id["..."]` (Mermaid's quoted label): what cannot end the
 * quote, open a tag or an entity, or close the fence. `<` (a tag), `&` (an entity), `"` (the end of
 * the label) and the backtick are always encoded; `#`, `%` and `~` only where misread.
 */
const FLOWCHART_SAFE = /[\p{L}\p{N} .,:;!?'()[\]{}|>\-_/+=*@^~$#%]/u;

/** Text for inside `id["..."]`: newlines as `<br/>`, every other special as a character code. */
export function encodeFlowchartLabel(label: string): string {
  let out = '';
  let line = '';
  const flush = () => {
    out += encodeWhereMisread(line, (ch) => isControl(ch) || !(FLOWCHART_SAFE.test(ch) || ch.codePointAt(0)! > 0x7f));
    line = '';
  };
  for (const ch of label) {
    if (ch === '\n') {
      flush();
      out += '<br/>';
    } else line += ch;
  }
  flush();
  return out;
}

export function decodeFlowchartLabel(raw: string): string {
  return decodeEntities(raw.replace(/<br\s*\/?>/gi, '\n'));
}
