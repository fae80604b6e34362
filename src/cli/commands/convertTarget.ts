import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { snapshotOf, writeFileSafely, type WriteResult } from '../files/safeWrite';
import { MB, readUserFile } from '../files/userFile';
import type { InputFile } from './convertInputs';

/** An output file larger than this is not one a conversion made: refused rather than read whole. */
const MAX_REPLACED_BYTES = 64 * MB;

/**
 * Where `postmortem convert` writes: beside each input, into the folder `--out DIR` names, or —
 * when `--out` names a Markdown file (`--out incident.postmortem.md`) — into that one file. A
 * `.md` path that is an existing folder, or written with a trailing slash, is still a folder.
 */
export type ConvertTarget =
  | { readonly kind: 'beside' }
  | { readonly kind: 'folder'; readonly dir: string }
  | { readonly kind: 'file'; readonly path: string };

const MARKDOWN_FILE = /\.(?:md|markdown)$/i;

export function convertTarget(out: string | undefined, cwd: string): ConvertTarget {
  if (out === undefined) return { kind: 'beside' };
  const path = resolve(cwd, out);
  if (!MARKDOWN_FILE.test(out) || /[\\/]$/.test(out) || isFolder(path)) return { kind: 'folder', dir: path };
  return { kind: 'file', path };
}

/** The output name: `incident.md` → `incident.postmortem.md` (recognised by the default globs). */
export function convertedName(file: string): string {
  return basename(file).replace(/(\.html)?\.(md|markdown)(\.erb)?$/i, '').replace(/\.postmortem$/i, '') + '.postmortem.md';
}

/** One input and the file its conversion goes to (both absolute). */
export interface PlannedConversion {
  readonly input: InputFile;
  readonly file: string;
  readonly target: string;
}

/** Two inputs of one run whose conversions would go to one file. */
export interface OutputCollision {
  readonly first: string;
  readonly second: string;
  readonly target: string;
}

export interface ConversionPlan {
  readonly conversions: PlannedConversion[];
  /** Inputs named more than once (`convert wiki wiki/a.md`): converted once. */
  readonly repeated: string[];
  readonly collisions: OutputCollision[];
}

/**
 * Where each input goes, decided before anything is written (trial 14a F31: `a/x.md` and `b/x.md`
 * both went to `out/x.postmortem.md`; with `--overwrite` the second silently replaced the first).
 * Under `--out DIR` a folder's files keep their sub-folders, as a copy of an archive would; two
 * inputs that still meet in one output (two FILEs of one name, `x.md` beside `x.markdown`, two
 * FOLDERs with the same pages) are collisions the caller refuses, naming both.
 */
export function planConversions(files: readonly InputFile[], out: ConvertTarget, cwd: string): ConversionPlan {
  const conversions: PlannedConversion[] = [];
  const repeated: string[] = [];
  const collisions: OutputCollision[] = [];
  const seenInputs = new Set<string>();
  const byTarget = new Map<string, string>();
  for (const input of files) {
    const file = resolve(cwd, input.path);
    const real = realPath(file);
    if (seenInputs.has(real)) {
      repeated.push(input.path);
      continue;
    }
    seenInputs.add(real);
    const target = out.kind === 'file' ? out.path : join(out.kind === 'folder' ? join(out.dir, input.subfolder) : dirname(file), convertedName(file));
    const first = byTarget.get(target);
    if (first !== undefined) collisions.push({ first, second: input.path, target });
    else byTarget.set(target, input.path);
    conversions.push({ input, file, target });
  }
  return { conversions, repeated, collisions };
}

/** A path with symbolic links resolved, or as given when it does not exist (yet). */
export function realPath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

/**
 * The identity of an existing file (device and inode), or undefined: two paths that differ in
 * letter case on a case-insensitive disk, or through a symbolic link, are one file by it.
 */
export function fileIdentity(path: string): string | undefined {
  try {
    const st = statSync(path);
    return `${st.dev}:${st.ino}`;
  } catch {
    return undefined;
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Writes a converted file: a new file is created only if the name is free (an existing file is
 * refused), unless `overwrite`; then the file as it is now is the one replaced, atomically, and a
 * change made to it between that read and the write is refused (safeWrite's snapshot check).
 * `roots`: the folder the user named for the output (or the input's folder): a symlink there that
 * leads out of it is refused, as lint --fix, import-timeline and evidence add refuse it (trial18a F3).
 */
export function writeConverted(target: string, text: string, overwrite: boolean, roots: readonly string[]): WriteResult {
  const created = writeFileSafely(target, text, { createOnly: true, roots });
  if (created.ok || created.reason !== 'exists' || !overwrite) return created;
  // Read as any file a user names (regular files only, bounded); a change after this read is refused by the snapshot check.
  const read = readUserFile(target, MAX_REPLACED_BYTES);
  if (!read.ok) return { ok: false, reason: read.kind === 'not-regular' ? 'not-a-file' : 'io', message: `cannot read it before replacing it (${read.reason}); nothing was changed` };
  return writeFileSafely(target, text, { expected: snapshotOf(read.bytes, read.stat), roots });
}
