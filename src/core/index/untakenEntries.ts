import { parseEntryText } from '../timeline/entryGrammar';
import type { LineIndex } from '../text/lineIndex';
import { codeIndentEnd, describeIndent, lookalikeBullet, type LookalikeBullet } from '../text/lookalikeBullet';
import { walkSection } from './sectionWalker';
import { describeFolded } from './untakenItems';

/**
 * A line of a Timeline section written as an entry that Markdown reads as text or code, so its time
 * and milestones count nowhere (trial16a F16: `• 14:09Z [detected] …` gave "found no [detected]"):
 * - `text`: a look-alike bullet — `-` and a no-break space (pasted from Google Docs, Confluence or
 *   Slack), `•`, `◦`, `–` — before a time;
 * - `code`: an entry indented four columns (or a tab) where no list is open: an indented code block;
 * - `folded`: an entry with a list marker that Markdown reads as more of the paragraph above
 *   (trial17a F2: `All times UTC:` then `2. 14:02Z [started] …`; a list that interrupts a
 *   paragraph must start at 1), or right after an indented code block (micromark's reading).
 * Lint (timeline/not-list-item) and the summary's note (`list` and `metrics` exit 1) find the same
 * lines here, from the section walker that also reads the entries.
 */
export interface UntakenEntry {
  readonly line: number;
  readonly kind: 'text' | 'code' | 'folded';
  readonly lookalike?: LookalikeBullet;
  /** `code`: where the four columns of indentation that make it code end. */
  readonly codeIndent?: number;
  /** `folded`: right after an indented code block. */
  readonly afterCode?: boolean;
  readonly milestones: readonly string[];
}

/** Longer lines are no entries (as timeline/not-list-item's reading). */
const MAX_ENTRY_LINE = 2000;
const BULLET = /^(?:[-*+]|\d{1,9}[.)])[ \t]+/;

/** A paragraph line starting with a look-alike bullet, or with a list marker Markdown folded into the paragraph, and then a time. */
export function untakenEntryText(line: number, text: string, afterCode?: boolean): UntakenEntry | undefined {
  if (text.length > MAX_ENTRY_LINE) return undefined;
  const lookalike = lookalikeBullet(text);
  if (!lookalike) {
    const rest = text.trimStart();
    const marker = BULLET.exec(rest);
    if (!marker) return undefined;
    const parsed = parseEntryText(rest.slice(marker[0].length));
    return parsed.stamp ? { line, kind: 'folded', ...(afterCode ? { afterCode } : {}), milestones: parsed.milestones } : undefined;
  }
  const parsed = parseEntryText(text.slice(lookalike.markerEnd));
  return parsed.stamp ? { line, kind: 'text', lookalike, milestones: parsed.milestones } : undefined;
}

/** A line of an indented code block that is an entry once the indentation is gone (with or without its list marker). */
export function untakenEntryCode(line: number, text: string): UntakenEntry | undefined {
  if (text.length > MAX_ENTRY_LINE) return undefined;
  const codeIndent = codeIndentEnd(text);
  if (codeIndent === 0) return undefined;
  const rest = text.slice(codeIndent).trimStart();
  const parsed = parseEntryText(rest.slice(BULLET.exec(rest)?.[0].length ?? 0));
  return parsed.stamp ? { line, kind: 'code', codeIndent, milestones: parsed.milestones } : undefined;
}

/** The untaken entries of one Timeline section (`fromLine` its heading line, `toLine` exclusive). */
export function untakenEntriesOfSection(lines: LineIndex, fromLine: number, toLine: number): UntakenEntry[] {
  const found: UntakenEntry[] = [];
  walkSection(lines, fromLine, toLine, {
    content: (line, text, kind, afterCode) => {
      const entry = kind === 'text' ? untakenEntryText(line, text, afterCode) : undefined;
      if (entry) found.push(entry);
    },
    code: (line, text) => {
      const entry = untakenEntryCode(line, text);
      if (entry) found.push(entry);
    },
  });
  return found;
}

/** "a line starting with a '•' bullet (…)", "an entry indented by 4 spaces, which Markdown shows as code", for messages. */
export function describeUntakenEntry(entry: UntakenEntry, lines: LineIndex): string {
  if (entry.kind === 'text') return `a line starting with ${entry.lookalike!.what}`;
  if (entry.kind === 'folded') return describeFolded('an entry', lines.lineText(entry.line), entry.afterCode);
  return `an entry indented by ${describeIndent(lines.lineText(entry.line).slice(0, entry.codeIndent))}, which Markdown shows as code`;
}
