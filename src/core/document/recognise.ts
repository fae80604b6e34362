import { isEvidencePath } from '../evidence/paths';
import { isGeneratedIndexPage } from '../library/indexPageMark';
import { frontMatterFenceSlip } from '../frontMatter/fenceSlip';
import { compileGlob, type Glob } from '../text/glob';
import { LineIndex } from '../text/lineIndex';

/** How much of a file the block readers below look at: front matter is a few dozen lines at the top. */
const HEAD_CHARS = 4096;

/**
 * The text between a block's opening line at the top of `text` and its closing line, within the first
 * HEAD_CHARS: `closed` false when no closing line comes within them (the rest of the head is given),
 * undefined when the text does not open with `opener`. `closer` is searched in what follows the
 * opener's line, so one that may close on the very next line starts with `(?:^|\r?\n)`.
 */
function blockAfterOpener(text: string, opener: RegExp, closer: RegExp): { readonly body: string; readonly closed: boolean } | undefined {
  const head = text.slice(0, HEAD_CHARS);
  const open = opener.exec(head);
  if (!open) return undefined;
  const rest = head.slice(open[0].length);
  const end = rest.search(closer);
  return end === -1 ? { body: rest, closed: false } : { body: rest.slice(0, end), closed: true };
}

/** Front matter as every reader takes it: `---` on line 1 (after a byte-order mark) to `---` or `...`. */
const FRONT_MATTER_OPENER = /^\uFEFF?---[ \t]*\r?\n/;
const FRONT_MATTER_CLOSER = /(?:^|\r?\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** The first lines of a front-matter block after its `---` (all of the first 4 KB when it is not closed there), or undefined when the text opens with none. */
function frontMatterHead(text: string): string | undefined {
  return blockAfterOpener(text, FRONT_MATTER_OPENER, FRONT_MATTER_CLOSER)?.body;
}

// `type : postmortem` is the same key to YAML; `Type: Postmortem` is not, but is meant: taken, so lint
// says what is wrong instead of passing the file over (trial15a F16: --require-approvals passed it, exit 0).
const TYPE_POSTMORTEM = /^type[ \t]*:[ \t]*["']?postmortem["']?[ \t]*(?:#.*)?$/im;
/** A first line meant to open front matter but that no reader takes as one: `----`, ` ---`, `---yaml`, `--- yaml`. */
const NEAR_MISS_OPENER = /^\uFEFF?[ \t]{0,3}-{3,}[ \t]*(?:(?:yaml|yml)[ \t]*)?\r?\n/i;

/**
 * `type: postmortem` among the first lines of a front-matter block: checked without a YAML parse.
 * Also in a block that no reader takes as front matter but that was meant as one — a `---` block
 * after a blank line or an HTML comment, or TOML between `+++` lines: such a file is a post-mortem
 * whose front matter is misplaced (lint's front-matter/missing says where), not a file to pass over.
 * Outside the post-mortem globs it was skipped as "not a post-mortem", so `lint --require-approvals`
 * passed an unapproved published review, exit 0 (trial 14a F12).
 */
function declaresPostmortemType(text: string): boolean {
  const block = frontMatterHead(text);
  if (block !== undefined) return TYPE_POSTMORTEM.test(block);
  return TYPE_POSTMORTEM.test(misplacedFrontMatter(text)) || /^type[ \t]*=[ \t]*["']postmortem["'][ \t]*(?:#.*)?$/m.test(tomlFrontMatter(text)) || TYPE_POSTMORTEM.test(nearMissFrontMatter(text));
}

/**
 * The file is in this format already: its own front matter (the `---` block on line 1) says
 * `type: postmortem` — a post-mortem, or a template (a `template:` block) made for them.
 * `postmortem convert` leaves such a file as it is (trial18a F10: converting it again rewrote its
 * entries and nested its notes a level deeper); lint checks it.
 */
export function isInStandardFormat(text: string): boolean {
  const block = blockAfterOpener(text, FRONT_MATTER_OPENER, FRONT_MATTER_CLOSER);
  return block?.closed === true && TYPE_POSTMORTEM.test(block.body);
}

/** The first lines of a block opened by a near-miss of `---` (NEAR_MISS_OPENER), up to its closing dash line, or ''. */
function nearMissFrontMatter(text: string): string {
  return blockAfterOpener(text, NEAR_MISS_OPENER, NEAR_MISS_CLOSER)?.body ?? '';
}

const NEAR_MISS_CLOSER = /^[ \t]*(?:-{3,}|\.\.\.)[ \t]*$/m;

/** How much of a file the misplaced-block check reads: front matter is a few dozen lines at the top. */
const MISPLACED_HEAD = 16384;

/** The lines of a `---` block that starts after blank lines or HTML comments (fenceSlip.ts), or ''. */
function misplacedFrontMatter(text: string): string {
  if (!/^[\s\uFEFF]*(?:<!--|---)/.test(text.slice(0, 512))) return '';
  const lines = new LineIndex(text.slice(0, MISPLACED_HEAD));
  const slip = frontMatterFenceSlip(lines);
  if (slip?.kind !== 'late') return '';
  const block: string[] = [];
  for (let line = slip.openLine + 1; line < lines.lineCount && block.length < 200; line++) {
    const row = lines.lineText(line);
    if (/^(?:---|\.\.\.)[ \t]*$/.test(row)) break;
    block.push(row);
  }
  return block.join('\n');
}

/** The lines of a TOML block between `+++` lines on line 1 (read by no reader here), or '' (also when it is not closed within 4 KB). */
function tomlFrontMatter(text: string): string {
  const block = blockAfterOpener(text, TOML_OPENER, TOML_CLOSER);
  return block?.closed ? block.body : '';
}

const TOML_OPENER = /^\uFEFF?\+\+\+[ \t]*\r?\n/;
const TOML_CLOSER = /(?:^|\r?\n)\+\+\+[ \t]*(?:\r?\n|$)/;

/**
 * A post-mortem template (`.postmortem/templates/NAME.md`): its front matter has a top-level
 * `template:` block. It says `type: postmortem` for the files made from it, but is not one itself:
 * not linted, indexed or counted in metrics.
 */
export function isTemplateFile(text: string): boolean {
  const block = frontMatterHead(text);
  if (block === undefined) return false;
  const lines = block.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const value = /^template[ \t]*:(.*)$/.exec(lines[i])?.[1].trim();
    if (value === undefined) continue;
    // `template: v2` (a scalar some teams write) does not make a template: a block of its keys does.
    if (value.startsWith('{')) return TEMPLATE_KEY.test(value.slice(1));
    if (value !== '' && !value.startsWith('#')) return false;
    for (let k = i + 1; k < lines.length; k++) {
      const line = lines[k];
      if (line.trim() === '' || /^[ \t]+#/.test(line)) continue;
      return /^[ \t]/.test(line) && TEMPLATE_KEY.test(line.trim());
    }
    return false;
  }
  return false;
}

const TEMPLATE_KEY = /^[ \t]*(?:name|description|severities|types|required_sections)[ \t]*:/;

/**
 * A file is a post-mortem when it is not a template, evidence nor the index page `list --format md` wrote, and its front matter says `type: postmortem`, or its path (relative to the
 * workspace or repository root, `/`-separated) matches one of the globs. Files in a post-mortem's
 * `NAME.assets/` folder are its evidence (a chat export, an earlier post-mortem attached): the
 * default globs matched them under `postmortems/`, and lint failed CI on an attached chat log.
 */
export function isPostmortem(relativePath: string, text: string | undefined, globs: readonly string[]): boolean {
  if (!/\.(md|markdown)$/i.test(relativePath)) return false;
  if (isEvidencePath(relativePath.replace(/\\/g, '/'))) return false;
  if (text !== undefined && isTemplateFile(text)) return false;
  if (text !== undefined && isGeneratedIndexPage(text)) return false;
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
