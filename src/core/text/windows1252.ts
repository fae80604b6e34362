/**
 * Windows-1252 (and Latin-1) text: how a file that is not UTF-8 is read when its bytes show that
 * encoding (convert decodes such an original; evidence is scanned on this view). Pure: no Node
 * built-ins, so both hosts share it.
 */

/** A text that is not UTF-8, decoded in the encoding its bytes show, and what to tell the reader. */
export interface LegacyText {
  readonly text: string;
  readonly encoding: 'Windows-1252';
  /** Bytes above ASCII, i.e. the characters this decoding decided. */
  readonly decidedBytes: number;
}

/**
 * Windows-1252's characters for the bytes 0x80–0x9F (the WHATWG table); 0 where the byte is
 * undefined. Node's TextDecoder('windows-1252') decodes these bytes as Latin-1 control characters
 * (0x96 becomes U+0096, not the en dash), so the table is written out here.
 */
const HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

const ascii = new TextDecoder('utf-8');

/** The Windows-1252 byte of a character, '?' (0x3F) where the encoding has none (a placeholder label in another script). */
export function windows1252Byte(ch: number): number {
  if (ch < 0x80 || (ch >= 0xa0 && ch <= 0xff)) return ch;
  const high = HIGH.indexOf(ch);
  return high >= 0 ? 0x80 + high : 0x3f;
}

/** The length of a valid UTF-8 multi-byte sequence at `i`, 0 when there is none. */
function utf8SequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
  if (need === 0 || i + need >= bytes.length) return 0;
  let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
  for (let j = 1; j <= need; j++) {
    if ((bytes[i + j] & 0xc0) !== 0x80) return 0;
    cp = (cp << 6) | (bytes[i + j] & 0x3f);
  }
  const min = need === 1 ? 0x80 : need === 2 ? 0x800 : 0x10000;
  return cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? 0 : need + 1;
}

/**
 * Decodes a file that is not valid UTF-8 as Windows-1252 when that is evidently what it is: no byte
 * sequence in it is UTF-8 (a file mixing both would come out half garbled), and no byte is one
 * Windows-1252 leaves undefined. Latin-1 text reads the same way, except for typographic quotes
 * and dashes, which only Windows-1252 has. Undefined otherwise: the caller refuses the file rather
 * than write U+FFFD for its characters (trial C18).
 */
export function decodeLegacy(bytes: Uint8Array): LegacyText | undefined {
  let high = 0;
  let from = 0;
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    if (utf8SequenceAt(bytes, i) > 0) return undefined;
    const cp = b >= 0xa0 ? b : HIGH[b - 0x80];
    if (cp === 0) return undefined;
    high++;
    // Every byte between two high bytes is ASCII: any decoder reads it alike.
    parts.push(ascii.decode(bytes.subarray(from, i)), String.fromCharCode(cp));
    from = i + 1;
  }
  if (high === 0) return undefined;
  parts.push(ascii.decode(bytes.subarray(from)));
  let out = parts.join('');
  // Lone CRs (classic Mac line endings) are line breaks, as read.ts reads them.
  if (out.includes('\r')) out = out.replace(/\r(?!\n)/g, '\n');
  return { text: out, encoding: 'Windows-1252', decidedBytes: high };
}
