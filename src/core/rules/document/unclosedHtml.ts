import { describeHidden, hiddenContent, hidesStructure } from '../../document/hiddenContent';
import { openBlockWords } from '../../document/openBlock';
import type { Rule } from '../../lint/rule';
import { atxHeading } from '../../text/atxHeading';
import type { LineIndex } from '../../text/lineIndex';
import type { Fix } from '../../types';

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
      fixes: [closeFix(doc.lines, open.line, words.opener, words.closer, doc.text)],
    });
  },
};

function closeFix(lines: LineIndex, openLine: number, opener: string, closer: string, text: string): Fix {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  for (let l = openLine + 1; l < lines.lineCount; l++) {
    const h = atxHeading(lines.lineText(l));
    if (!h || h.level > 2) continue;
    let last = l - 1;
    while (last > openLine && lines.lineText(last).trim() === '') last--;
    const where = { line: last + 1, character: 0 };
    return { title: `Close the ${opener} block with ${closer} before line ${l + 1} (${lines.lineText(l).trim().slice(0, 60)})`, edits: [{ range: { start: where, end: where }, newText: `${closer}${eol}` }] };
  }
  const end = lines.lineRange(lines.lineCount - 1).end;
  return { title: `Close the ${opener} block with ${closer} at the end of the file`, edits: [{ range: { start: end, end }, newText: text.endsWith('\n') ? `${closer}${eol}` : `${eol}${closer}${eol}` }] };
}
