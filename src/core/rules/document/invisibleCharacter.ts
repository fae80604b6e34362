import type { Rule } from '../../lint/rule';
import { hasInvisible, invisibleName, showInvisibles, strayInvisibles } from '../../text/invisibleCharacters';

/** Characters of a line quoted in the message, at most. */
const EXCERPT = 60;

/**
 * An invisible character (a zero-width space, a direction mark, a soft hyphen) where the tool reads
 * structure: a front-matter line, a heading, a timeline entry, an action item. Pasted from chat or a
 * word processor, or typed by an RTL keyboard before a time, it makes `14:0​9Z` no time and `@kim​`
 * another owner while the screen shows them right (trial16a F2). Said with the character's name and
 * a fix that removes it. Prose elsewhere is left alone: there the character harms no reading.
 */
export const invisibleCharacter: Rule = {
  code: 'document/invisible-character',
  defaultSeverity: 'warning',
  description: 'A front-matter line, heading, timeline entry or action item holds a character that shows as nothing (a zero-width space, a direction mark or override, a soft hyphen, a byte-order mark): the text is then not what it looks like (`14:0\u200b9Z` is no time, `@kim\u200b` another owner). Joiners inside emoji and marks that are part of right-to-left or Persian/Indic writing are left alone.',
  check(ctx) {
    const { doc } = ctx;
    // No such character anywhere (nearly every document): no line needs looking at.
    if (!hasInvisible(doc.text)) return;
    const lines = new Map<number, string>();
    const fm = doc.frontMatter;
    if (fm) for (let line = fm.openLine + 1; line < fm.closeLine; line++) lines.set(line, 'the front matter');
    for (const section of doc.sections) if (section.headingLine >= 0) lines.set(section.headingLine, 'this heading');
    for (const entry of doc.timeline) lines.set(entry.line, 'this timeline entry');
    for (const item of doc.actionItems) lines.set(item.line, 'this action item');
    for (const [line, where] of lines) {
      const text = doc.lines.lineText(line);
      // The byte-order mark at the very start of the file is the file's, not the text's.
      const stray = strayInvisibles(text).filter((s) => !(line === 0 && s.column === 0 && s.char === '\ufeff'));
      if (stray.length === 0) continue;
      const names = [...new Set(stray.map((s) => invisibleName(s.char)))];
      const first = stray[0]!;
      const from = Math.max(0, first.column - EXCERPT / 2);
      const excerpt = `${from > 0 ? '…' : ''}${showInvisibles(text.slice(from, from + EXCERPT).trim())}${from + EXCERPT < text.length ? '…' : ''}`;
      ctx.report({
        range: { start: { line, character: first.column }, end: { line, character: stray[stray.length - 1]!.column + 1 } },
        message: `Expected no invisible character in ${where}, found ${stray.length === 1 ? '' : `${stray.length}: `}${names.join(', ')} at column ${first.column + 1} ("${excerpt}"): it shows as nothing, so the text is not what it looks like (a time with one is not read, an owner with one is another owner); remove ${stray.length === 1 ? 'it' : 'them'}`,
        fixes: [{
          title: `Remove the invisible character${stray.length === 1 ? '' : 's'} (${names.join(', ')})`,
          edits: stray.map((s) => ({ range: { start: { line, character: s.column }, end: { line, character: s.column + 1 } }, newText: '' })),
          isPreferred: true,
        }],
      });
    }
  },
};
