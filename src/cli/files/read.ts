import { readFileSync, statSync } from 'node:fs';

/** Larger files are skipped: a post-mortem is a few hundred KB at most; 10 MB is a log pasted by mistake. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type ReadResult =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'skip'; readonly reason: string }
  | { readonly kind: 'error'; readonly message: string };

/** Reads a Markdown file as UTF-8 (a BOM stays in the text, so writing it back keeps it). */
export function readMarkdownFile(path: string): ReadResult {
  try {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) return { kind: 'skip', reason: `larger than 10 MB (${(size / 1024 / 1024).toFixed(1)} MB)` };
    const bytes = readFileSync(path);
    if (bytes.includes(0)) return { kind: 'skip', reason: 'binary file (contains NUL bytes)' };
    return { kind: 'text', text: bytes.toString('utf8') };
  } catch (e) {
    return { kind: 'error', message: describeIoError(e) };
  }
}

export function describeIoError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT': return 'no such file';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a folder';
    default: return err.message ?? String(e);
  }
}
