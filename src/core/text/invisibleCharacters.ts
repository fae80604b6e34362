/**
 * Characters that show as nothing (zero-width spaces and joiners, direction marks and overrides, a
 * soft hyphen, a byte-order mark inside the text) — pasted from chat, word processors and RTL
 * keyboards. In a time, a handle or a heading they make the text other than it looks: `14:0​9Z`
 * reads as "14:09Z" on screen but is no time to any reader. Pure: text in, facts out.
 */

const NAMES: Readonly<Record<number, string>> = {
  0x00ad: 'SOFT HYPHEN',
  0x061c: 'ARABIC LETTER MARK',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};

/** One character class, no quantifier: linear. */
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const ANY_INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

/** Whether `text` holds any character that shows as nothing (one native scan: most documents hold none). */
export function hasInvisible(text: string): boolean {
  return ANY_INVISIBLE.test(text);
}

/** `U+200B ZERO WIDTH SPACE`. */
export function invisibleName(c: string): string {
  const code = c.charCodeAt(0);
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} ${NAMES[code] ?? 'INVISIBLE CHARACTER'}`;
}

/**
 * The text with each invisible character written as `⟨U+200B⟩`, for messages that quote user text:
 * a quoted `"14:0​9Z"` looks like a valid time called wrong (trial16a F2).
 */
export function showInvisibles(text: string): string {
  if (!ANY_INVISIBLE.test(text)) return text;
  return text.replace(INVISIBLE, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

/** Letters of scripts written right to left, where direction marks are part of writing. */
const RTL_LETTER = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const PICTOGRAPH = /[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\uFE0F]/u;
const NON_LATIN_LETTER = /[^\P{L}\p{Script=Latin}]/u;
const STRUCTURE = /[\d@:]/;

/**
 * The invisible characters of one line that are slips, not writing: a joiner inside an emoji
 * sequence (👩‍💻), a non-joiner or joiner between letters of a script that uses them (Persian,
 * Hindi), and a direction mark in a line of right-to-left text away from digits, `@` and `:` are
 * writing and left alone. Columns are UTF-16 offsets in the line.
 */
export function strayInvisibles(line: string): { readonly column: number; readonly char: string }[] {
  if (!ANY_INVISIBLE.test(line)) return [];
  const out: { column: number; char: string }[] = [];
  const rtl = RTL_LETTER.test(line);
  for (const m of line.matchAll(INVISIBLE)) {
    const i = m.index ?? 0;
    const c = m[0];
    const before = charBefore(line, i);
    const after = charAfter(line, i + 1);
    const code = c.charCodeAt(0);
    if (code === 0x200d && (PICTOGRAPH.test(before) || PICTOGRAPH.test(after))) continue;
    if ((code === 0x200c || code === 0x200d) && NON_LATIN_LETTER.test(before) && NON_LATIN_LETTER.test(after)) continue;
    if ((code === 0x200e || code === 0x200f || code === 0x061c) && rtl && !STRUCTURE.test(before) && !STRUCTURE.test(after)) continue;
    out.push({ column: i, char: c });
  }
  return out;
}

/** The code point ending before `i` (a surrogate pair whole). */
function charBefore(s: string, i: number): string {
  if (i <= 0) return '';
  const low = s.charCodeAt(i - 1);
  return low >= 0xdc00 && low <= 0xdfff && i >= 2 ? s.slice(i - 2, i) : s.slice(i - 1, i);
}

function charAfter(s: string, i: number): string {
  const cp = s.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}
