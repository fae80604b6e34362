import { lstatSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/**
 * A file to convert: its path as shown (relative to the working folder), and the sub-folder it
 * was found in under the FOLDER named on the command line ('' for a FILE named itself, or one at
 * the top of the FOLDER) — kept under `--out DIR`, so pages that share a name (wiki exports call
 * every page `index.md`) stay apart.
 */
export interface InputFile {
  readonly path: string;
  readonly subfolder: string;
}

/** Files a folder scan found to convert, and the ones it passed over with the reason. */
export interface ConvertInputs {
  readonly files: InputFile[];
  readonly skipped: { readonly path: string; readonly why: string }[];
}

const MARKDOWN = /\.(?:md|markdown)(?:\.erb)?$/i;
const MAX_FILES = 10_000;
const MAX_DEPTH = 20;

/**
 * The files named on the command line, with folders expanded to the Markdown files under them
 * (`.md`, `.markdown`, and `.md.erb` wiki templates such as `2020-02-12.html.md.erb`). Files in
 * the standard format already (`*.postmortem.md`), other files, hidden and dependency folders and
 * symbolic links are skipped, each with its reason, for `--verbose`. Walked with an explicit
 * stack and bounded in depth and count.
 */
export function expandInputs(positionals: readonly string[], cwd: string): ConvertInputs {
  const files: InputFile[] = [];
  const skipped: { path: string; why: string }[] = [];
  for (const p of positionals) {
    const root = resolve(cwd, p);
    let isDir = false;
    try {
      isDir = lstatSync(root).isDirectory();
    } catch {
      files.push({ path: p, subfolder: '' });
      continue;
    }
    if (!isDir) {
      files.push({ path: p, subfolder: '' });
      continue;
    }
    const stack: { dir: string; depth: number }[] = [{ dir: root, depth: 0 }];
    while (stack.length) {
      const { dir, depth } = stack.pop()!;
      let names: string[];
      try {
        names = readdirSync(dir).sort().reverse();
      } catch (e) {
        skipped.push({ path: relative(cwd, dir) || dir, why: `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` });
        continue;
      }
      for (const name of names) {
        const full = join(dir, name);
        const shown = relative(cwd, full) || full;
        let st;
        try {
          st = lstatSync(full);
        } catch {
          skipped.push({ path: shown, why: 'vanished while scanning' });
          continue;
        }
        if (st.isSymbolicLink()) skipped.push({ path: shown, why: 'a symbolic link (not followed)' });
        else if (st.isDirectory()) {
          if (name.startsWith('.') || name === 'node_modules') skipped.push({ path: shown, why: 'a hidden or dependency folder' });
          else if (depth >= MAX_DEPTH) skipped.push({ path: shown, why: `deeper than ${MAX_DEPTH} folders` });
          else stack.push({ dir: full, depth: depth + 1 });
        } else if (!MARKDOWN.test(name)) skipped.push({ path: shown, why: 'not a Markdown file (.md, .markdown, .md.erb)' });
        else if (/\.postmortem\.md$/i.test(name)) skipped.push({ path: shown, why: 'already in the standard format (*.postmortem.md)' });
        else if (files.length >= MAX_FILES) skipped.push({ path: shown, why: `more than ${MAX_FILES} files in one run` });
        else files.push({ path: shown, subfolder: relative(root, dir) });
      }
    }
  }
  return { files, skipped };
}
