import { dirname, isAbsolute, relative, sep } from 'node:path';
import { snapshotOf, writeFileSafely, type WriteResult } from '../files/safeWrite';
import { MB, readUserFile } from '../files/userFile';
import { GENERATED_MARK } from '../../core/library/indexPageMark';
import { decodeMarkdown } from '../../core/text/decodeMarkdown';
import { encodeReplacement } from '../../core/text/encodeAsRead';

/**
 * The index page `postmortem list --format md` writes (a README to commit beside the post-mortems).
 * Its links must resolve from where the page is: relative to the page's folder with `--out`, else
 * to the working folder (stdout), and never an absolute path, which breaks for everyone else and
 * publishes the author's folders (trial13a F29: `> postmortems/README.md` from the repository root
 * gave `postmortems/x.md` links that resolve to `postmortems/postmortems/x.md`; files outside the
 * working folder got `/home/…` links).
 */

// The words every page carries: a page with them was written by this command and may be replaced
// (and is never taken for a post-mortem: core/library/indexPageMark.ts).
export { GENERATED_MARK };

/** The link from a page in `pageDir` to `file` (both absolute): relative, `/`-separated; undefined when no relative path exists (another Windows drive). */
export function pageLink(pageDir: string, file: string): string | undefined {
  const rel = relative(pageDir, file);
  if (!rel || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

/** Most a page this command wrote can be; a larger file at `--out` is someone else's. */
const MAX_PAGE_BYTES = 16 * MB;

/**
 * Writes the page at `target`: a new file, or one this command wrote before (it carries
 * GENERATED_MARK), replaced atomically; anything else at that path (a hand-written README) is
 * refused rather than overwritten. A page re-saved in another form (UTF-16 by a Windows editor, a
 * BOM, CRLF by git's autocrlf) is recognised and replaced in that same form.
 */
export function writeIndexPage(target: string, text: string): WriteResult {
  const created = writeFileSafely(target, text, { createOnly: true });
  if (created.ok || created.reason !== 'exists') return created;
  const read = readUserFile(target, MAX_PAGE_BYTES);
  if (!read.ok) return { ok: false, reason: read.kind === 'not-regular' ? 'not-a-file' : 'io', message: `cannot read it before replacing it (${read.reason}); nothing was changed` };
  const old = decodeMarkdown(read.bytes);
  if (old.kind !== 'text' || !old.text.includes(GENERATED_MARK)) {
    return { ok: false, reason: 'exists', message: `it exists and was not written by \`postmortem list --format md\` (no "${GENERATED_MARK}" line); nothing was changed: move it or choose another --out` };
  }
  return writeFileSafely(target, encodeReplacement(old, text), { expected: snapshotOf(read.bytes, read.stat) });
}

/** The folder links are relative to: the page's (`--out`), else the working folder. */
export function linkBase(cwd: string, out: string | undefined): string {
  return out === undefined ? cwd : dirname(out);
}
