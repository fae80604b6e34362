// No `vscode` import: what makes a file unreadable to the editor is unit-tested under plain Node.
import { decodeMarkdown, linesAsMarkdownReadsThem } from '../../core/text/decodeMarkdown';

/** Why the editor did not read a Markdown file, said the way the views and Problems say it. */
export interface NotRead {
  readonly kind: 'nul' | 'too-large' | 'unreadable';
  /** `contains NUL at line 12`, `too large (1.3 MB > 1 MB)`, `could not be read (EACCES …)`. */
  readonly reason: string;
  /** 0-based line and UTF-16 column of the first NUL (the place Problems points at). */
  readonly line?: number;
  readonly character?: number;
}

/** `1.3 MB`, `980 KB`: sizes as people read them (1 MB = 1,024 KB, the unit of the setting). */
export function formatSize(bytes: number): string {
  const kb = bytes / 1024;
  if (kb < 1024) return `${Math.ceil(kb).toLocaleString('en-US')} KB`;
  const mb = kb / 1024;
  return `${mb >= 10 || Number.isInteger(mb) ? Math.round(mb) : mb.toFixed(1)} MB`;
}

/** What the index reads of a file's bytes: its text, or why not (and the start of a NUL file, to tell whether it is a post-mortem). */
export type IndexReading = { readonly text: string } | { readonly notRead: NotRead; readonly head?: string };

/**
 * The bytes of a file as the index reads them, through the core's one reading of a post-mortem's
 * bytes (decodeMarkdown, as lint reads them): UTF-8, or UTF-16 by its byte-order mark or, without
 * one, by the NUL in every other byte (VS Code opens one whose first 512 bytes are so as UTF-16 too); lone CRs as line
 * breaks. Not read: larger than the size budget (`postmortem.index.maxFileSizeKB`), or holding a
 * NUL byte that is not UTF-16 (not text: the CLI reports such a file as `file/nul`).
 */
export function indexReading(bytes: Uint8Array, maxBytes: number): IndexReading {
  if (bytes.byteLength > maxBytes) {
    return { notRead: { kind: 'too-large', reason: `too large (${formatSize(bytes.byteLength)} > ${formatSize(maxBytes)}, setting postmortem.index.maxFileSizeKB)` } };
  }
  const decoding = decodeMarkdown(bytes);
  // VS Code's document of such a file has no BOM: without it here too, positions on the first line are the editor's.
  if (decoding.kind === 'text') return { text: decoding.bom ? decoding.text.slice(1) : decoding.text };
  return { notRead: nulAt(bytes, decoding.issue.at.offset), head: headBeforeNul(bytes) };
}

/** "contains NUL at line 12" with the place Problems points at; lines end at LF, at CRLF and at a lone CR, as VS Code shows them. */
function nulAt(bytes: Uint8Array, nul: number): NotRead {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < nul; i++) {
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  const character = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, nul)).length;
  return { kind: 'nul', reason: `contains NUL at line ${line + 1}`, line, character };
}

/** The text before the first NUL (at most `max` characters): enough to see a front matter's `type: postmortem`. */
export function headBeforeNul(bytes: Uint8Array, max = 64 * 1024): string {
  const nul = bytes.indexOf(0);
  const end = Math.min(nul < 0 ? bytes.byteLength : nul, max);
  return linesAsMarkdownReadsThem(new TextDecoder('utf-8').decode(bytes.subarray(0, end)));
}
