import { longParagraphOverBudget } from './paragraphSize';
import type { Root, RootContent } from 'mdast';
import { extractActionItems, type RawActionItem } from '../actions/extract';
import { LineIndex } from '../text/lineIndex';
import { parseInstant } from '../time/instant';
import { extractTimeline, type RawTimelineEntry } from '../timeline/extract';
import { resolveTimeline } from '../timeline/resolve';
import { fiveWhysSlice, plainAnswers } from './fiveWhysSlice';
import { readFrontMatter } from './frontMatter';
import { parseSectionMarkdown } from './markdown';
import { plainText, startLine } from './mdastUtil';
import type { ActionItem, FiveWhys, PostmortemDocument, SectionUnit, TimelineEntry } from './model';
import { listWorkOverBudget } from './listWork';
import { quoteWorkOverBudget } from './quoteWork';
import { markerRunsOverBudget } from './markerRuns';
import { readPlainListSection } from './plainLists';
import { DEFAULT_SECTION_ALIASES, type SectionId } from './sectionNames';
import { commentsHidingStructure } from './commentHiding';
import { scanHeadings, splitSections, type Section } from './sections';
import { frontMatterZone } from '../frontMatter/values';
import { appendAll } from '../collections/appendAll';
import { dueAnchorOfMeta, withDueYear } from '../actions/dueYear';

export interface ParseOptions {
  readonly sectionAliases?: Readonly<Record<SectionId, readonly string[]>>;
  /** Reuse per-section work across parses of the same document (the editor's incremental path). */
  readonly cache?: SectionCache;
  /**
   * Read times written without a zone in this zone instead of the front matter's `timezone` (a
   * rule asking how the document reads once a misspelt `timzone:` key is renamed).
   */
  readonly timezone?: string;
}

/** What one section yields, with lines relative to the section's first line. */
interface SectionResult {
  /** The section's Markdown tree, parsed on first use: prose sections rarely need one. */
  readonly tree: () => Root;
  readonly timeline?: readonly RawTimelineEntry[];
  readonly actions?: readonly RawActionItem[];
  readonly fiveWhys?: { headingLine: number; headingLength: number; answers: { line: number; text: string }[] };
  /** Why the section was not read as Markdown (too many lines), when it was not. */
  readonly notChecked?: string;
}

/**
 * Section results keyed by the section's text: after a one-line edit only the edited section is
 * parsed again. Entries not used by the latest parse are dropped, so the cache cannot grow unbounded.
 */
export class SectionCache {
  private entries = new Map<string, SectionResult>();
  private next = new Map<string, SectionResult>();
  hits = 0;
  misses = 0;

  get(key: string, compute: () => SectionResult): SectionResult {
    let r = this.next.get(key) ?? this.entries.get(key);
    if (r) this.hits++;
    else {
      r = compute();
      this.misses++;
    }
    this.next.set(key, r);
    return r;
  }

  /** Called after each full parse: keep only what that parse used. */
  commit(): void {
    this.entries = this.next;
    this.next = new Map();
  }
}

const FIVE_WHYS = /^(?:the\s+)?(?:5|five)[\s-]+whys?\b/i;
/** A heading line that may be a five-whys heading: only then is a prose section parsed eagerly. */
const FIVE_WHYS_HEADING_LINE = /^ {0,3}#{2,6}[ \t].*\b(?:5|five)[\s-]+whys?\b/im;

/**
 * The most lines of one section given to the Markdown reader. remark needs about a millisecond and
 * tens of kilobytes per table row: a 100,000-row action table took 87 s and 3.5 GB. A longer section
 * is not read as Markdown (document/section-too-large says so); plain bullet lists, read from their
 * lines, have no such limit.
 */
export const MAX_TREE_LINES = 5_000;

/**
 * Why a section is not given to the Markdown reader (it then has no Markdown tree of its own), or
 * undefined: over MAX_TREE_LINES lines, or nested lists or block quotes whose reading would cost
 * more than their budget (listWork.ts, quoteWork.ts, markerRuns.ts). document/section-too-large says which.
 */
export function tooLargeForTree(text: string, lines?: LineIndex): string | undefined {
  // A text has at most one more line than it has characters.
  if (text.length >= MAX_TREE_LINES) {
    const count = (lines ?? new LineIndex(text)).lineCount;
    if (count > MAX_TREE_LINES) return `${count.toLocaleString('en-US')} lines; the limit is ${MAX_TREE_LINES.toLocaleString('en-US')}`;
  }
  return listWorkOverBudget(text) ?? quoteWorkOverBudget(text) ?? markerRunsOverBudget(text) ?? longParagraphOverBudget(text);
}

/** Whether a section's text has no Markdown tree of its own (tooLargeForTree). */
export function isTooLargeForTree(text: string): boolean {
  return tooLargeForTree(text) !== undefined;
}

const EMPTY_ROOT: Root = { type: 'root', children: [] };

