import { isYamlBroken } from '../../document/frontMatter';
import type { PostmortemDocument } from '../../document/model';
import type { Rule } from '../../lint/rule';
import type { Fix } from '../../types';
import { entriesOf, isUtcZone, timelineSections, timezoneLineEdit } from './shared';
import { statedZone, whyNoZone } from './statedZone';

/**
 * A note in the Timeline section ("All times PST") while the front matter has no `timezone`: the
 * times without a zone are then read as UTC, hours away from what the writer meant. The fix sets
 * `timezone` from the note; it is offered, not applied, because abbreviations are ambiguous. One
 * used for several zones (IST) gets no fix, and the message says so. timeline/utc-or-local offers
 * the same zone (statedZone).
 */
export const timelineZoneNote: Rule = {
  code: 'timeline/zone-note',
  defaultSeverity: 'warning',
  description: 'A note like "All times PST" in the Timeline section, or a timeline table\'s time column headed "Time (IST)", needs `timezone` in the front matter, or times without a zone are read as UTC.',
  check({ doc, report }) {
    // With broken YAML the front matter's `timezone` is unknown: yaml/syntax speaks first.
    if (!isUtcZone(doc.timezone) || isYamlBroken(doc.frontMatter)) return;
    for (const section of timelineSections(doc)) {
      const zoneless = entriesOf(doc, section).filter((e) => !e.zoneWritten && e.instant !== undefined);
      if (zoneless.length === 0) continue;
      const note = statedZone(doc, section, zoneless);
      if (!note || isUtcZone(note.zone)) continue;
      const fix = note.iana ? timezoneFix(doc, note.iana) : undefined;
      report({
        range: note.range,
        message: `Expected \`timezone\` in the front matter to match ${note.header ? 'the time column\'s header' : 'the note'} "${note.text}", found ${doc.meta.timezone === undefined ? 'no `timezone`' : `\`timezone: ${String(doc.meta.timezone)}\``}: times written without a zone are read as UTC${note.iana ? '' : `; ${whyNoZone(note)}`}`,
        fixes: fix ? [fix] : undefined,
      });
    }
  },
};

function timezoneFix(doc: PostmortemDocument, iana: string): Fix | undefined {
  const edit = timezoneLineEdit(doc, iana);
  return edit && { title: `Set timezone: ${iana} in the front matter`, edits: [edit] };
}
