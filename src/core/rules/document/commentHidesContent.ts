import { describeCommentEnd, describeCommentHiding, endsWithAnotherComment, headingLabel, hiddenSectionNames, type CommentHiding } from '../../document/commentHiding';
import type { PostmortemDocument } from '../../document/model';
import type { Rule } from '../../lint/rule';
import type { Fix } from '../../types';

/**
 * An HTML comment ends at the first `-->` after its `<!--`, in GitHub, in every CommonMark renderer
 * and in every reader here. A stray `<!-- draft notes` typed above `## Action items` is therefore
 * closed by the template's own guidance comment under that heading: the heading is the comment's
 * text, the items below it belong to the section above, and `postmortem actions` listed 0 items
 * with lint silent (trial 12 T4). markdownlint has no rule for this (its MD033 is about inline HTML
 * as such); the HTML specification calls a `<!--` inside a comment a "nested-comment" parse error.
 *
 * Said when a comment hides a section heading (a `## ` line, or a heading naming a known section),
 * or hides task items or timeline entries and was ended by the `-->` of a comment opened inside it.
 * A template's guidance comment that holds example items and ends where it was meant to is not.
 * The fix closes the comment before the first thing it hides when another comment's `-->` ended it
 * (preferred when that is a heading: the notes above stay hidden, the section comes back); a comment
 * that ends with its own `-->` may hide a section on purpose, so then there is only the message.
 */
export const commentHidesContent: Rule = {
  code: 'document/comment-hides-content',
  defaultSeverity: 'warning',
  description: 'An HTML comment does not hide a section heading, nor action items or timeline entries after a `<!--` left open by mistake (ended by a later comment\'s `-->`): what it hides is not shown and not read.',
  check({ doc, report }) {
    for (const hiding of doc.hidingComments ?? []) {
      const start = { line: hiding.openLine, character: hiding.openCharacter };
      const fix = closingFix(doc, hiding);
      const related = [
        ...hiding.headings.slice(0, 1).map((h) => ({ range: doc.lines.lineRange(h.line), message: `Hidden heading ${headingLabel(h)}` })),
        ...(hiding.nestedOpenLine !== undefined && hiding.nestedOpenLine !== hiding.openLine
          ? [{ range: doc.lines.lineRange(hiding.nestedOpenLine), message: 'The comment whose `-->` ends the one opened above' }]
          : []),
      ];
      report({
        range: { start, end: { line: hiding.openLine, character: hiding.openCharacter + 4 } },
        message: message(doc, hiding),
        ...(fix ? { fixes: [fix] } : {}),
        ...(related.length ? { related } : {}),
      });
    }
  },
};

function message(doc: PostmortemDocument, h: CommentHiding): string {
  const headingFirst = h.headings[0]?.line === h.firstHiddenLine;
  const first = headingFirst ? headingLabel(h.headings[0]) : `line ${h.firstHiddenLine + 1}`;
  const what = describeCommentHiding(h, headingFirst);
  const single = h.headingCount + h.actionItems + h.timelineEntries === 1;
  const owner = doc.sections.find((s) => s.startLine <= h.openLine && h.openLine < s.endLine);
  const ownerName = owner && owner.headingLine >= 0 ? `"${owner.title.slice(0, 80)}"` : 'the top of the document';
  const names = hiddenSectionNames(h);
  let consequence = '';
  if (names.includes('Action items')) consequence = `; the task items after it are read as part of ${ownerName}, not as action items (not in postmortem actions, the Action Items view or the metrics)`;
  else if (names.includes('Timeline')) consequence = `; the entries after it are read as part of ${ownerName}, not as the timeline`;
  else if (h.headingCount) consequence = `; what follows ${h.headingCount === 1 ? 'it' : 'them'} is read as part of ${ownerName}`;
  const advice = endsWithAnotherComment(h) ? '' : `; if the comment was not meant to hide ${single ? 'it' : 'them'}, end it with \`-->\` before ${first}`;
  return `Expected the HTML comment opened here to end before ${first}, found it ${describeCommentEnd(h)}: ${what} ${single ? 'is' : 'are'} hidden when rendered and read as the comment's text${consequence}${advice}`;
}

/** ` -->` after the last line with text before the first hidden line, when another comment's `-->` ended this one. */
function closingFix(doc: PostmortemDocument, h: CommentHiding): Fix | undefined {
  if (!endsWithAnotherComment(h)) return undefined;
  let line = h.firstHiddenLine - 1;
  while (line > h.openLine && doc.lines.lineText(line).trim() === '') line--;
  const text = doc.lines.lineText(line);
  const at = { line, character: text.trimEnd().length };
  const before = h.headings[0]?.line === h.firstHiddenLine ? headingLabel(h.headings[0]) : `line ${h.firstHiddenLine + 1}`;
  return {
    title: `End the comment opened on line ${h.openLine + 1} before ${before}`,
    edits: [{ range: { start: at, end: at }, newText: ' -->' }],
    // A heading after a stray `<!--` is the evident case; hidden items may have been commented out on purpose.
    isPreferred: h.headings[0]?.line === h.firstHiddenLine,
    note: `assuming the comment opened on line ${h.openLine + 1} was meant to end before ${before}, not with the \`-->\` of the comment opened on line ${h.nestedOpenLine! + 1}`,
  };
}
