import { actionShape, describeActionShape } from '../../actions/actionShaped';
import { hiddenTasksOfSection, htmlListTask, type HiddenTask } from '../../index/hiddenTasks';
import { withoutTags } from '../../text/lookalikeBullet';
import type { PostmortemDocument } from '../../document/model';
import type { Rule } from '../../lint/rule';
import type { Fix } from '../../types';

const LIST_WHERE = 'not in postmortem actions, the Action Items view or the metrics';

/**
 * A task line under Action items that Markdown reads as something else, so no reader lists it
 * (trial13a F21: `actions` listed the other items, lint said nothing):
 * - inside a block quote (`> - [ ] …`): GitHub shows it with a checkbox in the quote, but a quote
 *   cites another text (last incident's list, a chat), so it is not read as this incident's item;
 *   the fix removes the `>` (not preferred: the quote may be meant).
 * - inside an HTML block (`<details><summary>More</summary>` and the item on the next line): every
 *   line up to the next blank one is raw HTML, shown as plain text with no checkbox; the fix puts the
 *   blank line there (preferred: the item was meant as Markdown), as timeline/inside-html does.
 * The lines are found by the summary's own scanner (index/hiddenTasks.ts), so `actions`, the sidebar
 * and the metrics name the same ones (their note "Task items not read").
 */
export const hiddenTask: Rule = {
  code: 'actions/hidden-task',
  defaultSeverity: 'warning',
  description: 'A task line under Action items is not inside a block quote (`> - [ ] …`) or an HTML block (`<details>` with no blank line after it): Markdown reads it as a quote\'s or as raw HTML, so it is not an action item (not listed, not counted). Nor is an HTML list item written as a task (`<li>[ ] Add alert @kim due:…</li>`, `<li><input type="checkbox"> …`, as Confluence and Jira exports write them): the fix writes the list as Markdown tasks.',
  check({ doc, report }) {
    for (const section of doc.sections) {
      if (section.id !== 'action-items' || !/^[ \t]*[<>]/m.test(section.text)) continue;
      let fixedBlock = -1;
      for (const hidden of hiddenTasksOfSection(doc.lines, section.startLine, section.endLine)) {
        const text = doc.lines.lineText(hidden.line);
        if (hidden.htmlItem) {
          const fix = fixedBlock === hidden.openLine ? undefined : htmlListFix(doc, hidden.openLine, section.endLine);
          fixedBlock = hidden.openLine;
          const itemShape = actionShape(hidden.htmlItem.text);
          report({
            range: { start: { line: hidden.line, character: 0 }, end: { line: hidden.line, character: text.length } },
            message: `Expected action items as Markdown tasks, found an HTML list item${itemShape ? ` with ${describeActionShape(itemShape)}` : ''} in the HTML block opened by "${opener(doc, hidden.openLine)}" (line ${hidden.openLine + 1}): the code host shows an HTML list with no checkbox, so it is not an action item (${LIST_WHERE}); write it as \`- ${hidden.htmlItem.box} …\`${fix ? '' : ' (no fix: the block holds more than list tags and items)'}`,
            ...(fix ? { fixes: [fix] } : {}),
          });
          continue;
        }
        const shape = actionShape(text.slice(hidden.textStart));
        const what = `a task line${shape ? ` with ${describeActionShape(shape)}` : ''}`;
        // One blank line per HTML block: offered on its first hidden line only, so Fix All adds one.
        const fix = hidden.kind === 'quote' ? unquoteFix(doc, hidden) : fixedBlock === hidden.openLine ? undefined : blankLineFix(doc, hidden);
        if (hidden.kind === 'html') fixedBlock = hidden.openLine;
        report({
          range: { start: { line: hidden.line, character: 0 }, end: { line: hidden.line, character: text.length } },
          message: hidden.kind === 'quote'
            ? `Expected action items outside block quotes, found ${what} inside one (\`>\`): GitHub shows it with a checkbox in the quote, but a quote cites another text, so it is not read as an action item of this incident (${LIST_WHERE}); remove the \`>\` if it is one`
            : `Expected action items as Markdown, found ${what} inside an HTML block opened by "${opener(doc, hidden.openLine)}" (line ${hidden.openLine + 1}): Markdown reads every line up to the next blank one as raw HTML, so it is shown as plain text with no checkbox and is not an action item (${LIST_WHERE}); put a blank line between the HTML and the task lines`,
          ...(fix ? { fixes: [fix] } : {}),
        });
      }
    }
  },
};

/**
 * The HTML block (from its opening line to the next blank one) written as Markdown tasks: each list
 * item a `- [ ] …` line, lines of tags only (`<ul>`, `</ul>`) dropped. Only when every line is one of
 * these: other HTML in the block would be lost.
 */
function htmlListFix(doc: PostmortemDocument, openLine: number, endLine: number): Fix | undefined {
  const out: string[] = [];
  let last = openLine;
  for (let line = openLine; line < endLine; line++) {
    const text = doc.lines.lineText(line);
    if (text.trim() === '') break;
    last = line;
    const item = htmlListTask(text);
    if (item) out.push(`- ${item.box} ${item.text}`);
    else if (withoutTags(text).trim() !== '') return undefined;
  }
  if (!out.length) return undefined;
  return {
    title: `Write the HTML list (lines ${openLine + 1}–${last + 1}) as Markdown tasks`,
    edits: [{ range: { start: { line: openLine, character: 0 }, end: { line: last, character: doc.lines.lineText(last).length } }, newText: out.join(doc.lines.eol) }],
    isPreferred: true,
  };
}

function opener(doc: PostmortemDocument, line: number): string {
  const text = doc.lines.lineText(line).trim();
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** A blank line before the first task line of the HTML block: the block ends there and the items are Markdown again. */
function blankLineFix(doc: PostmortemDocument, hidden: HiddenTask): Fix | undefined {
  const before = hidden.line - 1;
  if (before < hidden.openLine) return undefined;
  const at = { line: before, character: doc.lines.lineText(before).length };
  return {
    title: `Put a blank line after line ${before + 1}, so the task lines are Markdown`,
    edits: [{ range: { start: at, end: at }, newText: doc.lines.eol }],
    isPreferred: true,
  };
}

/** The quote markers removed from the task line: it becomes a list item after the quote. */
function unquoteFix(doc: PostmortemDocument, hidden: HiddenTask): Fix {
  const text = doc.lines.lineText(hidden.line);
  const bullet = text.slice(0, hidden.textStart).search(/[-*+\d]/);
  return {
    title: 'Remove the `>`: an action item of this incident',
    edits: [{ range: { start: { line: hidden.line, character: 0 }, end: { line: hidden.line, character: bullet } }, newText: '' }],
    isPreferred: false,
  };
}
