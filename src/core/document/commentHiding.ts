import { atxHeading } from '../text/atxHeading';
import type { LineIndex } from '../text/lineIndex';
import { itemShape } from './hiddenContent';
import { DEFAULT_SECTION_ALIASES, sectionIdOf, SECTION_TITLES, type SectionId } from './sectionNames';
import type { CommentSpan } from './sections';

/** Headings named in messages, at most. */
const NAMED_HEADINGS = 3;
/** Hidden headings kept per comment, at most (a hostile file may comment out thousands). */
const KEPT_HEADINGS = 100;
/** Longer heading titles are not compared with the section names (bounds the matching on a hostile line). */
const MAX_TITLE = 300;
/** Characters of a heading's title quoted in a message, at most. */
const SHOWN_TITLE = 80;

/** A heading line inside a comment: it is the comment's text, not a heading. */
export interface HiddenHeading {
  readonly line: number;
  readonly level: number;
  readonly title: string;
  /** The known section it names (`## Action items`, `## 対策`). */
  readonly id?: SectionId;
}

/**
 * An HTML comment, closed, that hides part of the post-mortem's structure: a section heading, or
 * (when another comment's `-->` ended it) action items or timeline entries as written.
 */
export interface CommentHiding {
  /** The line and column of its `<!--`. */
  readonly openLine: number;
  readonly openCharacter: number;
  /** The line holding the `-->` that ends it. */
  readonly closeLine: number;
  /**
   * The line of the first `<!--` inside it: the `-->` that ends it was written for that comment (a
   * `<!--` inside a comment opens nothing; HTML calls it a nested-comment parse error), so the
   * first one was left open by mistake.
   */
  readonly nestedOpenLine?: number;
  /** The level-1 and level-2 headings (those that split sections), in order (the first hundred). */
  readonly headings: readonly HiddenHeading[];
  readonly headingCount: number;
  /** Task-list lines (`- [ ] …`) and list items starting with a time inside it. */
  readonly actionItems: number;
  readonly timelineEntries: number;
  /** The first hidden heading, task or entry line. */
  readonly firstHiddenLine: number;
}

/**
 * The comments among `spans` that hide a section heading (a `#` or `## ` line: what would split the
 * sections, known or not), or action items or timeline entries when their `-->` belonged to a comment opened
 * inside them. A template's guidance comment may hold example items (`- [ ] What @owner due:…`) on
 * purpose: a comment that ends where it was meant to is never flagged for those.
 */
export function commentsHidingStructure(lines: LineIndex, spans: readonly CommentSpan[] | undefined, aliases: Readonly<Record<SectionId, readonly string[]>> = DEFAULT_SECTION_ALIASES): CommentHiding[] {
  const out: CommentHiding[] = [];
  for (const span of spans ?? []) {
    const hiding = hidingOf(lines, span, aliases);
    if (hiding) out.push(hiding);
  }
  return out;
}

function hidingOf(lines: LineIndex, span: CommentSpan, aliases: Readonly<Record<SectionId, readonly string[]>>): CommentHiding | undefined {
  const openText = lines.lineText(span.open);
  const openCharacter = Math.max(0, openText.indexOf('<!--'));
  let nestedOpenLine = openText.includes('<!--', openCharacter + 4) ? span.open : undefined;
  const headings: HiddenHeading[] = [];
  let headingCount = 0;
  let actionItems = 0;
  let timelineEntries = 0;
  let firstHiddenLine = -1;
  for (let l = span.open + 1; l <= span.close; l++) {
    let text = lines.lineText(l);
    // On the closing line only the text before its `-->` is the comment's.
    if (l === span.close) text = text.slice(0, Math.max(0, text.indexOf('-->')));
    if (nestedOpenLine === undefined && text.includes('<!--')) nestedOpenLine = l;
    const h = atxHeading(text);
    if (h) {
      // A level-3 heading splits nothing (a template's example "### What went well" hides no section).
      if (h.level > 2) continue;
      const title = h.title.trim();
      const id = title.length <= MAX_TITLE ? sectionIdOf(title, aliases) : undefined;
      headingCount++;
      if (firstHiddenLine < 0) firstHiddenLine = l;
      if (headings.length < KEPT_HEADINGS) headings.push({ line: l, level: h.level, title: title.slice(0, SHOWN_TITLE), ...(id ? { id } : {}) });
      continue;
    }
    const shape = itemShape(text);
    if (!shape) continue;
    if (shape === 'task') actionItems++;
    else timelineEntries++;
    if (firstHiddenLine < 0) firstHiddenLine = l;
  }
  if (headingCount === 0 && (nestedOpenLine === undefined || actionItems + timelineEntries === 0)) return undefined;
  return {
    openLine: span.open, openCharacter, closeLine: span.close, ...(nestedOpenLine !== undefined ? { nestedOpenLine } : {}),
    headings, headingCount, actionItems, timelineEntries, firstHiddenLine,
  };
}

/** The comment's `-->` was another comment's: closing it before the first thing it hides is the evident repair. */
export function endsWithAnotherComment(h: CommentHiding): boolean {
  return h.nestedOpenLine !== undefined && h.firstHiddenLine < h.nestedOpenLine;
}

/** `"## Action items" (line 55)` */
export function headingLabel(h: HiddenHeading): string {
  return `"${'#'.repeat(h.level)} ${h.title}" (line ${h.line + 1})`;
}

/**
 * What it hides: `the heading "## Action items" (line 55) and 2 action items`; `named`: the message
 * has just named its one heading, so it is "the heading".
 */
export function describeCommentHiding(h: CommentHiding, named = false): string {
  const parts: string[] = [];
  if (h.headingCount === 1) parts.push(named ? 'the heading' : `the heading ${headingLabel(h.headings[0])}`);
  else if (h.headingCount > 1) {
    const named = h.headings.slice(0, NAMED_HEADINGS);
    const more = h.headingCount > named.length ? `, … ${h.headingCount - named.length} more` : '';
    parts.push(`${h.headingCount} headings (${named.map(headingLabel).join(', ')}${more})`);
  }
  if (h.actionItems) parts.push(plural(h.actionItems, 'action item'));
  if (h.timelineEntries) parts.push(plural(h.timelineEntries, 'timeline entry', 'timeline entries'));
  const last = parts.pop()!;
  return parts.length ? `${parts.join(', ')} and ${last}` : last;
}

/** How the comment ends: `runs to line 60, the \`-->\` of the comment opened on line 57`. */
export function describeCommentEnd(h: CommentHiding): string {
  const nested = h.nestedOpenLine !== undefined && h.nestedOpenLine !== h.openLine
    ? `, where the \`-->\` of the comment opened on line ${h.nestedOpenLine + 1} ends it (a \`<!--\` inside a comment opens nothing)`
    : '';
  return `runs to line ${h.closeLine + 1}${nested}`;
}

/** The sections whose headings it hides, by name: `Action items`. */
export function hiddenSectionNames(h: CommentHiding): string[] {
  const names: string[] = [];
  for (const heading of h.headings) if (heading.id && !names.includes(SECTION_TITLES[heading.id])) names.push(SECTION_TITLES[heading.id]);
  return names;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
