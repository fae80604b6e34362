import type { RedactionSettings } from '../redaction/config';
import { placeholder, type RedactionFinding } from '../redaction/kinds';
import { scanSensitive } from '../redaction/scan';
import { byteIssue, type ByteIssue } from '../text/byteChecks';
import { byteIssueFact } from '../text/byteIssueWords';
import { decodeText, replaceInBytes, type DecodedText } from '../text/decodeText';
import { isShiftJis } from '../text/shiftJis';
import { fileSignatureOf } from './fileSignature';
import { extensionOf } from './paths';

/**
 * What goes into the evidence folder for one file, the same for Attach Evidence (editor) and
 * `postmortem evidence add`. Text is decoded in the encoding its bytes show (UTF-8 with or without
 * BOM, UTF-16 by BOM or by its NUL bytes, Windows-1252) and scanned; the copy keeps that encoding
 * and every byte but the redacted values. A UTF-16 log used to be scanned as NUL-spaced bytes that
 * no pattern matched and copied unredacted without a word (trial14a F26); a Latin-1 log was copied
 * with every accent replaced by U+FFFD (F27). A file that looks like text but is none of these
 * encodings, or that reads as Shift-JIS as well as Windows-1252 (which one, nothing tells), cannot
 * be scanned: it is refused, naming what it reads as, never copied as if checked.
 */

const TEXT_EXTENSIONS = new Set(['log', 'txt', 'json', 'jsonl', 'ndjson', 'csv', 'tsv', 'md', 'yaml', 'yml', 'xml', 'html', 'har', 'out', 'err', 'trace', 'conf', 'ini', 'toml', 'svg']);
const HEAD_BYTES = 8192;

export type EvidenceCopy =
  /** An image or a PDF by its bytes (never read), or a file of another kind with NUL bytes: copied as it is. */
  | { readonly kind: 'binary'; readonly bytes: Uint8Array; readonly note?: string }
  /**
   * An archive or compressed file by its bytes (gzip, zip, tar, bzip2, xz, 7z, zstd, …), whatever its
   * name: the logs in it cannot be scanned, so the hosts refuse it (the CLI copies it with --unscanned).
   * `fact` names the format, for the host's refusal.
   */
  | { readonly kind: 'archive'; readonly format: string; readonly fact: string }
  | {
    readonly kind: 'text';
    /** The copy: redacted when asked and something was found, else the original bytes. */
    readonly bytes: Uint8Array;
    readonly text: string;
    readonly found: readonly RedactionFinding[];
    readonly allowed: readonly RedactionFinding[];
    /** Said when the file is not plain UTF-8: how it was read and that the copy keeps that encoding. */
    readonly encodingNote?: string;
  }
  /**
   * Looks like text (a text extension, or no NUL byte) but is not UTF-8, UTF-16 or Windows-1252, or
   * is Shift-JIS as much as Windows-1252: what is wrong (`fact`) and why that stops the scan (`why`), for the host's refusal.
   */
  | { readonly kind: 'undecodable'; readonly fact: string; readonly why: string };

export function evidenceCopy(fileName: string, bytes: Uint8Array, settings: RedactionSettings, redact: boolean): EvidenceCopy {
  const ext = extensionOf(fileName);
  // Judged by the bytes, not the name: `logs.zip` was copied unscanned without a word, and so was a
  // text file named `fake.png` (trial15a F11); a real image or PDF is not read, as documented.
  const signature = fileSignatureOf(bytes);
  if (signature?.kind === 'archive') {
    return { kind: 'archive', format: signature.format, fact: `${fileName} is an archive (${signature.format}): the files in it cannot be scanned for secrets.` };
  }
  if (signature?.kind === 'document') return { kind: 'binary', bytes };
  const decoding = decodeText(bytes, { windows1252: true });
  const known = TEXT_EXTENSIONS.has(ext);
  const binaryHead = !known && bytes.subarray(0, HEAD_BYTES).includes(0);
  // A file of another kind with NUL bytes is binary (a core dump, a database), unless it is UTF-16 text.
  if (binaryHead && !(decoding.ok && decoding.decoded.encoding.startsWith('UTF-16'))) {
    return { kind: 'binary', bytes, note: `${fileName} is not text (it holds NUL bytes): copied as it is, not scanned for secrets.` };
  }
  if (!decoding.ok) return undecodable(decoding.issue, bytes, false);
  const decoded = decoding.decoded;
  // Japanese text in Shift-JIS is often valid Windows-1252 too: scanned as the wrong one, a trail byte
  // in the ASCII range could join an address or split a token, and the note would name a guess.
  if (decoded.encoding === 'Windows-1252' && isShiftJis(bytes)) return undecodable(byteIssue(bytes), bytes, true);
  const { found, allowed } = scanSensitive(decoded.text, settings);
  const copy = found.length && redact
    ? replaceInBytes(bytes, decoded, found.map((f) => ({ start: f.start, end: f.end, replacement: placeholder(f.label) })))
    : bytes;
  const encodingNote = noteOf(fileName, decoded);
  return { kind: 'text', bytes: copy, text: decoded.text, found, allowed, ...(encodingNote ? { encodingNote } : {}) };
}

function undecodable(issue: ByteIssue | undefined, bytes: Uint8Array, windows1252: boolean): EvidenceCopy {
  const fact = issue ? byteIssueFact(issue) : 'not valid UTF-8.';
  const why = !isShiftJis(bytes)
    ? 'It is not UTF-16 or Windows-1252 either, so it cannot be scanned for secrets.'
    : windows1252
      ? 'It reads as Shift-JIS or as Windows-1252: which one, the tool cannot tell, so it cannot be scanned for secrets.'
      : 'It reads as Shift-JIS, which the tool does not decode, so it cannot be scanned for secrets.';
  return { kind: 'undecodable', fact, why };
}

function noteOf(fileName: string, decoded: DecodedText): string | undefined {
  if (decoded.encoding === 'UTF-8') return undefined;
  const how = decoded.inferred ?? 'by its byte-order mark';
  const kept = decoded.encoding === 'Windows-1252' ? 'the copy keeps every other byte as it was' : `the copy stays ${decoded.encoding}`;
  return `Read ${fileName} as ${decoded.encoding} (${how}) to scan it; ${kept}.`;
}
