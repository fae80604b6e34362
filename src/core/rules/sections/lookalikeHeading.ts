import { SECTION_TITLES, sectionIdOf } from '../../document/sectionNames';
import type { Rule } from '../../lint/rule';
import { describeLookalikes, foldLookalikes, mixedScriptLookalikes } from '../../text/confusables';

/**
 * A heading that would name a post-mortem section but for letters of another script that look like
 * Latin ones (`## Аction items` with a Cyrillic `А`): it reads as "Action items" and is not that
 * section to any reader, so its items are not tracked and the section is "missing" (trial16a F3).
 * The fix writes the Latin letters. Only words mixing scripts are looked at (a heading in Russian
 * is not a look-alike).
 */
export const lookalikeHeading: Rule = {
  code: 'sections/lookalike-heading',
  defaultSeverity: 'warning',
  description: 'A section heading is written in one script: a heading mixing Latin letters with Cyrillic or Greek look-alikes (`## Аction items` with a Cyrillic `А`) looks like the section\'s name but is not read as that section. The fix writes the Latin letters.',
  check({ doc, report }) {
    for (const section of doc.sections) {
      if (section.headingLine < 0 || section.id) continue;
      const line = doc.lines.lineText(section.headingLine);
      const found = mixedScriptLookalikes(line);
      if (!found.length) continue;
      const id = sectionIdOf(foldLookalikes(section.title));
      if (!id) continue;
      report({
        range: section.headingRange,
        message: `Expected the heading "${SECTION_TITLES[id]}" in Latin letters, found "${section.title.slice(0, 80)}": its ${describeLookalikes(found)}, so it is not read as the ${SECTION_TITLES[id]} section${id === 'action-items' ? ' (its items are not tracked: not in postmortem actions, the Action Items view or the metrics)' : ''}`,
        fixes: [{
          title: `Write the heading in Latin letters ("${SECTION_TITLES[id]}")`,
          edits: found.map((l) => ({ range: { start: { line: section.headingLine, character: l.index }, end: { line: section.headingLine, character: l.index + 1 } }, newText: l.latin })),
          isPreferred: true,
        }],
      });
    }
  },
};
