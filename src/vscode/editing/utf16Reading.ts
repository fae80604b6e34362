import { utf16Of } from '../../core/text/byteChecks';
import { decodeMarkdown } from '../../core/text/decodeMarkdown';

/**
 * A post-mortem's bytes read as UTF-16 by the core's one reading (with a byte-order mark, or without
 * one by its NUL bytes), as the editor's byte checks need it: the byte checks cannot see the line
 * breaks of UTF-16 (every other byte NUL), and without a BOM they took the file for one holding NUL.
 * Undefined when the bytes are not UTF-16.
 */
export interface Utf16Reading {
  /** "UTF-16 (little-endian, no byte-order mark)". */
  readonly name: string;
  /** The decoded text with its own line breaks. */
  readonly text: string;
  /** Some code units did not decode (a lone surrogate, read as U+FFFD) or a NUL: a save would not give them back. */
  readonly damaged: boolean;
}

export function utf16Reading(bytes: Uint8Array): Utf16Reading | undefined {
  // UTF-16 has a BOM or NUL bytes: a UTF-8 file (nearly every one) is not decoded again here.
  if (!utf16Of(bytes) && bytes.indexOf(0) < 0) return undefined;
  const d = decodeMarkdown(bytes);
  if (d.kind !== 'text' || d.encoding === 'UTF-8') return undefined;
  const endian = d.encoding === 'UTF-16LE' ? 'little-endian' : 'big-endian';
  return { name: `UTF-16 (${endian}, ${d.bom ? 'with a byte-order mark' : 'no byte-order mark'})`, text: d.withLineBreaks, damaged: d.damaged };
}
