import { untakenItemsOfSection, describeUntaken, foldedNumber, type UntakenItem } from '../../index/untakenItems';
import type { LineIndex } from '../../text/lineIndex';
import type { Rule } from '../../lint/rule';
import type { Fix } from '../../types';
import { boxFix } from './boxFix';

const LIST_WHERE = 'not in postmortem actions, the Action Items view or the metrics';

/**
 * A line under Action items written as an action item that Markdown reads as a plain bullet: a
 * mistyped checkbox (`- []`, `- [ ]Text`, `- [x]Done`) or a bullet with an owner or a due date
 * but no checkbox (`- Add alert @kim due:2026-12-20`), trial14a F14: every reader listed the one
 * real task beside them and said nothing. The lines are found by the summary's own reader
 * (index/untakenItems.ts), so `actions`, the sidebar and the metrics name the same ones (their note
 * "Task items not read"). A section of plain bullets only also gets `actions/not-task-list` on its
 * heading, with one fix for all of them.
 */
export const notATask: Rule = {
  code: 'actions/not-a-task',
  defaultSeverity: 'warning',
  description: 'A line under Action items that is written as an action item (a mistyped checkbox such as `- []` or `- [ ]Text`, or a bullet with an owner or a due date but no checkbox: `@kim`, `due:2026-12-20`, or in words, `Owner: Kim`, `Due 2026-12-20`, `TODO(kim)`, `by 2026-12-24` at the end) is read by Markdown as a plain bullet, so it is not an action item (not listed, not counted). So is a line that only looks like a list item, which Markdown shows as text: `-` and a no-break space (pasted from Google Docs, Confluence or Slack) or a `•`, `◦` or `–` bullet, followed by a box or an owner or due date; and a task line indented four columns (or a tab) where no list is open, which is an indented code block; and a task line Markdown reads as more of the paragraph above it: `2. [ ] …` right under text (a list that interrupts a paragraph must start at 1; also under an item\'s first line) or right after an indented code block. The fix writes the standard `- [ ] `, removes the indentation, puts a blank line above the line or numbers it `1.`.',
  check({ doc, report }) {
    for (const section of doc.sections) {
      if (section.id !== 'action-items') continue;
      const found = untakenItemsOfSection(doc.lines, section.startLine, section.endLine);
      const foldedLines = new Set(found.filter((u) => u.kind === 'folded').map((u) => u.line));
      for (const item of found) {
        const text = doc.lines.lineText(item.line);
        const what = describeUntaken(item, doc.lines);
        if (item.kind === 'folded') {
          report({
            range: { start: { line: item.line, character: 0 }, end: { line: item.line, character: text.length } },
            message: `Expected an action item as a task list item, found ${what}: ${item.afterCode ? 'lint reads it with no checkbox (the code host may show a list there)' : 'the code host shows it with no checkbox'}, so it is not an action item (${LIST_WHERE}); ${foldedHint(item, doc.lines, foldedLines)}`,
            fixes: foldedFixes(item, doc.lines, foldedLines),
          });
          continue;
        }
        if (item.kind === 'text' || item.kind === 'code') {
          const fix = item.kind === 'text' ? markerFix(item) : dedentFix(item);
          report({
            range: { start: { line: item.line, character: 0 }, end: { line: item.line, character: text.length } },
            message: item.kind === 'text'
              ? `Expected an action item as a task (\`- [ ] What @owner due:YYYY-MM-DD\`), found ${what}: Markdown shows this line as text, not a list item, with no checkbox, so it is not an action item (${LIST_WHERE}); write \`${fix.edits[0].newText.trimEnd()}\` at its start`
              : `Expected an action item as a task at the margin, found ${what} (four columns in, where no list is open): it is no list item and has no checkbox, so it is not an action item (${LIST_WHERE}); remove the indentation`,
            fixes: [fix],
          });
          continue;
        }
        report({
          range: { start: { line: item.line, character: 0 }, end: { line: item.line, character: text.length } },
          message: item.kind === 'plain'
            ? `Expected an action item as a task (\`- [ ] What @owner due:YYYY-MM-DD\`), found ${what}: Markdown reads it as a plain bullet, so it is not an action item (${LIST_WHERE}); make it a task`
            : `Expected a checkbox \`[ ]\` or \`[x]\` followed by a space, found ${what}: Markdown reads the line as a plain bullet and shows the brackets as text, so it is not an action item (${LIST_WHERE})`,
          fixes: [item.kind === 'plain' ? taskFix(item) : boxFix(doc.lines, item)],
        });
      }
    }
  },
};

