// No `vscode` import: what makes a file unreadable to the editor is unit-tested under plain Node.

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

/**
 * Why these bytes are not read as a post-mortem, or undefined when they are text the editor reads:
 * larger than the size budget (`postmortem.index.maxFileSizeKB`), or holding a NUL byte anywhere
 * (not text: the CLI reports such a file as `file/nul` and checks nothing in it).
 */
export function whyNotRead(bytes: Uint8Array, maxBytes: number): NotRead | undefined {
  if (bytes.byteLength > maxBytes) {
    return { kind: 'too-large', reason: `too large (${formatSize(bytes.byteLength)} > ${formatSize(maxBytes)}, setting postmortem.index.maxFileSizeKB)` };
  }
  // UTF-16 (a byte-order mark: PowerShell 5.1's `>`, Notepad's "Unicode") has a NUL in every other
  // byte and is text all the same: VS Code and the CLI read it by its BOM (decodeText).
  if (utf16Of(bytes)) return undefined;
  const nul = bytes.indexOf(0);
  if (nul < 0) return undefined;
  let line = 0;
  let lineStart = 0;
  // Lines end at LF, at a CR not followed by LF (as VS Code and Markdown read them), and at CRLF.
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

function utf16Of(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** The text of bytes `whyNotRead` accepted: UTF-8, or UTF-16 by its byte-order mark; lines as the editor shows them. */
export function decodeText(bytes: Uint8Array): string {
  return linesAsEditorShowsThem(new TextDecoder(utf16Of(bytes) ?? 'utf-8').decode(bytes));
}

/**
 * A CR not followed by LF (classic Mac line endings) is a line break to Markdown and to VS Code,
 * which shows such a file with its lines; the core reads lines at LF, so the file was one long line
 * with its front matter unseen: no title, no items. Read as LF instead (same length: every offset
 * stays), as the CLI reads it. Only the index reads it so; the file on disk is never rewritten here.
 */
export function linesAsEditorShowsThem(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** The text before the first NUL (at most `max` characters): enough to see a front matter's `type: postmortem`. */
export function headBeforeNul(bytes: Uint8Array, max = 64 * 1024): string {
  const nul = bytes.indexOf(0);
  const end = Math.min(nul < 0 ? bytes.byteLength : nul, max);
  return linesAsEditorShowsThem(new TextDecoder('utf-8').decode(bytes.subarray(0, end)));
}
