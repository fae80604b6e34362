import { compileGlob, type Glob } from '../text/glob';

/** `type: postmortem` among the first lines of a front-matter block: checked without a YAML parse. */
function declaresPostmortemType(text: string): boolean {
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
  return globs.some((g) => compiledGlob(g).match(path));
}

/**
 * Compiled globs, kept: `minimatch(path, glob)` compiles the glob on every call, which was most of
 * the time spent deciding which of 2,000 files are post-mortems. Configs name few globs; the cap
 * only guards against a host that keeps inventing new ones.
 */
const compiled = new Map<string, Glob>();

/** Matched in linear time (text/glob.ts): globs come with cloned repositories' `.postmortemrc.json`. */
function compiledGlob(glob: string): Glob {
  let m = compiled.get(glob);
  if (!m) {
    if (compiled.size >= 256) compiled.clear();
    m = compileGlob(glob, { nocase: true });
    compiled.set(glob, m);
  }
  return m;
}
