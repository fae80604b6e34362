import { byteIssue, utf16Of, type ByteIssue } from './byteChecks';
import { decodeLegacy, windows1252Byte } from './windows1252';

/**
 * The one reader of the encodings of files users hand the tool that are not post-mortems (exports
 * to import, evidence to attach): UTF-8 (with or without a byte-order mark), UTF-16 (by its BOM, or
 * by the NUL byte in every other place that ASCII text in UTF-16 has: Windows PowerShell 5.1's `>`
 * writes it, Excel's "Unicode text" too) and, when the caller accepts it, Windows-1252. What is none
 * of these is not decoded: the caller refuses it, naming the first bad byte (byteIssueFact), instead
 * of reading U+FFFD for its characters or scanning NUL-spaced text that no pattern matches.
 * Pure: bytes in, text out; each host words its own messages.
 */

export type TextEncodingName = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1252';

export interface DecodedText {
  /** The decoded text; a byte-order mark stays as U+FEFF at offset 0 (so offsets map back to bytes). */
  readonly text: string;
  readonly encoding: TextEncodingName;
  readonly bom: boolean;
  /** Set when the encoding was inferred, not stated by a BOM or valid UTF-8: from what, in words ("no byte-order mark; every other byte is NUL"). */
  readonly inferred?: string;
}

export type TextDecoding =
  | { readonly ok: true; readonly decoded: DecodedText }
  /** Not UTF-8 (nor UTF-16, nor Windows-1252 when accepted): where the first bad byte is. */
  | { readonly ok: false; readonly issue: ByteIssue };

const strict = (label: string) => new TextDecoder(label, { fatal: true, ignoreBOM: true });
const lenient = (label: string) => new TextDecoder(label, { ignoreBOM: true });

/** How many leading bytes the NUL-pattern check looks at: enough to tell, bounded for a large file. */
const SNIFF_BYTES = 64 * 1024;

export function decodeText(bytes: Uint8Array, options: { readonly windows1252?: boolean } = {}): TextDecoding {
  const byBom = utf16Of(bytes);
  if (byBom) {
    // Decoded even where damaged (a lone surrogate becomes one U+FFFD): each code unit stays one character, so offsets still map to bytes.
    return { ok: true, decoded: { text: lenient(byBom).decode(bytes), encoding: byBom === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE', bom: true } };
  }
  const byNuls = utf16ByNuls(bytes);
  if (byNuls) {
    try {
      const text = strict(byNuls).decode(bytes);
      const name = byNuls === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE';
      return { ok: true, decoded: { text, encoding: name, bom: false, inferred: 'no byte-order mark; every other byte is NUL' } };
    } catch {
      // Not valid UTF-16 after all: judged as bytes below.
    }
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return { ok: true, decoded: { text: strict('utf-8').decode(bytes), encoding: 'UTF-8', bom } };
  } catch {
    // Not UTF-8: Windows-1252 when its bytes say so and the caller accepts it, else refused.
  }
  if (options.windows1252) {
    const legacy = decodeLegacy(bytes);
    if (legacy) {
      // decodeLegacy reads lone CRs as LF (same length); the text here is for scanning, so that is harmless.
      return {
        ok: true,
        decoded: { text: legacy.text, encoding: 'Windows-1252', bom: false, inferred: `not UTF-8; its ${legacy.decidedBytes} byte${legacy.decidedBytes === 1 ? '' : 's'} above ASCII ${legacy.decidedBytes === 1 ? 'is a' : 'are'} Windows-1252 character${legacy.decidedBytes === 1 ? '' : 's'}` },
      };
    }
  }
  const issue = byteIssue(bytes);
  // byteIssue reports a NUL first; the reason this decoding failed is the invalid UTF-8 after it, but either names a byte to look at.
  return { ok: false, issue: issue ?? { code: 'file/not-utf8', at: { offset: 0, line: 0, character: 0, byteInLine: 1 }, byte: bytes[0] ?? 0, count: 1, singleByte: false } };
}

/**
 * UTF-16 without a byte-order mark, by its shape: an even length of at least MIN_UTF16_BYTES, no NUL
 * code unit, in at least half of the leading code units the high byte NUL and the low byte not
 * (text mostly in Latin script), and none of those a control character text does not hold (only
 * TAB, LF, FF, CR and ESC, for colours in a log): a few bytes of a binary (`89 50 00 0A`) or an
 * array of 16-bit numbers has that shape too, and is no text. CJK text in UTF-16 without a BOM has
 * no such shape and is not recognised.
 */
function utf16ByNuls(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < MIN_UTF16_BYTES || bytes.length % 2 !== 0) return undefined;
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let le = 0;
  let be = 0;
  for (let i = 0; i + 1 < n; i += 2) {
    const a = bytes[i];
    const b = bytes[i + 1];
    if (a === 0 && b === 0) return undefined;
    if (b === 0) {
      if (!isTextByte(a)) return undefined;
      le++;
    } else if (a === 0) {
      if (!isTextByte(b)) return undefined;
      be++;
    }
  }
  const units = n / 2;
  if (le * 2 >= units && be === 0) return 'utf-16le';
  if (be * 2 >= units && le === 0) return 'utf-16be';
  return undefined;
}

/** Eight characters: shorter, the NUL pattern says too little (two bytes of a PNG header have it). */
const MIN_UTF16_BYTES = 16;

/** The low byte of a code unit whose high byte is NUL, in text: not a C0 control but TAB, LF, FF, CR or ESC. */
function isTextByte(c: number): boolean {
  return c >= 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d || c === 0x1b;
}

/**
 * The bytes of `decoded`'s file with each [start, end) range of its text replaced by an ASCII
 * `replacement`, in the file's own encoding; every other byte as it was. UTF-16 and Windows-1252
 * map one text character to a fixed number of bytes, so the original bytes are copied around the
 * ranges (an accent the decoding may have misread is never rewritten); UTF-8 was decoded strictly,
 * so re-encoding it gives back its bytes.
 */
export function replaceInBytes(bytes: Uint8Array, decoded: DecodedText, ranges: readonly { readonly start: number; readonly end: number; readonly replacement: string }[]): Uint8Array {
  const parts: Uint8Array[] = [];
  if (decoded.encoding === 'UTF-8') {
    const encoder = new TextEncoder();
    let last = 0;
    for (const r of ranges) {
      if (r.start < last) continue;
      parts.push(encoder.encode(decoded.text.slice(last, r.start)), encoder.encode(r.replacement));
      last = r.end;
    }
    parts.push(encoder.encode(decoded.text.slice(last)));
    return concat(parts);
  }
  const width = decoded.encoding === 'Windows-1252' ? 1 : 2;
  let last = 0;
  for (const r of ranges) {
    if (r.start < last) continue;
    parts.push(bytes.subarray(last * width, r.start * width), encodeAscii(r.replacement, decoded.encoding));
    last = r.end;
  }
  parts.push(bytes.subarray(last * width));
  return concat(parts);
}

function encodeAscii(s: string, encoding: Exclude<TextEncodingName, 'UTF-8'>): Uint8Array {
  if (encoding === 'Windows-1252') return Uint8Array.from(s, (ch) => windows1252Byte(ch.charCodeAt(0)));
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 * i + (encoding === 'UTF-16LE' ? 0 : 1)] = c & 0xff;
    out[2 * i + (encoding === 'UTF-16LE' ? 1 : 0)] = c >> 8;
  }
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