/** `-`+NBSP`[ ] Add alert` → `- [ ] Add alert`; `• Add alert @kim` → `- [ ] Add alert @kim` (no box: under Action items it is meant as a task). */
function markerFix(item: UntakenItem): Fix {
  const look = item.lookalike!;
  const newText = look.box ? `${look.standard} ${look.box} ` : `${look.standard} ${item.hasBox ? '' : '[ ] '}`;
  return {
    title: `Write the list marker as \`${newText.trimEnd()}\` and a space`,
    edits: [{ range: { start: { line: item.line, character: look.markerStart }, end: { line: item.line, character: look.markerEnd } }, newText }],
    isPreferred: true,
  };
}

/** `    - [ ] Add alert` → `- [ ] Add alert` (the four columns that make it code removed; deeper lines stay nested under it). */
function dedentFix(item: UntakenItem): Fix {
  return {
    title: 'Remove the indentation that makes it code',
    edits: [{ range: { start: { line: item.line, character: 0 }, end: { line: item.line, character: item.codeIndent! } }, newText: '' }],
    isPreferred: true,
  };
}

/** `- Add alert @kim` → `- [ ] Add alert @kim`. */
function taskFix(item: UntakenItem): Fix {
  const at = { line: item.line, character: item.textStart };
  return { title: 'Make it a task: `- [ ] …`', edits: [{ range: { start: at, end: at }, newText: '[ ] ' }], isPreferred: true };
}

/** What makes a folded task line a list item: a blank line above the first of a run (the rest follow it), or `1.` after indented code. */
function foldedHint(item: UntakenItem, lines: LineIndex, folded: ReadonlySet<number>): string {
  if (folded.has(item.line - 1)) return `it follows line ${firstOfRun(item.line, folded) + 1}, which is read the same way: once that line is a list item, so is this one`;
  if (item.afterCode) return 'number it `1.` (a list there must start at 1)';
  if (foldedNumber(lines.lineText(item.line))) return 'put a blank line above it, or number it `1.`';
  return 'indent it less (under its item\'s text) or write it at the margin';
}

function firstOfRun(line: number, folded: ReadonlySet<number>): number {
  let first = line;
  while (folded.has(first - 1)) first--;
  return first;
}

function foldedFixes(item: UntakenItem, lines: LineIndex, folded: ReadonlySet<number>): Fix[] | undefined {
  const text = lines.lineText(item.line);
  const number = foldedNumber(text);
  const fixes: Fix[] = [];
  if (folded.has(item.line - 1)) return undefined;
  if (number && !item.afterCode) {
    const at = { line: item.line, character: 0 };
    fixes.push({ title: 'Put a blank line above it (a list then starts here)', edits: [{ range: { start: at, end: at }, newText: lines.eol }], isPreferred: true });
  }
  if (number) {
    const start = text.indexOf(number);
    const one = `1${number[number.length - 1]}`;
    fixes.push({ title: `Number it \`${one}\` (a list there must start at 1)`, edits: [{ range: { start: { line: item.line, character: start }, end: { line: item.line, character: start + number.length } }, newText: one }], isPreferred: item.afterCode === true });
  }
  return fixes.length ? fixes : undefined;
}
