import type { Rule } from '../../lint/rule';
import { convertDoubtLines } from '../../time/convertDoubt';

/**
 * A doubt about the incident's times that `postmortem convert` left in the front matter (`# doubt
 * from postmortem convert: started_at was not written …`): a start it withheld because the title and
 * the timeline disagree, the end of several incidents it did not write as this one's (trial17c F9,
 * F10: the doubt stayed on the terminal, and list and metrics showed an 8-day incident, or none, in
 * silence). Reported while the comment stands; the fix, never applied by fix-all, deletes it.
 */
export const timeConvertDoubt: Rule = {
  code: 'time/convert-doubt',
  defaultSeverity: 'warning',
  description: 'No doubt about the incident\'s times is left in the front matter by `postmortem convert` (`# doubt from postmortem convert: …`, written when it withheld a start or an end, or the incident date and the start disagree): until someone settles the time and deletes the comment, list and the metrics may date or time the incident wrongly, or leave it out. The fix (never applied by fix-all) deletes the comment.',
  check({ doc, report }) {
    const fm = doc.frontMatter;
    if (!fm) return;
    for (const line of convertDoubtLines(doc.lines, fm.openLine, fm.closeLine)) {
      const text = doc.lines.lineText(line);
      const doubt = text.replace(/^\s*#\s*doubt from postmortem convert:\s*/, '');
      const eol = text.endsWith('\r') ? text.length - 1 : text.length;
      report({
        range: { start: { line, character: 0 }, end: { line, character: eol } },
        message: `Expected incident times someone checked, found a doubt postmortem convert left: ${doubt.replace(/\r$/, '')} Settle it (write or correct the time in the front matter), then delete the comment`,
        fixes: [{ title: 'Settled: delete the comment', edits: [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' }] }],
      });
    }
  },
};
