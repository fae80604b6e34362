import { ownValue } from '../../collections/ownValue';
import type { PostmortemDocument, SectionUnit, TimelineEntry } from '../../document/model';
import { scanOutsideFences } from '../../document/sections';
import { canonicalZone } from '../../time/writerZone';
import { regionOfAbbreviation } from '../../time/abbreviationSeasons';
import { isValidTimeZone } from '../../time/zones';
import type { Range } from '../../types';
import { isUtcZone } from './shared';
import { headerLineAbove, headerZoneWord, saysUtc, timeHeaderCell } from './tableHeaderZone';

/**
 * The zone a Timeline says its times are in, in words rather than in `timezone:`: a note ("All
 * times PST") or a table's time column header ("Time (PDT)"). timeline/zone-note and
 * timeline/utc-or-local both read it here, so both offer the same zone (or both say why not).
 */
export interface StatedZone {
  /** The zone as written: `PDT`, `PST/PDT`, `America/Los_Angeles`, `local`. */
  readonly zone: string;
  /** The note or header cell as written. */
  readonly text: string;
  readonly range: Range;
  /** Found in a timeline table's time column header ("Time (IST)") rather than in a sentence. */
  readonly header?: boolean;
  /** The IANA zone it names, when it names one (a guess for an abbreviation: fixes are never preferred). */
  readonly iana?: string;
  /** The IANA zones an ambiguous abbreviation may mean ("IST": India, Ireland, Israel): then no `iana`. */
  readonly ambiguous?: readonly string[];
}

/** "All times PST", "(all times in PST/PDT)", "All times are in Europe/Berlin", "Times shown in CEST". */
const NOTE = /(?<![A-Za-z])(?:all\s+)?times\s+(?:are\s+)?(?:(?:shown|listed|given)\s+)?(?:in\s+)?\(?([A-Za-z][A-Za-z_]*(?:\/[A-Za-z_]+)*)\)?/i;

/**
 * IANA zones for the region words and paired abbreviations people write in such notes and headers;
 * a single abbreviation (PST, CEST) is looked up in zoneName.ts's table.
 */
const NOTE_ZONES: Readonly<Record<string, string>> = {
  'pst/pdt': 'America/Los_Angeles', pt: 'America/Los_Angeles', pacific: 'America/Los_Angeles',
  'mst/mdt': 'America/Denver', mountain: 'America/Denver',
  'cst/cdt': 'America/Chicago', central: 'America/Chicago',
  'est/edt': 'America/New_York', et: 'America/New_York', eastern: 'America/New_York',
  'cet/cest': 'Europe/Berlin', 'gmt/bst': 'Europe/London',
  'aest/aedt': 'Australia/Sydney', 'nzst/nzdt': 'Pacific/Auckland',
};

/** The IANA zone a note's word names, by the tables above and zoneName.ts's (undefined: none of them knows it). */
function namedZone(key: string): string | undefined {
  // Own keys only (ownValue): "All times constructor" named Object's constructor and broke both zone rules.
  return ownValue(NOTE_ZONES, key) ?? regionOfAbbreviation(key);
}

/** The zones an ambiguous abbreviation may mean. */
function ambiguousZones(key: string): readonly string[] | undefined {
  return ownValue(AMBIGUOUS, key);
}

/** Abbreviations in common use for more than one zone: the tool does not pick one. */
const AMBIGUOUS: Readonly<Record<string, readonly string[]>> = {
  ist: ['Asia/Kolkata', 'Europe/Dublin', 'Asia/Jerusalem'],
  ast: ['America/Halifax', 'Asia/Riyadh'],
  gst: ['Asia/Dubai', 'Atlantic/South_Georgia'],
  sst: ['Pacific/Pago_Pago', 'Asia/Singapore'],
};

/** What a zone word names: one IANA zone, several, or nothing known. */
export function zoneOfWord(word: string): { iana?: string; ambiguous?: readonly string[] } {
  const key = word.trim().toLowerCase();
  const ambiguous = ambiguousZones(key);
  if (ambiguous) return { ambiguous };
  const named = namedZone(key);
  if (named) return { iana: named };
  if (word.includes('/') && isValidTimeZone(word)) return { iana: canonicalZone(word) ?? word };
  return {};
}

/** Whether `word` is a zone a note may name (so "All times are approximate" is no note). */
function isZoneWord(word: string): boolean {
  const key = word.toLowerCase();
  return namedZone(key) !== undefined || ambiguousZones(key) !== undefined || isUtcZone(word) || (word.includes('/') && isValidTimeZone(word));
}

/** The zone the section's note, or else the time column header above its first zone-less row, states. */
export function statedZone(doc: PostmortemDocument, section: SectionUnit, zoneless: readonly TimelineEntry[]): StatedZone | undefined {
  const found = findNote(doc, section.headingLine, section.endLine) ?? findHeadingZone(doc, section.headingLine) ?? findHeaderNote(doc, zoneless);
  return found && { ...found, ...zoneOfWord(found.zone) };
}

