import { byteIssue, type ByteIssue } from './byteChecks';
import { decodeText, type TextEncodingName } from './decodeText';

/**
 * How a post-mortem's bytes read as text, the same for lint (and every CLI command that reads
 * post-mortems) and the editor's index: through the one decoder of user files (decodeText.ts), so
 * a UTF-16 post-mortem without a byte-order mark (PowerShell 5.1's `>` after a BOM was stripped,
 * an export tool) is read as its text by both, as evidence and imports read it, instead of being
 * called a NUL-holding binary by lint and left out of the sidebar. Unlike evidence, Windows-1252
 * is not guessed here: a post-mortem's bad UTF-8 is reported (`file/not-utf8`, read with U+FFFD)
 * and never written back, so no guess is ever written into it. Pure: bytes in, text and facts out.
 */

export type MarkdownEncoding = Exclude<TextEncodingName, 'Windows-1252'>;

export type MarkdownDecoding =
  | {
    readonly kind: 'text';
    /** The text, lone CRs read as LF (same length, so every offset stays); a BOM stays as U+FEFF at offset 0. */
    readonly text: string;
    /** The same text with the file's own line breaks (lone CRs as CR): what a writer puts back (encodeAsRead.ts). */
    readonly withLineBreaks: string;
    readonly encoding: MarkdownEncoding;
    readonly bom: boolean;
    /** Set when the encoding was inferred (UTF-16 without a BOM), in words: "no byte-order mark; every other byte is NUL". */
    readonly inferred?: string;
    /** UTF-16 with code units that did not decode (a lone surrogate read as U+FFFD) or a NUL code unit: some of the text is not the file's. */
    readonly damaged: boolean;
    /** UTF-8 only: bytes that would not survive a rewrite (invalid UTF-8 read as U+FFFD, a lone CR read as LF). */
    readonly issue?: Exclude<ByteIssue, { readonly code: 'file/nul' }>;
  }
  /** A NUL byte in what is not UTF-16: not text (a binary, or text damaged by a tool); not read. */
  | { readonly kind: 'nul'; readonly issue: Extract<ByteIssue, { readonly code: 'file/nul' }> };

const lenientUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

export function decodeMarkdown(bytes: Uint8Array): MarkdownDecoding {
  const decoding = decodeText(bytes);
  if (decoding.ok && decoding.decoded.encoding !== 'UTF-8' && decoding.decoded.encoding !== 'Windows-1252') {
    const { text, encoding, bom, inferred } = decoding.decoded;
    return { kind: 'text', text: linesAsMarkdownReadsThem(text), withLineBreaks: text, encoding, bom, ...(inferred ? { inferred } : {}), damaged: text.includes('\0') || (bom && !strictlyUtf16(bytes, encoding)) };
  }
  const issue = byteIssue(bytes);
  if (issue?.code === 'file/nul') return { kind: 'nul', issue };
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  // ignoreBOM keeps U+FEFF in the text: offsets match what the editor shows, and a write keeps the BOM.
  const decoded = lenientUtf8.decode(bytes);
  return { kind: 'text', text: linesAsMarkdownReadsThem(decoded), withLineBreaks: decoded, encoding: 'UTF-8', bom, damaged: false, ...(issue ? { issue } : {}) };
}

/** Whether UTF-16 with a BOM decodes without a replaced code unit (decodeText reads it leniently, so offsets stay). */
function strictlyUtf16(bytes: Uint8Array, encoding: MarkdownEncoding): boolean {
  try {
    new TextDecoder(encoding === 'UTF-16LE' ? 'utf-16le' : 'utf-16be', { fatal: true, ignoreBOM: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * A lone CR (classic Mac line endings) is a line break to Markdown and to editors, but the core reads
 * lines at LF: a CR-only post-mortem was one long line, its front matter unseen, and the file skipped
 * as "not a post-mortem" with its items and times gone. Read as LF instead: the same length (every
 * offset and column stays), lines where the editor shows them. Never written back so: a writer puts
 * the CRs back where no edit touched them (encodeAsRead.ts), so the bytes on disk keep their CRs.
 */
export function linesAsMarkdownReadsThem(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}
