import type { PostmortemDocument, SectionUnit } from '../../document/model';
import { walkSection } from '../../index/sectionWalker';
import type { Rule } from '../../lint/rule';
import { parseEntryText } from '../../timeline/entryGrammar';
import { timelineSections } from './shared';

const NESTED_BULLET = /^([ \t]+)((?:[-*+]|\d{1,9}[.)])[ \t]+)/;
/** Only a section with an indented list marker can hold a sub-bullet: most hold none, and need no walk. */
const ANY_INDENTED_BULLET = /^[ \t]+(?:[-*+]|\d{1,9}[.)])[ \t]/m;

interface NestedEntry {
  readonly line: number;
  /** Columns of white space before the list marker (what the fix removes). */
  readonly indent: number;
  readonly milestones: readonly string[];
}

/** Sub-bullets of a Timeline section (list items inside a list item) that start with a time like an entry and carry a `[milestone]`. */
function nestedEntries(doc: PostmortemDocument, section: SectionUnit): NestedEntry[] {
  if (section.notChecked || !ANY_INDENTED_BULLET.test(section.text)) return [];
  const found: NestedEntry[] = [];
  walkSection(doc.lines, section.startLine, section.endLine, {
    content: (line, text, kind) => {
      if (kind !== 'nested' || text.length > 2000) return;
      const m = NESTED_BULLET.exec(text);
      if (!m) return;
      const parsed = parseEntryText(text.slice(m[0].length));
      // A timed detail under an entry is common and meant so (timeline-real-shapes.md); one marked
      // with a milestone is an entry in the writer's mind, and the metrics would miss it.
      if (parsed.stamp && parsed.milestones.length) found.push({ line, indent: m[1].length, milestones: parsed.milestones });
    },
  });
  return found;
}

/**
 * A sub-bullet of a timeline entry that starts with its own time (`  - 21:05Z [detected] alert`,
 * trial14a F24): only top-level list items are entries, so it is read as a detail of the entry
 * above and its time and milestone count nowhere (lint said "no [detected] entry" for one that was
 * there). Only a sub-bullet marked with a milestone is reported, with the fix that makes it an
 * entry: a timed sub-bullet without one is a detail of its entry, as real post-mortems write them
 * ("17:03 the pool drained" under "17:02 deploy"), and stays one.
 */
export const timelineNestedEntry: Rule = {
  code: 'timeline/nested-entry',
  defaultSeverity: 'warning',
  description: 'A sub-bullet in the Timeline that starts with its own time and a `[milestone]` is read as a detail of the entry above, not as an entry: its time and milestone count nowhere. (A timed sub-bullet without a milestone is a detail, as meant.)',
  check({ doc, report }) {
    for (const section of timelineSections(doc)) {
      for (const n of nestedEntries(doc, section)) {
        const text = doc.lines.lineText(n.line);
        report({
          range: { start: { line: n.line, character: n.indent }, end: { line: n.line, character: text.trimEnd().length } },
          message: `Expected a timeline entry as a top-level list item, found a sub-bullet that starts with a time and is marked [${n.milestones.join('], [')}]: it is read as a detail of the entry above, so its time and milestone count nowhere (not in the milestone checks or the metrics); outdent it to make it an entry`,
          fixes: [{
            title: `Make line ${n.line + 1} a timeline entry (remove the indentation before its "${text.slice(n.indent)[0]}")`,
            edits: [{ range: { start: { line: n.line, character: 0 }, end: { line: n.line, character: n.indent } }, newText: '' }],
            isPreferred: true,
          }],
        });
      }
    }
  },
};