/**
 * A timeline table whose time column says its zone in the header ("Time (IST)", "Time (America/New_York)",
 * "Local time") while the rows have none: read as UTC, the times are hours off with nothing said
 * when the writer's own zone is UTC (a CI runner, a colleague in London) — trial: convert's reviews.
 */
function findHeaderNote(doc: PostmortemDocument, zoneless: readonly TimelineEntry[]): StatedZone | undefined {
  const row = zoneless.find((e) => e.form === 'table' && e.stampRange);
  if (!row?.stampRange) return undefined;
  const header = headerLineAbove(doc, row.line);
  if (header < 0) return undefined;
  const cell = timeHeaderCell(doc.lines.lineText(header), doc.lines.lineText(row.line), row.stampRange.start.character);
  // "Time (UTC)" says UTC: the rows are what they say (timeline/utc-or-local asks nothing then).
  const zone = cell && (saysUtc(cell.text) ? 'UTC' : headerZoneWord(cell.text));
  if (!cell || !zone) return undefined;
  return { zone, text: cell.text, header: true, range: { start: { line: header, character: cell.start }, end: { line: header, character: cell.end } } };
}

/**
 * The zone the Timeline heading names after its name: `## Timeline (UTC)`, `## Timeline [PST]`,
 * `## Timeline - CET`, `## Timeline in Europe/Berlin` (trial19c F4: "Timeline (UTC)" was not read, so
 * utc-or-local asked a document that had said UTC). Only a zone word counts (`## Timeline (draft)` is none).
 */
function findHeadingZone(doc: PostmortemDocument, headingLine: number): StatedZone | undefined {
  if (headingLine < 0) return undefined;
  const text = doc.lines.lineText(headingLine);
  if (text.length > 200) return undefined;
  const m = HEADING_ZONE.exec(text);
  const word = m && (m[2] ?? m[3] ?? m[4]);
  if (!m || !word || !isZoneWord(word)) return undefined;
  const start = m.index + m[1].length;
  return { zone: word, text: text.slice(start).trimEnd(), range: { start: { line: headingLine, character: start }, end: { line: headingLine, character: text.trimEnd().length } } };
}

/** `## Timeline (UTC)`: the heading's name, then a zone word in brackets, after a dash or after "in" (bounded, no nested quantifier). */
const HEADING_ZONE = /^(#{1,6}[ \t]+[^\n(\[]{0,80}?timeline[ \t]*)(?:[(\[][ \t]?(?:in[ \t])?([A-Za-z][A-Za-z_]{0,30}(?:\/[A-Za-z_]{1,30}){0,2})[ \t]?[)\]]|[-\u2013\u2014:][ \t]*(?:in[ \t])?([A-Za-z][A-Za-z_]{0,30}(?:\/[A-Za-z_]{1,30}){0,2})|in[ \t]+([A-Za-z][A-Za-z_]{0,30}(?:\/[A-Za-z_]{1,30}){0,2}))[ \t]*#*[ \t]*$/i;

function findNote(doc: PostmortemDocument, fromLine: number, toLine: number): StatedZone | undefined {
  let found: StatedZone | undefined;
  scanOutsideFences(doc.lines, Math.max(0, fromLine), toLine, (line, text) => {
    if (found) return;
    const m = NOTE.exec(text);
    // "All times …" anywhere, or a line that starts with "Times …": not "restarted 3 times in a row".
    if (!m || !(/^all\s/i.test(m[0]) || /^[\s>*_(#]*$/.test(text.slice(0, m.index)))) return;
    // Only a zone-looking word counts ("All times are approximate" is not a note about zones).
    if (!isZoneWord(m[1])) return;
    // "(all times in PST/PDT)": the match starts after the "(", so its ")" is not part of the note.
    const written = m[0].trimEnd();
    const note = written.endsWith(')') && !written.includes('(') ? written.slice(0, -1) : written;
    found = { zone: m[1], text: note, range: { start: { line, character: m.index }, end: { line, character: m.index + note.length } } };
  });
  return found;
}

/** Words for a stated zone that names no single IANA zone, for messages: why no fix assumes one. */
export function whyNoZone(stated: StatedZone): string {
  if (stated.ambiguous) return `"${stated.zone}" is used for more than one zone (${stated.ambiguous.join(', ')}), so no fix picks one: set \`timezone:\` to the one you mean`;
  if (/^local/i.test(stated.zone)) return `"${stated.text}" does not say which zone: set \`timezone:\` to it`;
  return `"${stated.zone}" is not a zone this tool knows: set \`timezone:\` to its IANA name (like Europe/Berlin)`;
}
