import { actionShape, describeActionShape } from '../../actions/actionShaped';
import { TASK_LINE } from '../../actions/extract';
import { headingLabel } from '../../document/commentHiding';
import type { PostmortemDocument } from '../../document/model';
import type { Rule } from '../../lint/rule';
import { startLine, walk } from '../../document/mdastUtil';
import { levelOneActionHeading, levelTwoEdit, swallowedActionHeading } from '../../document/swallowedHeading';
import type { Fix } from '../../types';
import { describeUntaken, MAY_HOLD_BOX, mistypedItemAt } from '../../index/untakenItems';
import { boxFix } from './boxFix';

/**
 * A task-list item (`- [ ] …`) typed under another section — "Where we got lucky", the timeline —
 * is not an action item: `postmortem actions`, the Action Items view and the metrics never see it
 * (trial 9 T1: `pm-action` typed at the end of the document, under Lessons, vanished without a word).
 * Without an Action items section at all (none written, or its heading hidden in a comment: trial 12
 * T4) the items that name an owner or a due date are said, not checklist lines.
 *
 * A mistyped box with an owner or a due date (`- [] Rotate keys @ana due:…`, `- [ ]Rotate …`) is the
 * same item typed with a slip: said here too, once (under Action items it is actions/not-a-task), with
 * the fix that writes the box. The summary counts it with the stray items, so `actions`, the sidebar
 * and the metrics name the same lines (test/unit/index/consumersAgree.test.ts). Items in a block
 * quote are quoted (carried over from another review), as every reader takes them.
 *
 * Beside an Action items section it is an info, whatever the status: teams keep owner-tagged
 * checklists elsewhere on purpose ("Follow-up checks" under Response), every line was read, and
 * `postmortem actions` and the tree list it as a note too (exit 0, an info icon) — a warning on each
 * such line of a valid document would teach people to skip warnings. Without an Action items section
 * (none written, or its heading inside an HTML comment) the file's action items were not found: an
 * item with an owner or due date is a warning from in-review on (an info in a draft, where sections
 * are still being arranged), `actions` exits 1 and the tree's icon is a warning.
 */
export const outsideSection: Rule = {
  code: 'actions/outside-section',
  defaultSeverity: 'info',
  description: 'A task-list item (`- [ ] …`) outside the Action items section is not tracked as an action item (not in `postmortem actions`, the Action Items view or the metrics); move it under Action items if it is one. A line with an owner or a due date and a mistyped box (`- []`, `- [ ]Text`), which Markdown shows as text, is said too, with a fix that writes the box. An info beside an Action items section (a checklist kept elsewhere is fine); without one, a warning from in-review on for an item with an owner or due date. Items in a block quote are left alone.',
  check(ctx) {
    const { doc } = ctx;
    const hasSection = doc.sections.some((s) => s.id === 'action-items');
    // Why there is none, worked out once (each reads the whole document); a level-1 heading's fix goes on the first item said.
    let why: { text: string; fix?: Fix } | undefined;
    const whyNot = () => (why ??= noSection(doc));
    let fixOffered = false;
    const levelFix = (): Fix[] => {
      const fix = whyNot().fix;
      if (!fix || fixOffered) return [];
      fixOffered = true;
      return [fix];
    };
    for (const section of doc.sections) {
      if (section.id === 'action-items') continue;
      // Raw text first: most sections hold no task item, and their tree need not be built.
      if (!MAY_HOLD_BOX.test(section.text)) continue;
      const base = section.startLine;
      const where = section.headingLine < 0 ? 'the top of the document' : `"${section.title.slice(0, 80)}"`;
      // The last line of the block quote seen last: its items are quoted (carried over, cited), as no reader lists them.
      let quotedTo = -1;
      walk(section.mdast, (n) => {
        if (n.type === 'blockquote') quotedTo = Math.max(quotedTo, base + (n.position?.end.line ?? 1) - 1);
        if (n.type !== 'listItem') return;
        const line = base + startLine(n);
        if (line <= quotedTo) return;
        const text = doc.lines.lineText(line);
        const indent = text.length - text.trimStart().length;
        const range = { start: { line, character: indent }, end: { line, character: text.length } };
        if (typeof n.checked !== 'boolean') {
          const mistyped = mistypedItemAt(line, text);
          if (!mistyped) return;
          ctx.report({
            range,
            message: hasSection
              ? `Expected action items under "Action items", found a line with ${describeActionShape(mistyped.shape!)} and ${describeUntaken(mistyped, doc.lines)} under ${where}: Markdown shows the brackets as text, not a checkbox, and outside Action items it is not tracked (not in postmortem actions, the Action Items view or the metrics); move it under Action items if it is one`
              : `Expected action items under an "Action items" section, found this line with ${describeActionShape(mistyped.shape!)} and ${describeUntaken(mistyped, doc.lines)} under ${where}${whyNot().text}; Markdown shows its brackets as text, not a checkbox`,
            fixes: [boxFix(doc.lines, mistyped), ...(hasSection ? [] : levelFix())],
            ...(!hasSection && ctx.status !== 'draft' ? { severity: 'warning' as const } : {}),
          });
          return;
        }
        const task = TASK_LINE.exec(text);
        const shape = task ? actionShape(text.slice(task[0].length)) : undefined;
        // No Action items section and a checklist line: sections/missing and actions/none speak for the section.
        if (!hasSection && !shape) return;
        const message = hasSection
          ? `Expected action items under "Action items", found a task item under ${where}: it is not tracked (not in postmortem actions, the Action Items view or the metrics); move it under Action items if it is one`
          : `Expected action items under an "Action items" section, found this task item with ${describeActionShape(shape!)} under ${where}${whyNot().text}`;
        const fixes = hasSection ? [] : levelFix();
        ctx.report({
          range,
          message,
          ...(fixes.length ? { fixes } : {}),
          ...(shape && !hasSection && ctx.status !== 'draft' ? { severity: 'warning' as const } : {}),
        });
      });
    }
  },
};

