import { isYamlBroken } from '../../document/frontMatter';
import type { PostmortemDocument, TimelineEntry } from '../../document/model';
import { scanOutsideFences } from '../../document/sections';
import type { Rule } from '../../lint/rule';
import { isValidTimeZone } from '../../time/zones';
import type { Fix, Range } from '../../types';
import { entriesOf, isUtcZone, timelineSections, timezoneLineEdit } from './shared';
import { headerLineAbove, headerZoneWord, timeHeaderCell } from './tableHeaderZone';

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
  description: 'A note like "All times PST" in the Timeline section, or a timeline table\'s time column headed "Time (IST)", needs `timezone` in the front matter, or times without a zone are read as UTC.',
  check({ doc, report }) {
    // With broken YAML the front matter's `timezone` is unknown: yaml/syntax speaks first.
    if (!isUtcZone(doc.timezone) || isYamlBroken(doc.frontMatter)) return;
    for (const section of timelineSections(doc)) {
      const zoneless = entriesOf(doc, section).filter((e) => !e.zoneWritten && e.instant !== undefined);
      if (zoneless.length === 0) continue;
      const note = findNote(doc, section.headingLine, section.endLine) ?? findHeaderNote(doc, zoneless);
      if (!note || isUtcZone(note.zone)) continue;
      const iana = NOTE_ZONES[note.zone.toLowerCase()] ?? (note.zone.includes('/') && isValidTimeZone(note.zone) ? note.zone : undefined);
      const fix = iana ? timezoneFix(doc, iana) : undefined;
      report({
        range: note.range,
        message: `Expected \`timezone\` in the front matter to match ${note.header ? 'the time column\'s header' : 'the note'} "${note.text}", found ${doc.meta.timezone === undefined ? 'no `timezone`' : `\`timezone: ${String(doc.meta.timezone)}\``}: times written without a zone are read as UTC`,
        fixes: fix ? [fix] : undefined,
      });
    }
  },
};

interface ZoneNote {
  readonly zone: string;
  readonly text: string;
  readonly range: Range;
  /** Found in a timeline table's time column header ("Time (IST)") rather than in a sentence. */
  readonly header?: boolean;
}

/**
 * A timeline table whose time column says its zone in the header ("Time (IST)", "Time (America/New_York)",
 * "Local time") while the rows have none: read as UTC, the times are hours off with nothing said
 * when the writer's own zone is UTC (a CI runner, a colleague in London) — trial: convert's reviews.
 */
function findHeaderNote(doc: PostmortemDocument, zoneless: readonly TimelineEntry[]): ZoneNote | undefined {
  const row = zoneless.find((e) => e.form === 'table' && e.stampRange);
  if (!row?.stampRange) return undefined;
  const header = headerLineAbove(doc, row.line);
  if (header < 0) return undefined;
  const cell = timeHeaderCell(doc.lines.lineText(header), doc.lines.lineText(row.line), row.stampRange.start.character);
  const zone = cell && headerZoneWord(cell.text);
  if (!cell || !zone || isUtcZone(zone)) return undefined;
  return { zone, text: cell.text, header: true, range: { start: { line: header, character: cell.start }, end: { line: header, character: cell.end } } };
}

function findNote(doc: PostmortemDocument, fromLine: number, toLine: number): ZoneNote | undefined {
  let found: ZoneNote | undefined;
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
