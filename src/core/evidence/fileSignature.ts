/**
 * What a file is by its first bytes, not its name: evidence named `app.log.gz` may be anything, and
 * a text file named `fake.png` is text. An archive or compressed file holds logs the redaction scan
 * cannot see (trial15a F11: a gzipped log with a GitHub token was copied with only "Attached"), and
 * an image or PDF is documented as not read; everything else is judged as text or NUL-holding bytes.
 * Pure: bytes in, a name out; each host words its own messages.
 */

export type FileSignature =
  | { readonly kind: 'archive'; readonly format: string }
  | { readonly kind: 'document'; readonly format: string };

/** How much of the head is checked for text: a real archive, image or PDF is not valid UTF-8 without NUL bytes this far. */
export const TEXT_HEAD_BYTES = 8192;

interface Magic {
  readonly format: string;
  readonly kind: FileSignature['kind'];
  readonly at: number;
  readonly bytes: readonly number[];
  /** More the bytes must show, where the magic alone is short. */
  readonly also?: (bytes: Uint8Array) => boolean;
}

const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

const MAGICS: readonly Magic[] = [
  { kind: 'archive', format: 'gzip', at: 0, bytes: [0x1f, 0x8b] },
  { kind: 'archive', format: 'zip', at: 0, bytes: [0x50, 0x4b, 0x03, 0x04] },
  // An empty zip, and one written in parts.
  { kind: 'archive', format: 'zip', at: 0, bytes: [0x50, 0x4b, 0x05, 0x06] },
  { kind: 'archive', format: 'zip', at: 0, bytes: [0x50, 0x4b, 0x07, 0x08] },
  { kind: 'archive', format: 'tar', at: 257, bytes: ascii('ustar') },
  { kind: 'archive', format: 'bzip2', at: 0, bytes: ascii('BZh') },
  { kind: 'archive', format: 'xz', at: 0, bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { kind: 'archive', format: '7z', at: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { kind: 'archive', format: 'zstd', at: 0, bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { kind: 'archive', format: 'rar', at: 0, bytes: ascii('Rar!\x1a\x07') },
  { kind: 'archive', format: 'lz4', at: 0, bytes: [0x04, 0x22, 0x4d, 0x18] },
  { kind: 'archive', format: 'compress (.Z)', at: 0, bytes: [0x1f, 0x9d] },
  { kind: 'archive', format: 'lzip', at: 0, bytes: ascii('LZIP') },
  { kind: 'document', format: 'PNG', at: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { kind: 'document', format: 'JPEG', at: 0, bytes: [0xff, 0xd8, 0xff] },
  { kind: 'document', format: 'GIF', at: 0, bytes: ascii('GIF87a') },
  { kind: 'document', format: 'GIF', at: 0, bytes: ascii('GIF89a') },
  { kind: 'document', format: 'WebP', at: 8, bytes: ascii('WEBP'), also: (b) => startsWithAt(b, 0, ascii('RIFF')) },
  // `BM`, the file size, then four reserved bytes that are zero.
  { kind: 'document', format: 'BMP', at: 0, bytes: ascii('BM'), also: (b) => startsWithAt(b, 6, [0, 0, 0, 0]) },
  { kind: 'document', format: 'PDF', at: 0, bytes: ascii('%PDF-') },
  { kind: 'document', format: 'TIFF', at: 0, bytes: [0x49, 0x49, 0x2a, 0x00] },
  { kind: 'document', format: 'TIFF', at: 0, bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  // HEIC/AVIF (iPhone screenshots) and other ISO media files: a box size, then `ftyp`.
  { kind: 'document', format: 'HEIF/AVIF', at: 4, bytes: ascii('ftyp') },
];

/**
 * The archive or image/PDF these bytes are, or undefined for anything else. A signature alone is
 * not enough: `GIF89a`, `%PDF-` and `BZh` are ASCII a text file can start with, so bytes whose head
 * is valid UTF-8 with no NUL are text whatever they start with (and get scanned).
 */
export function fileSignatureOf(bytes: Uint8Array): FileSignature | undefined {
  const magic = MAGICS.find((m) => startsWithAt(bytes, m.at, m.bytes) && (!m.also || m.also(bytes)));
  if (!magic || headIsText(bytes)) return undefined;
  return { kind: magic.kind, format: magic.format };
}

function startsWithAt(bytes: Uint8Array, at: number, expected: readonly number[]): boolean {
  if (bytes.length < at + expected.length) return false;
  for (let i = 0; i < expected.length; i++) if (bytes[at + i] !== expected[i]) return false;
  return true;
}

function headIsText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, TEXT_HEAD_BYTES);
  if (head.includes(0)) return false;
  try {
    // stream: a character cut at the end of the head is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}
