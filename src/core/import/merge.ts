import type { PostmortemDocument } from '../document/model';
import { parsePostmortem } from '../document/parse';
import { SECTION_ORDER, type SectionId } from '../document/sectionNames';
import { LineIndex } from '../text/lineIndex';
import { parseInstant } from '../time/instant';
import { formatIsoUtc, formatUtcDate, formatUtcTime } from '../time/zones';
import type { TextEdit } from '../types';
import { eventsRead, ImportError, oneLine, type ImportedEvent, type SkippedRecords } from './events';
import { appendAll } from '../collections/appendAll';
import { knownInstant } from '../timeline/knownInstant';
import { MILESTONES } from '../timeline/entryGrammar';
import { comparedText, PresentEntries, type LooseMatch } from './alreadyPresent';

export interface MergeOptions {
  /** Minutes kept before `started_at` and after `resolved_at`; default 60. */
  readonly marginMinutes?: number;
  readonly sectionAliases?: Readonly<Record<SectionId, readonly string[]>>;
  /** `text` already parsed (with `sectionAliases`) by the caller: the import pipeline reads it once. */
  readonly document?: PostmortemDocument;
}

export interface MergeResult {
  /** Insertions only, sorted by position, never overlapping: existing lines are never rewritten. */
  readonly edits: readonly TextEdit[];
  /** The entries to be added, in time order, as written. */
  readonly added: readonly string[];
  /** Events already in the timeline (same minute, same source, same words), skipped. */
  readonly duplicates: number;
  /**
   * Of `duplicates`, those whose entry an earlier version of the importer wrote differently (a link
   * as its label alone, without the other CSV columns, cut at another length), by how: the summary says them.
   */
  readonly looseMatches: Readonly<Record<LooseMatch, number>>;
  /** Events repeated inside the export itself (same instant, source and words as one before), skipped. */
  readonly repeated: number;
  readonly outsideWindow: number;
  /** When the events left out as outside the window were (ISO UTC), so a wrong year or zone shows. */
  readonly outsideSpan?: { readonly first: string; readonly last: string };
  /** The window used, ISO UTC; `end` is open (undefined) while there is no `resolved_at`. */
  readonly window: { readonly start: string; readonly end?: string };
}

const MINUTE = 60_000;

/** `[resolved]` anywhere in an entry is a milestone marker (entryGrammar.ts): in imported words it is text. */
const MILESTONE_IN_TEXT = new RegExp(`(?<!\\\\)\\[(?=(?:${MILESTONES.join('|')})\\])`, 'gi');

/**
 * Text as it will sit after the source tag: a leading `[x]` or `(x)` would read as a milestone marker
 * or a source tag, and `[resolved]` anywhere as a milestone ("is it [resolved]?" in a chat made the
 * entry a resolved milestone, and a second import added it again: its description lacked the word).
 */