function lazyTree(text: string, tooLarge: boolean): () => Root {
  let tree: Root | undefined;
  return () => (tree ??= tooLarge ? EMPTY_ROOT : parseSectionMarkdown(text));
}

type FiveWhysResult = NonNullable<SectionResult['fiveWhys']>;

/**
 * The five-whys block after `heading` (top-level index in `mdast`): the first list or heading after
 * it, its answers when that is an ordered list. `lineOffset` shifts lines of a sliced parse.
 */
function fiveWhysAt(mdast: Root, heading: number, lines: LineIndex, lineOffset = 0): FiveWhysResult {
  const node = mdast.children[heading];
  const list = mdast.children.slice(heading + 1).find((n) => n.type === 'list' || n.type === 'heading');
  const answers = list?.type === 'list' && list.ordered
    ? list.children.map((item) => ({ line: startLine(item) + lineOffset, text: plainText(item).trim() })).filter((a) => a.text.length > 0)
    : [];
  const headingLine = startLine(node) + lineOffset;
  return { headingLine, headingLength: lines.lineText(headingLine).length, answers };
}

const isFiveWhysHeading = (n: RootContent) => n.type === 'heading' && n.depth >= 2 && FIVE_WHYS.test(plainText(n).trim());

/**
 * A prose section's five whys from a parse of just that block (see fiveWhysSlice); undefined when
 * the slice cannot be shown to read as in the whole section.
 */
function slicedFiveWhys(text: string, lines: LineIndex): FiveWhysResult | undefined {
  const slice = fiveWhysSlice(lines, (title) => FIVE_WHYS.test(title));
  if (!slice) return undefined;
  const answers = plainAnswers(lines, slice);
  if (answers) return { headingLine: slice.from, headingLength: lines.lineText(slice.from).length, answers };
  const end = slice.to >= lines.lineCount ? text.length : lines.lineStart(slice.to);
  const sliceText = text.slice(lines.lineStart(slice.from), end);
  // The slice is held to the section's budgets too: a deep staircase under a five-whys heading is not read here either.
  if (tooLargeForTree(sliceText)) return undefined;
  const mdast = parseSectionMarkdown(sliceText);
  if (mdast.children.length === 0 || !isFiveWhysHeading(mdast.children[0])) return undefined;
  return fiveWhysAt(mdast, 0, lines, slice.from);
}

/** Whether the first list or sub-heading of a section's tree is an ordered list (where five-whys answers would be). */
function firstListIsOrdered(tree: Root): boolean {
  const first = tree.children.find((n) => n.type === 'list' || n.type === 'heading');
  return first?.type === 'list' && first.ordered === true;
}

/**
 * Structured sections (timeline, action items, five whys) are read at once; other sections get a
 * Markdown tree only when a rule or host asks for it. Most prose never needs one, which keeps a
 * cold lint close to the cost of a bare parse. Flat bullet lists are read from their lines (see
 * plainLists) and a five-whys block is parsed on its own when that reads the same.
 */
function analyseSection(section: Section, text: string): SectionResult {
  const lines = new LineIndex(text);
  const notChecked = tooLargeForTree(text, lines);
  const tooLarge = notChecked !== undefined;
  const tree = lazyTree(text, tooLarge);
  const result: { -readonly [K in keyof SectionResult]: SectionResult[K] } = { tree };
  if (notChecked) result.notChecked = notChecked;
  const structured = section.id === 'timeline' || section.id === 'action-items';
  if (!structured && !FIVE_WHYS_HEADING_LINE.test(text)) return result;
  if (structured) {
    // A timeline's entries are where its top-level items start: what the items hold need not be read.
    const plain = readPlainListSection(lines, section.title, { opaqueItemBodies: section.id === 'timeline', tables: true });
    // A five-whys sub-heading, or an ordered list under a five-whys section heading: where its
    // answers are is the full parse's call.
    if (plain && !plain.subheadings.some((t) => FIVE_WHYS.test(t)) && !(FIVE_WHYS.test(plain.headingTitle) && firstListIsOrdered(plain.tree))) {
      if (section.id === 'timeline') result.timeline = extractTimeline(plain.tree, lines);
      else result.actions = extractActionItems(plain.tree, lines);
      // Its only five-whys heading can be the section's own, and its first list is not an ordered one.
      if (FIVE_WHYS.test(plain.headingTitle)) result.fiveWhys = { headingLine: 0, headingLength: lines.lineText(0).length, answers: [] };
      if (tooLarge) {
        // Read from its lines whatever its length: rules get that tree instead of none.
        result.tree = () => plain.tree;
        delete result.notChecked;
      }
      return result;
    }
  } else {
    const whys = slicedFiveWhys(text, lines);
    if (whys) {
      result.fiveWhys = whys;
      return result;
    }
  }
  const mdast = tree();
  if (section.id === 'timeline') result.timeline = extractTimeline(mdast, lines);
  if (section.id === 'action-items') result.actions = extractActionItems(mdast, lines);
  const whysIndex = mdast.children.findIndex(isFiveWhysHeading);
  if (whysIndex !== -1) result.fiveWhys = fiveWhysAt(mdast, whysIndex, lines);
  return result;
}

