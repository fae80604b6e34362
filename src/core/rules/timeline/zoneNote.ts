import { isYamlBroken } from '../../document/frontMatter';
import type { PostmortemDocument } from '../../document/model';
import { scanOutsideFences } from '../../document/sections';
import type { Rule } from '../../lint/rule';
import { isValidTimeZone } from '../../time/zones';
import type { Fix, Range } from '../../types';
import { entriesOf, isUtcZone, timelineSections, timezoneLineEdit } from './shared';

/** "All times PST", "(all times in PST/PDT)", "All times are in Europe/Berlin", "Times shown in CEST". */
const NOTE = /(?<![A-Za-z])(?:all\s+)?times\s+(?:are\s+)?(?:(?:shown|listed|given)\s+)?(?:in\s+)?\(?([A-Za-z][A-Za-z_]*(?:\/[A-Za-z_]+)*)\)?/i;

/** IANA zones for the abbreviations people write in such notes (a guess: the fix is not automatic). */
const NOTE_ZONES: Readonly<Record<string, string>> = {
  pst: 'America/Los_Angeles', pdt: 'America/Los_Angeles', 'pst/pdt': 'America/Los_Angeles', pt: 'America/Los_Angeles', pacific: 'America/Los_Angeles',
  mst: 'America/Denver', mdt: 'America/Denver', mountain: 'America/Denver',
  cst: 'America/Chicago', cdt: 'America/Chicago', central: 'America/Chicago',
  est: 'America/New_York', edt: 'America/New_York', 'est/edt': 'America/New_York', et: 'America/New_York', eastern: 'America/New_York',
  cet: 'Europe/Berlin', cest: 'Europe/Berlin', 'cet/cest': 'Europe/Berlin', bst: 'Europe/London', jst: 'Asia/Tokyo', aest: 'Australia/Sydney', aedt: 'Australia/Sydney',
};

/**
 * A note in the Timeline section ("All times PST") while the front matter has no `timezone`: the
 * times without a zone are then read as UTC, hours away from what the writer meant. The fix sets
 * `timezone` from the note; it is offered, not applied, because abbreviations are ambiguous.
 */
export const timelineZoneNote: Rule = {
  code: 'timeline/zone-note',
  defaultSeverity: 'warning',
  description: 'A note like "All times PST" in the Timeline section needs `timezone` in the front matter, or times without a zone are read as UTC.',
  check({ doc, report }) {
    // With broken YAML the front matter's `timezone` is unknown: yaml/syntax speaks first.
    if (!isUtcZone(doc.timezone) || isYamlBroken(doc.frontMatter)) return;
    for (const section of timelineSections(doc)) {
      if (!entriesOf(doc, section).some((e) => !e.zoneWritten && e.instant !== undefined)) continue;
      const note = findNote(doc, section.headingLine, section.endLine);
      if (!note || isUtcZone(note.zone)) continue;
      const iana = NOTE_ZONES[note.zone.toLowerCase()] ?? (note.zone.includes('/') && isValidTimeZone(note.zone) ? note.zone : undefined);
      const fix = iana ? timezoneFix(doc, iana) : undefined;
      report({
        range: note.range,
        message: `Expected \`timezone\` in the front matter to match the note "${note.text}", found ${doc.meta.timezone === undefined ? 'no `timezone`' : `\`timezone: ${String(doc.meta.timezone)}\``}: times written without a zone are read as UTC`,
        fixes: fix ? [fix] : undefined,
      });
    }
  },
};

function findNote(doc: PostmortemDocument, fromLine: number, toLine: number): { zone: string; text: string; range: Range } | undefined {
  let found: { zone: string; text: string; range: Range } | undefined;
  scanOutsideFences(doc.lines, Math.max(0, fromLine), toLine, (line, text) => {
    if (found) return;
    const m = NOTE.exec(text);
    // "All times …" anywhere, or a line that starts with "Times …": not "restarted 3 times in a row".
    if (!m || !(/^all\s/i.test(m[0]) || /^[\s>*_(#]*$/.test(text.slice(0, m.index)))) return;
    // Only a zone-looking word counts ("All times are approximate" is not a note about zones).
    const zone = m[1];
    const known = zone.toLowerCase() in NOTE_ZONES || isUtcZone(zone) || (zone.includes('/') && isValidTimeZone(zone));
    if (!known) return;
    found = { zone, text: m[0].trim(), range: { start: { line, character: m.index }, end: { line, character: m.index + m[0].length } } };
  });
  return found;
}

function timezoneFix(doc: PostmortemDocument, iana: string): Fix | undefined {
  const edit = timezoneLineEdit(doc, iana);
  return edit && { title: `Set timezone: ${iana} in the front matter`, edits: [edit] };
}
