import { WorkspaceIndex } from '../core/index/workspaceIndex';
import type { ResolvedConfig } from '../core/config/config';
import { isPostmortem } from '../core/document/recognise';
import type { LoadedFile } from './files/collect';
import { walkMarkdown } from './files/expand';
import { readMarkdownFile } from './files/read';
import { toPosixRelative } from './files/roots';

/**
 * The workspace facts for cross-file rules (`related/unknown-id`): the ids of the linted files, and
 * — only when some `related` id is not among them — of the other post-mortems under the root.
 */
export function buildWorkspace(files: readonly LoadedFile[], root: string, config: ResolvedConfig): WorkspaceIndex {
  const index = new WorkspaceIndex({ sectionAliases: config.sectionAliases });
  for (const f of files) index.set(f.path, f.text);
  const wanted = new Set<string>();
  for (const [, summary] of index.entries()) for (const id of summary.related) wanted.add(id);
  const known = index.knownIds();
  if ([...wanted].every((id) => known.has(id))) return index;
  for (const path of walkMarkdown(root)) {
    if (index.has(path)) continue;
    const read = readMarkdownFile(path);
    if (read.kind === 'text' && isPostmortem(toPosixRelative(root, path), read.text, config.globs)) index.set(path, read.text);
  }
  return index;
}
