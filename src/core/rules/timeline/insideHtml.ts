import type { Html, RootContent } from 'mdast';
import { unknownTagAtLineStart } from '../../document/htmlTags';
import { startLine } from '../../document/mdastUtil';
import type { PostmortemDocument, SectionUnit } from '../../document/model';
import type { Rule } from '../../lint/rule';
import { parseEntryText } from '../../timeline/entryGrammar';
import { timelineSections } from './shared';

const BULLET = /^\s*(?:[-*+]|\d{1,9}[.)])\s+/;
/** A line that may open an HTML block other than a comment (inside a list item too). */
const TAG_START = /^\s*<[A-Za-z/?!]/;
/** The blocks that run past a blank line, to their own end: `<pre>`, `<script>`, `<style>`, `<textarea>`, `<?`, `<!X`. */
const RUNS_PAST_BLANK = /^\s*<(?:(?:pre|script|style|textarea)(?:[\s>]|$)|\?|![A-Za-z[])/i;

function entryLike(text: string): ReturnType<typeof parseEntryText> | undefined {
  if (text.length > 2000) return undefined;
  const parsed = parseEntryText(text.trimStart().replace(BULLET, ''));
  return parsed.stamp ? parsed : undefined;
}

/**
 * Whether an HTML block of the section could hold an entry: one opens on a line starting with a
 * tag and, but for the kinds that run to their own end, ends at the next blank line, so an entry
 * inside one is among the lines after such a line and before a blank one. Checked from the lines
 * before asking for the section's tree (most timelines have no such line; the tree costs more
 * than the rest of their lint).
 */
export function mayHideEntries(doc: PostmortemDocument, section: SectionUnit): boolean {
  for (let line = section.startLine; line < section.endLine; line++) {
    const text = doc.lines.lineText(line);
    if (!TAG_START.test(text) || text.trimStart().startsWith('<!--')) continue;
    if (RUNS_PAST_BLANK.test(text)) return true;
    // The run of lines up to a blank one, looked at once (a later tag line in it is in the same run).
    let next = line;
    for (; next < section.endLine; next++) {
      const t = doc.lines.lineText(next);
      if (t.trim() === '') break;
      if (entryLike(t)) return true;
    }
    line = next;
  }
  return false;
}

/** The section's HTML blocks (not comments) holding lines that read as entries, from its tree (exported for the test that proves the gate above changes nothing). */
export function htmlBlocksWithEntries(doc: PostmortemDocument, section: SectionUnit): { first: number; entries: { line: number; milestones: readonly string[] }[] }[] {
  const blocks: Html[] = [];
  for (const node of section.mdast.children as RootContent[]) {
    if (node.type === 'html') blocks.push(node);
    else if (node.type === 'list') for (const item of node.children) for (const child of item.children) if (child.type === 'html') blocks.push(child);
  }
  const found: { first: number; entries: { line: number; milestones: readonly string[] }[] }[] = [];
  for (const block of blocks) {
    if (!block.position || block.value.trimStart().startsWith('<!--')) continue;
    const first = section.startLine + startLine(block);
    const last = section.startLine + block.position.end.line - 1;
    const entries: { line: number; milestones: readonly string[] }[] = [];
    for (let line = first; line <= last; line++) {
      const parsed = entryLike(doc.lines.lineText(line));
      if (parsed) entries.push({ line, milestones: parsed.milestones });
    }
    if (entries.length) found.push({ first, entries });
  }
  return found;
}

/**
 * Timeline entries inside an HTML block. A line starting with a tag, alone on its line
 * (`<START OF OUTAGE>`, as some teams mark the start), makes Markdown read it and every line below
 * it up to a blank line as raw HTML: an entry there (`- 08:00Z [started] …`) is no list item, so its
 * time and milestones count nowhere, and code hosts show it as run-on text or not at all. When the
 * tag is not HTML's, the fix writes it as text (`\<START OF OUTAGE>`), which shows it as typed and
 * makes the lines below Markdown again. HTML comments are not looked in (the template's examples).
 */
export const timelineInsideHtml: Rule = {
  code: 'timeline/inside-html',
  defaultSeverity: 'warning',
  description: 'A timeline entry is not inside an HTML block: a line like `<START OF OUTAGE>` makes the lines below it, up to a blank line, raw HTML, where entries count nowhere.',
  check({ doc, report }) {
    for (const section of timelineSections(doc)) {
      if (section.notChecked || !mayHideEntries(doc, section)) continue;
      for (const { first, entries } of htmlBlocksWithEntries(doc, section)) {
        const openerText = doc.lines.lineText(first);
        const opener = openerText.trim().length > 40 ? `${openerText.trim().slice(0, 40)}…` : openerText.trim();
        const tag = unknownTagAtLineStart(openerText);
        const milestones = [...new Set(entries.flatMap((e) => e.milestones))];
        const counted = milestones.length ? `their times and [${milestones.join('], [')}] count` : 'their times count';
        const lineEnd = (line: number) => ({ line, character: doc.lines.lineText(line).length });
        report({
          range: { start: { line: entries[0]!.line, character: 0 }, end: lineEnd(entries[0]!.line) },
          message: `Expected timeline entries as Markdown, found ${entries.length === 1 ? 'a line that reads as an entry' : `${entries.length} lines that read as entries`} inside an HTML block opened by "${opener}" (line ${first + 1}): Markdown reads every line up to the next blank line as raw HTML, so ${entries.length === 1 ? counted.replace('their times', 'its time') : counted} nowhere.${tag ? ` <${tag.name}> is not an HTML tag: write it as text (\\<${tag.name} …)` : ' Put a blank line between the HTML and the entries'}`,
          fixes: tag ? [{
            title: `Write "${opener}" as text (\\<${tag.name} …)`,
            edits: [{ range: { start: { line: first, character: tag.column }, end: { line: first, character: tag.column } }, newText: '\\' }],
            isPreferred: true,
          }] : [],
        });
      }
    }
  },
};
