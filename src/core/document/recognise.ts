import { minimatch } from 'minimatch';

/** `type: postmortem` among the first lines of a front-matter block: checked without a YAML parse. */
export function declaresPostmortemType(text: string): boolean {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '');
  if (!/^---[ \t]*\r?\n/.test(head)) return false;
  const end = head.search(/\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/);
  const block = end === -1 ? head : head.slice(0, end);
  return /^type:[ \t]*["']?postmortem["']?[ \t]*(?:#.*)?$/m.test(block);
}

/**
 * A file is a post-mortem when its front matter says `type: postmortem`, or its path (relative to the
 * workspace or repository root, `/`-separated) matches one of the globs.
 */
export function isPostmortem(relativePath: string, text: string | undefined, globs: readonly string[]): boolean {
  if (!/\.(md|markdown)$/i.test(relativePath)) return false;
  if (matchesPostmortemGlobs(relativePath, globs)) return true;
  return text !== undefined && declaresPostmortemType(text);
}

export function matchesPostmortemGlobs(relativePath: string, globs: readonly string[]): boolean {
  const path = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
  return globs.some((g) => minimatch(path, g, { dot: true, nocase: true }));
}
