import type { ResolvedConfig } from '../core/config/config';
import { isPostmortem } from '../core/document/recognise';
import { readFrontMatterData } from '../core/frontMatter/frontMatterData';
import { LineIndex } from '../core/text/lineIndex';
import type { LoadedFile } from './files/collect';
import { walkMarkdown } from './files/expand';
import { readMarkdownFile } from './files/read';
import { toPosixRelative } from './files/roots';
import { scalar, stringList } from '../core/frontMatter/values';

/** What `related/unknown-id` needs of a file: its front matter `id` and `related` ids, as the workspace index reads them. */
interface IdFacts {
  readonly id?: string;
  readonly related: readonly string[];
}

/**
 * The workspace facts for cross-file rules (`related/unknown-id`): the ids of the linted files, and
 * — only when some `related` id is not among them — of the other post-mortems under the root.
 * Only the front matter is read (not the whole-file index scan): this runs on the main thread
 * before any worker can start linting, so every millisecond here is wall time.
 */
export async function knownIdsFor(files: readonly LoadedFile[], root: string, configFor: (file: string) => Promise<ResolvedConfig>): Promise<Set<string>> {
  const known = new Set<string>();
  const wanted = new Set<string>();
  const seen = new Set<string>();
  for (const f of files) {
    seen.add(f.path);
    const facts = idFacts(f.text);
    if (facts.id) known.add(facts.id);
    for (const id of facts.related) wanted.add(id);
  }
  if ([...wanted].every((id) => known.has(id))) return known;
  for (const path of walkMarkdown(root)) {
    if (seen.has(path)) continue;
    const read = readMarkdownFile(path);
    // Each file by its own folder's globs, as the linted files were chosen.
    if (read.kind !== 'text' || read.encoding?.code === 'file/nul' || !isPostmortem(toPosixRelative(root, path), read.text, (await configFor(path)).globs)) continue;
    const id = idFacts(read.text).id;
    if (id) known.add(id);
  }
  return known;
}

/** Same values as the summary reader (core/index/readSummary.ts): `id` as a trimmed scalar, `related` as a list. */
function idFacts(text: string): IdFacts {
  try {
    const meta = readFrontMatterData(new LineIndex(text))?.data ?? {};
    return { id: scalar(meta.id), related: stringList(meta.related) };
  } catch {
    return { related: [] };
  }
}
