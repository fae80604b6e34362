import type { Html, RootContent } from 'mdast';
import { unknownTagAtLineStart } from '../../document/htmlTags';
import { startLine } from '../../document/mdastUtil';
import type { Rule } from '../../lint/rule';
import { parseEntryText } from '../../timeline/entryGrammar';
import { timelineSections } from './shared';

/** A line that may open an HTML block (not a comment): without one, a section has no HTML block to look in. */
const HTML_BLOCK_START = /^ {0,3}<(?!!--)/m;
const BULLET = /^\s*(?:[-*+]|\d{1,9}[.)])\s+/;

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
      if (section.notChecked || !HTML_BLOCK_START.test(section.text)) continue;
      const blocks: Html[] = [];
      for (const node of section.mdast.children as RootContent[]) {
        if (node.type === 'html') blocks.push(node);
        else if (node.type === 'list') for (const item of node.children) for (const child of item.children) if (child.type === 'html') blocks.push(child);
      }
      for (const block of blocks) {
        if (!block.position || block.value.trimStart().startsWith('<!--')) continue;
        const first = section.startLine + startLine(block);
        const last = section.startLine + block.position.end.line - 1;
        const entries: { line: number; milestones: readonly string[] }[] = [];
        for (let line = first; line <= last; line++) {
          const text = doc.lines.lineText(line);
          if (text.length > 2000) continue;
          const parsed = parseEntryText(text.trimStart().replace(BULLET, ''));
          if (parsed.stamp) entries.push({ line, milestones: parsed.milestones });
        }
        if (entries.length === 0) continue;
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