/** Why there is no Action items section: its heading hidden in a comment, swallowed by the text above, written at level 1, or none written. */
function noSection(doc: PostmortemDocument): { text: string; fix?: Fix } {
  return { text: noSectionText(doc), ...levelOneFix(doc) };
}

function levelOneFix(doc: PostmortemDocument): { fix?: Fix } {
  const levelOne = levelOne_(doc);
  return levelOne ? { fix: { title: `Make line ${levelOne.line + 1} a level-2 heading (## Action items)`, edits: [levelTwoEdit(doc.lines, levelOne)], isPreferred: true } } : {};
}

const levelOneOf = new WeakMap<PostmortemDocument, ReturnType<typeof levelOneActionHeading> | null>();
function levelOne_(doc: PostmortemDocument): ReturnType<typeof levelOneActionHeading> {
  if (!levelOneOf.has(doc)) levelOneOf.set(doc, levelOneActionHeading(doc.lines, doc.frontMatter ? doc.frontMatter.closeLine + 1 : 0) ?? null);
  return levelOneOf.get(doc) ?? undefined;
}

function noSectionText(doc: PostmortemDocument): string {
  for (const hiding of doc.hidingComments ?? []) {
    const heading = hiding.headings.find((h) => h.id === 'action-items');
    if (heading) return `, while the heading ${headingLabel(heading)} is inside the HTML comment opened on line ${hiding.openLine + 1}: it is not tracked (not in postmortem actions, the Action Items view or the metrics); end that comment before the heading (document/comment-hides-content)`;
  }
  const swallowed = swallowedActionHeading(doc.lines, doc.frontMatter ? doc.frontMatter.closeLine + 1 : 0);
  if (swallowed !== undefined) return `, while "${doc.lines.lineText(swallowed).trim().slice(0, 80)}" (line ${swallowed + 1}), underlined, is no heading: with no blank line above it, it is read as the end of the list item or paragraph before it (as GitHub shows it too); put a blank line before line ${swallowed + 1}, so the items are tracked (postmortem actions, the Action Items view, the metrics)`;
  const levelOne = levelOne_(doc);
  if (levelOne) return `, while "${doc.lines.lineText(levelOne.line).trim().slice(0, 80)}" (line ${levelOne.line + 1}) is a level-1 heading${levelOne.setext ? ' (underlined with `===`)' : ''}: sections are level-2 headings (\`## Action items\`), so it is not read as the Action items section and this item is not tracked (not in postmortem actions, the Action Items view or the metrics); make it \`## Action items\``;
  return ' and no "## Action items" heading: it is not tracked (not in postmortem actions, the Action Items view or the metrics); add one above it if it is an action item';
}
