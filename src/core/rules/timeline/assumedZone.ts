import type { Rule } from '../../lint/rule';
import { assumedZoneLine } from '../../time/assumedZone';
import { canonicalZone } from '../../time/writerZone';
import { isUtcZone } from './shared';

/**
 * A `timezone:` that `postmortem convert` assumed (the original stated no zone, so its times were
 * read as UTC and written with Z): every time may be hours off, and the Z on each hides it from
 * timeline/utc-or-local. The comment convert writes on the line says so; while it stands, this
 * warning asks the person to check one time against a source that gives its zone. The one fix,
 * "these are UTC", deletes the comment and is never applied by fix-all: only the team knows.
 */
export const timelineAssumedZone: Rule = {
  code: 'timeline/assumed-zone',
  defaultSeverity: 'warning',
  description: "No `timezone:` carries the comment `postmortem convert` writes when the original stated no zone and its times were read as UTC by assumption (`# assumed by postmortem convert …`): until someone checks a time and deletes it, the times may be local times hours off. The fix (never applied by fix-all) deletes the comment.",
  check({ doc, report, writerZone }) {
    const fm = doc.frontMatter;
    if (!fm) return;
    const line = assumedZoneLine(doc.lines, fm.openLine, fm.closeLine);
    if (line === undefined) return;
    const text = doc.lines.lineText(line);
    const hash = text.indexOf('#');
    const zone = writerZone && canonicalZone(writerZone);
    const yours = zone && !isUtcZone(zone) ? ` (you write in ${zone}: if they are its times, convert the original again with --zone ${zone})` : '';
    report({
      range: { start: { line, character: 0 }, end: { line, character: text.length } },
      message: `Expected a time zone someone chose, found one postmortem convert assumed: the original stated no zone, so its times were read as UTC and every time here may be hours off if they were local times${yours}. Check one time against a source that gives its zone (a chat message, an alert, a deploy log); if they are UTC, delete the comment`,
      fixes: [{ title: 'These are UTC: delete the "assumed" comment', edits: [{ range: { start: { line, character: text.slice(0, hash).trimEnd().length }, end: { line, character: text.length } }, newText: '' }] }],
    });
  },
};
