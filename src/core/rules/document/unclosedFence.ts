import { describeHidden, hiddenContent, hidesStructure } from '../../document/hiddenContent';
import type { Rule } from '../../lint/rule';
import { fenceInMessage } from '../../text/fenceInMessage';
import { closeBlockFix } from './closeBlockFix';

/** A mermaid block's opener: diagram/unclosed-fence reports those (as errors, with the diagram's own words). */
const MERMAID_OPENER = /^\s{0,3}(?:`{3,}|~{3,})\s*mermaid(?:\s|$)/i;

/**
 * A code fence (``` or ~~~) opened and never closed runs to the end of the document: GitHub and the
 * preview show the rest as code, and every reader here takes it as code too, so the sections,
 * timeline entries and action items after it are gone — `postmortem actions` said 0 items with
 * only an info about a missing milestone (review finding). A warning when it hides any of those,
 * naming what and how many lines; an info when it hides only text. The fix (not preferred: where
 * the code ended is the writer's call) closes it before the first hidden section heading, or at the
 * end of the file.
 */
export const unclosedFence: Rule = {
  code: 'document/unclosed-fence',
  defaultSeverity: 'warning',
  description: 'A fenced code block (``` or ~~~) is closed: one left open turns the rest of the post-mortem into code, and its sections, timeline entries and action items are not read (a warning when it hides any; an info when only text).',
  check({ doc, report }) {
    const open = doc.openAtEnd;
    if (!open?.fence) return;
    const openerText = doc.lines.lineText(open.line);
    if (MERMAID_OPENER.test(openerText)) return;
    const hidden = hiddenContent(doc.lines, open);
    const structural = hidesStructure(hidden);
    const at = Math.max(0, openerText.indexOf(open.fence));
    report({
      range: { start: { line: open.line, character: at }, end: { line: open.line, character: at + open.fence.length } },
      severity: structural ? undefined : 'info',
      message: `Expected a closing ${fenceInMessage(open.fence)} for the code block opened here, found none: everything after line ${open.line + 1} (${describeHidden(hidden)}) is read as code${structural ? ', not as the post-mortem' : ''}`,
      fixes: [closeBlockFix(doc.lines, open.line, open.fence, doc.text, 'the code block')],
    });
  },
};
