import { describeHidden, hiddenContent, hidesStructure } from '../../document/hiddenContent';
import { openBlockWords } from '../../document/openBlock';
import type { Rule } from '../../lint/rule';
import { closeBlockFix } from './closeBlockFix';

/**
 * An HTML block that CommonMark keeps open until its end marker — `<pre>`, `<script>`, `<style>`,
 * `<textarea>` until the closing tag, `<?` until `?>`, `<!DOCTYPE …` until `>`, `<![CDATA[` until
 * `]]>` — opened and never closed (a pasted log in `<pre>`) runs to the end of the document: GitHub
 * shows the rest as raw HTML, and every reader here takes it as that block's text, so the Action
 * items after it were "0 open action items", exit 0 (trial15a F14). As document/unclosed-fence: a
 * warning when it hides sections, items or entries, an info when only text; the fix (not preferred)
 * closes it before the first section heading it hides, or at the end of the file. Comments are
 * document/unclosed-comment's.
 */
export const unclosedHtml: Rule = {
  code: 'document/unclosed-html',
  defaultSeverity: 'warning',
  description: 'An HTML block that runs to its end marker (`<pre>` … `</pre>`, `<script>`, `<style>`, `<textarea>`, `<?` … `?>`, `<!DOCTYPE` … `>`, `<![CDATA[` … `]]>`) is closed: one left open turns the rest of the post-mortem into raw HTML, and its sections, timeline entries and action items are not read.',
  check({ doc, report }) {
    const open = doc.openAtEnd;
    if (!open || open.fence !== undefined || open.html === undefined || open.html === 'comment') return;
    const openerText = doc.lines.lineText(open.line);
    const words = openBlockWords(open, openerText);
    const hidden = hiddenContent(doc.lines, open);
    const structural = hidesStructure(hidden);
    const lower = openerText.toLowerCase();
    const at = Math.max(0, lower.indexOf(words.opener.slice(0, 2).toLowerCase()));
    report({
      range: { start: { line: open.line, character: at }, end: { line: open.line, character: Math.min(openerText.length, at + words.opener.length) } },
      severity: structural ? undefined : 'info',
      message: `Expected \`${words.closer}\` to close the ${words.opener} block opened here, found none: everything after line ${open.line + 1} (${describeHidden(hidden)}) is read as raw HTML${structural ? ', not as the post-mortem' : ''}`,
      fixes: [closeBlockFix(doc.lines, open.line, words.closer, doc.text, `the ${words.opener} block with ${words.closer}`)],
    });
  },
};