/** Parse a post-mortem: front matter, sections, timeline, action items, five whys. Never throws. */
export function parsePostmortem(text: string, options: ParseOptions = {}): PostmortemDocument {
  const lines = new LineIndex(text);
  const frontMatter = readFrontMatter(lines);
  const meta = frontMatter?.data ?? {};
  const bodyStart = frontMatter ? frontMatter.closeLine + 1 : 0;
  const { headings, openAtEnd, comments } = scanHeadings(lines, bodyStart, lines.lineCount);
  const aliases = options.sectionAliases ?? DEFAULT_SECTION_ALIASES;
  const hidingComments = commentsHidingStructure(lines, comments, aliases);
  const split = splitSections(lines, bodyStart, headings, aliases);
  const cache = options.cache ?? new SectionCache();

  const timezone = options.timezone ?? frontMatterZone(meta);
  const startedAt = parseInstant(meta.started_at, timezone)?.ms;
  // The date a year-less due date ("due Dec 14") takes its year from (dueYear.ts), as the summary reads it.
  const anchor = dueAnchorOfMeta(meta);

  const sections: SectionUnit[] = [];
  const timeline: PostmortemDocument['timeline'][number][] = [];
  const actionItems: ActionItem[] = [];
  let fiveWhys: FiveWhys | undefined;
  for (const section of split) {
    const sectionText = text.slice(lines.lineStart(section.startLine), section.endLine >= lines.lineCount ? text.length : lines.lineStart(section.endLine));
    // The id is part of the key: renaming a heading changes what is extracted from the same body.
    const result = cache.get(`${section.id ?? ''}\u0000${sectionText}`, () => analyseSection(section, sectionText));
    const tree = result.tree;
    sections.push({ ...section, text: sectionText, get mdast() { return tree(); }, ...(result.timeline ? { rawTimeline: result.timeline } : {}), ...(result.notChecked ? { notChecked: result.notChecked } : {}) });
    if (result.timeline) appendAll(timeline, resolvedTimeline(result.timeline, section.startLine, { timezone, startedAt }));
    if (result.actions) for (const item of shiftedActions(result.actions, section.startLine)) actionItems.push(withDueYear(item, anchor));
    if (result.fiveWhys && !fiveWhys) {
      const headingLine = result.fiveWhys.headingLine + section.startLine;
      fiveWhys = {
        headingLine,
        headingRange: { start: { line: headingLine, character: 0 }, end: { line: headingLine, character: result.fiveWhys.headingLength } },
        answers: result.fiveWhys.answers.map((a) => ({ line: a.line + section.startLine, text: a.text })),
      };
    }
  }
  cache.commit();
  return { text, lines, frontMatter, meta, headings, sections, timeline, actionItems, fiveWhys, timezone, ...(openAtEnd ? { openAtEnd } : {}), ...(hidingComments.length ? { hidingComments } : {}) };
}

/**
 * Resolved entries of a cached section, kept while the section stays where it was and the front
 * matter gives the same zone and start: an edit elsewhere (a keystroke in prose) re-resolves
 * nothing. Entries are immutable, so parses may share them.
 */
const resolvedMemo = new WeakMap<readonly RawTimelineEntry[], { key: string; entries: TimelineEntry[] }>();

function resolvedTimeline(raw: readonly RawTimelineEntry[], startLine: number, ctx: { timezone: string; startedAt?: number }): TimelineEntry[] {
  const key = `${startLine}\u0000${ctx.timezone}\u0000${ctx.startedAt ?? ''}`;
  const hit = resolvedMemo.get(raw);
  if (hit?.key === key) return hit.entries;
  const entries = resolveTimeline(raw, startLine, ctx);
  resolvedMemo.set(raw, { key, entries });
  return entries;
}

/** Action items of a cached section in document lines, kept while the section does not move. */
const shiftedMemo = new WeakMap<readonly RawActionItem[], { startLine: number; items: ActionItem[] }>();

function shiftedActions(raw: readonly RawActionItem[], startLine: number): ActionItem[] {
  const hit = shiftedMemo.get(raw);
  if (hit?.startLine === startLine) return hit.items;
  const items = raw.map((a) => shiftAction(a, startLine));
  shiftedMemo.set(raw, { startLine, items });
  return items;
}

function shiftAction(a: RawActionItem, offset: number): ActionItem {
  const line = a.line + offset;
  const { checkbox, lineLength: _len, ...rest } = a;
  return {
    ...rest,
    line,
    range: { start: { line, character: 0 }, end: { line, character: a.lineLength } },
    checkboxRange: checkbox ? { start: { line, character: checkbox.start }, end: { line, character: checkbox.end } } : undefined,
  };
}
