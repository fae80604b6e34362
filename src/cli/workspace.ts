import type { ResolvedConfig } from '../core/config/config';
import { isPostmortem } from '../core/document/recognise';
import { readFrontMatterData } from '../core/frontMatter/frontMatterData';
import { LineIndex } from '../core/text/lineIndex';
import type { LoadedFile } from './files/collect';
import { walkMarkdown } from './files/expand';
import { readMarkdownFile } from './files/read';
import { toPosixRelative } from './files/roots';
import { idsOfFrontMatter, type FileIds } from './lint/lintOne';


/** The ids the workspace knows, and which of them two or more post-mortems carry (linted files by their display path, others relative to the root). */
export interface IdFactsOfWorkspace {
  readonly knownIds: Set<string>;
  readonly sharedIds: Map<string, string[]>;
}

/**
 * The workspace facts for cross-file rules: the ids of the linted files, and — only when some
 * `related` id is not among them — of the other post-mortems under the root (`related/unknown-id`);
 * ids carried by two of those files (`front-matter/duplicate-id`). Only the front matter is read (not
 * the whole-file index scan). The linted files' ids come from their lint (`idsOf`, read by the
 * lint's own parse, so no second read here); a file whose lint gave none (it crashed) is read here.
 * So a duplicate outside the linted files is seen only when the root is walked anyway; `lint .`
 * lints (and so compares) every post-mortem.
 */
export async function knownIdsFor(files: readonly LoadedFile[], idsOf: (index: number) => FileIds | undefined, root: string, configFor: (file: string) => Promise<ResolvedConfig>): Promise<IdFactsOfWorkspace> {
  const known = new Set<string>();
  const pathsById = new Map<string, string[]>();
  const wanted = new Set<string>();
  const seen = new Set<string>();
  const add = (id: string | undefined, path: string) => {
    if (!id) return;
    known.add(id);
    const list = pathsById.get(id);
    if (list) list.push(path);
    else pathsById.set(id, [path]);
  };
  for (const [index, f] of files.entries()) {
    if (seen.has(f.path)) continue;
    seen.add(f.path);
    const facts = idsOf(index) ?? idFacts(f.text);
    // A Markdown file read under --all-markdown may be linked to, but is not a second post-mortem.
    if (f.notPostmortem) { if (facts.id) known.add(facts.id); } else add(facts.id, f.display);
    for (const id of facts.related) wanted.add(id);
  }
  if (![...wanted].every((id) => known.has(id))) {
    for (const path of walkMarkdown(root)) {
      if (seen.has(path)) continue;
      const read = readMarkdownFile(path);
      const rel = toPosixRelative(root, path);
      // Each file by its own folder's globs, as the linted files were chosen.
      if (read.kind !== 'text' || read.encoding?.code === 'file/nul' || !isPostmortem(rel, read.text, (await configFor(path)).globs)) continue;
      add(idFacts(read.text).id, rel);
    }
  }
  const sharedIds = new Map<string, string[]>();
  for (const [id, paths] of pathsById) if (paths.length > 1) sharedIds.set(id, paths);
  return { knownIds: known, sharedIds };
}

/** Same values as the summary reader (core/index/readSummary.ts): `id` as a trimmed scalar, `related` as a list. */
function idFacts(text: string): FileIds {
  try {
    return idsOfFrontMatter(readFrontMatterData(new LineIndex(text))?.data ?? {});
  } catch {
    return { related: [] };
  }
}