function entryText(text: string): string {
  return oneLine(text).replace(MILESTONE_IN_TEXT, '\\[').replace(/^\[/, '\\[').replace(/^\(/, '\\(');
}

/** The instant an event's entry says: to the second when the export wrote seconds, else to the minute. */
function writtenInstant(e: ImportedEvent): number {
  return e.seconds ? Math.floor(e.instant / 1000) * 1000 : Math.floor(e.instant / MINUTE) * MINUTE;
}

export function formatEntry(e: ImportedEvent): string {
  // Seconds the export wrote are kept (`14:49:12Z`, which the entry grammar reads); other imports are written to the minute, as entries usually are.
  const at = writtenInstant(e);
  return `- ${formatUtcDate(at)} ${formatUtcTime(at)}Z (${e.source}) ${entryText(e.text)}`;
}

/**
 * Merges imported events into the `## Timeline` list in time order. Events outside the incident
 * window (± margin) and events already present are skipped. Throws ImportError when the document
 * gives no window or the timeline is a table (rows would need the table's own columns).
 */
export function mergeTimeline(text: string, events: readonly ImportedEvent[], options: MergeOptions = {}): MergeResult {
  const doc = options.document?.text === text ? options.document : parsePostmortem(text, { sectionAliases: options.sectionAliases });
  const lines = new LineIndex(text);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const margin = (options.marginMinutes ?? 60) * MINUTE;
  const time = (k: string) => parseInstant(doc.meta[k], doc.timezone)?.ms;
  // Entries at a time a DST change skips or repeats have only a guessed instant: not anchors, not duplicates.
  const dated = doc.timeline.filter((e) => knownInstant(e) !== undefined);
  const start = time('started_at') ?? time('detected_at') ?? dated[0]?.instant;
  // Open-ended while the incident is unresolved: a draft written during the incident takes everything after the start.
  const end = time('resolved_at');
  if (start === undefined) throw new ImportError('Cannot tell the incident window: set started_at (and resolved_at) in the front matter first');
  if (doc.timeline.some((e) => e.form === 'table')) throw new ImportError('The timeline is a table: convert it to a list (postmortem convert) before importing');

  const present = new PresentEntries(dated.map((e) => ({ minute: Math.floor(e.instant! / MINUTE), source: e.source, description: e.description })));
  const seen = new Set<string>();
  let duplicates = 0;
  let repeated = 0;
  const looseMatches: Record<LooseMatch, number> = { links: 0, columns: 0, cut: 0 };
  let outsideWindow = 0;
  let outsideFirst: number | undefined;
  let outsideLast: number | undefined;
  const fresh: { at: number; line: string }[] = [];
  for (const e of [...events].sort((a, b) => a.instant - b.instant)) {
    if (e.instant < start - margin || (end !== undefined && e.instant > end + margin)) {
      outsideWindow++;
      outsideFirst ??= e.instant;
      outsideLast = e.instant;
      continue;
    }
    const minute = Math.floor(e.instant / MINUTE);
    const text = entryText(e.text);
    // A repeat is the same record twice (one Slack ts, one alert's start, one CSV time): at the same
    // instant, not only the same minute — two "restarting pod" 40 s apart are two restarts (trial 13a F30).
    const k = `${e.instant}\u0000${e.source}\u0000${comparedText(text)}`;
    if (seen.has(k)) {
      repeated++;
      continue;
    }
    seen.add(k);
    const found = present.find(minute, e.source, text);
    if (found) {
      duplicates++;
      if (found !== 'same') looseMatches[found]++;
      continue;
    }
    fresh.push({ at: writtenInstant(e), line: formatEntry(e) });
  }
  const window = { start: formatIsoUtc(start - margin), end: end === undefined ? undefined : formatIsoUtc(end + margin) };
  const outsideSpan = outsideFirst === undefined ? undefined : { first: formatIsoUtc(outsideFirst), last: formatIsoUtc(outsideLast!) };
  if (fresh.length === 0) return { edits: [], added: [], duplicates, looseMatches, repeated, outsideWindow, window, ...(outsideSpan ? { outsideSpan } : {}) };

  // Each new entry goes before the first existing entry that is later; the rest after the list.
  const groups = new Map<number, string[]>();
  const append = (line: number, entry: string) => {
    const list = groups.get(line);
    if (list) list.push(entry);
    else groups.set(line, [entry]);
  };
  const section = doc.sections.find((s) => s.id === 'timeline');
  const afterList = section && doc.timeline.length ? endOfItem(lines, doc.timeline[doc.timeline.length - 1].line, section.endLine) : -1;
  for (const f of fresh) {
    const anchor = dated.find((e) => e.instant! > f.at);
    append(anchor ? anchor.line : afterList, f.line);
  }
  const edits: TextEdit[] = [];
  for (const [line, entries] of [...groups.entries()].sort((a, b) => a[0] - b[0])) {
    if (line >= 0) edits.push(insertLines(lines, line, entries.join(eol) + eol, eol));
    else appendAll(edits, insertWithoutList(doc, lines, entries, eol));
  }
  return { edits, added: fresh.map((f) => f.line), duplicates, looseMatches, repeated, outsideWindow, window, ...(outsideSpan ? { outsideSpan } : {}) };
}

/**
 * What an import did, the same words in both hosts: "2 events read: 0 to add, 0 already in the
 * timeline, 2 outside the window … (left out: events from … to …)". When every event is outside
 * the window, that is said as the likely slip it is (trial T8: a Slack export a year off said only
 * "Nothing to add", and nothing showed when the events were). Records the importer read but made no
 * event of are said last with why ("; skipped 1 housekeeping message (channel_join)"), so the count
 * read adds up to what the export holds (trial 11 T1: 8 messages, "6 events read").
 */
export function importSummary(eventCount: number, result: MergeResult, skipped: readonly SkippedRecords[] = []): string {
  const window = `${result.window.start} – ${result.window.end ?? 'open'}`;
  const repeated = result.repeated ? `, ${result.repeated} repeated in the export (skipped)` : '';
  let summary = `${eventsRead(eventCount)}: ${result.added.length} to add, ${result.duplicates} already in the timeline${alreadyHow(result)}${repeated}, ${result.outsideWindow} outside the window ${window}`;
  if (result.outsideSpan) {
    const { first, last } = result.outsideSpan;
    summary += ` (left out: ${first === last ? `an event at ${first}` : `events from ${first} to ${last}`})`;
    if (result.outsideWindow === eventCount) summary += '; every event is outside the incident\'s window: check the export covers the incident, and its dates and zone';
  }
  const skips = skipped.filter((s) => s.count > 0);
  if (skips.length) summary += `; skipped ${skips.map((s) => s.what).join(', ')}`;
  return summary;
}

const LOOSE_WORDS: Record<LooseMatch, string> = {
  links: 'with links as their label alone',
  columns: 'without some of the other CSV columns',
  cut: 'cut at another length',
};

/**
 * " (skipped; 2 of them were written by an earlier import: 1 with links as their label alone, …)": an
 * entry taken for an event although its words differ is a guess, so it is said with how it was made.
 */
function alreadyHow(result: MergeResult): string {
  if (result.duplicates === 0) return '';
  const loose = (Object.keys(LOOSE_WORDS) as LooseMatch[]).filter((k) => result.looseMatches[k] > 0);
  if (loose.length === 0) return ' (skipped)';
  const total = loose.reduce((n, k) => n + result.looseMatches[k], 0);
  const how = loose.map((k) => `${result.looseMatches[k]} ${LOOSE_WORDS[k]}`).join(', ');
  return ` (skipped; ${total === result.duplicates ? (total === 1 ? 'it was' : 'all were') : `${total} of them ${total === 1 ? 'was' : 'were'}`} written by an earlier import: ${how})`;
}

/** The line after a list item, its indented continuation lines included. */
function endOfItem(lines: LineIndex, itemLine: number, limit: number): number {
  let line = itemLine + 1;
  while (line < limit && line < lines.lineCount && /^\s+\S/.test(lines.lineText(line))) line++;
  return line;
}

/** An insertion at the start of `line`; past the last line, at the end of the text. */
function insertLines(lines: LineIndex, line: number, newText: string, eol: string): TextEdit {
  if (line < lines.lineCount && !(line === lines.lineCount - 1 && lines.lineText(line) === '' && !lines.text.endsWith('\n'))) {
    const pos = { line, character: 0 };
    return { range: { start: pos, end: pos }, newText };
  }
  const last = lines.lineCount - 1;
  const pos = { line: last, character: lines.lineText(last).length };
  const needsBreak = lines.lineText(last) !== '';
  return { range: { start: pos, end: pos }, newText: (needsBreak ? eol : '') + newText };
}

function insertWithoutList(doc: ReturnType<typeof parsePostmortem>, lines: LineIndex, entries: string[], eol: string): TextEdit[] {
  const list = entries.join(eol) + eol;
  const section = doc.sections.find((s) => s.id === 'timeline');
  if (section) {
    const next = section.headingLine + 1;
    const nextBlank = next >= lines.lineCount || lines.lineText(next).trim() === '';
    return [insertLines(lines, next, eol + list + (nextBlank ? '' : eol), eol)];
  }
  // No Timeline section: add one before the first section that comes after it in the template.
  const order = SECTION_ORDER.indexOf('timeline');
  const later = doc.sections.find((s) => s.id !== undefined && SECTION_ORDER.indexOf(s.id) > order);
  const block = `## Timeline${eol}${eol}${list}`;
  if (later) return [insertLines(lines, later.headingLine, block + eol, eol)];
  const endsBlank = lines.text.endsWith(eol + eol) || lines.text === '';
  return [insertLines(lines, lines.lineCount, (endsBlank ? '' : eol) + block, eol)];
}
