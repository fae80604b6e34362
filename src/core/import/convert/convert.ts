import { eachOutsideFences } from './fences';
import { sayStrayMeridiem } from './strayMeridiem';
import { closeRunawayFences, type ClosedFence } from './runawayFence';
import { sayOutOfSeason } from './outOfSeason';
import { sayClosedFence, withOriginalLines } from './runawayFenceReport';
import { unknownTagsAsText } from './tagsAsText';
import { stringify } from 'yaml';
import { readFrontMatter } from '../../document/frontMatter';
import { sectionIdOf, SECTION_ORDER, SECTION_TITLES, type SectionId } from '../../document/sectionNames';
import { findHeadings } from '../../document/sections';
import { appendAll } from '../../collections/appendAll';
import { LineIndex } from '../../text/lineIndex';
import { convertActions, isFollowUpLine, lowerCaseWords, peopleNamed } from './actions';
import { instantDay, readDateField, withoutOtherDateFields } from './dateField';
import { reportStartOffDate, reportStartOffTime, type TextStart } from './startOffDate';
import { momentsAgainstStart } from './statedMoments';
import { zonedTimesInText, type ZonedTime } from './zonedTimesInText';
import { asTemplate, exampleTimeline, templateSign } from './templateLike';
import { deriveStartedAt, type StatedTime, type TitleDay, entryTracker, isDetectedMarked, isEndMarked, isResolvedMarked, isStartMarked, resolvedInWords, restoredInWords, type SeenEntry, type UnconvertedEntry } from './startedAt';
import { tagMarkedEntries } from './milestoneTags';
import { readSummaryFields } from './summaryFields';
import { reportSeveralIncidents } from './severalIncidents';
import { compareStatedDurations, readStatedDurations } from './statedDurations';
import { reportFrontMatterProblems } from './frontMatterProblems';
import { applyMetadata, settleClosed, settleCreated, sayUnreadTimedLabels, type TimedLabel, unreadTimedLabel, gluedStatusLine, ianaOrUtc, labelOf, metadataField, readSeverity, statusOf, withoutDocumentPrefix, type FoundMeta } from './metadata';
import { documentZone } from './documentZone';
import { AbbreviationReadings, settlingZones } from './abbreviationReading';
import { impactFromTable } from './impactFromTable';
import { impactFromLabels } from './impactLabels';
import { twelveHourClockNote } from './twelveHourClock';
import { ConvertLog, INCIDENT_TIMES, type ReviewStatus, type ConvertOptions, type ConvertReport, type ConvertResult, type SourceLine } from './model';
import { findDate, readLeadingStamp, statedZone, writtenAsTime, type DateReading, type LooseDate, type LooseStamp } from './stamps';
import { zoneOnTimes } from './timesZone';
import { zoneNamedInWords } from './zoneWords';
import { dateOrderOf, guessDateOrder } from './dateOrder';
import { convertTimeline } from './timeline';
import { readProseStamp, statedStartInProse } from './prose';
import { findProseTimes, type ProseTime } from './proseTimes';
import { formatIsoUtc, isUtcZone, localClockOf, utcMsOf, zonedToUtc } from '../../time/zones';
import { ASSUMED_ZONE_COMMENT } from '../../time/assumedZone';
import { convertDoubtComment } from '../../time/convertDoubt';
import { isDelimiterRow, splitRow } from './tables';
import type { DueAnchor } from '../../actions/dueYear';

interface Block {
  title: string;
  /** Where the heading (or label line) was, for messages. */
  line: number;
  id?: SectionId;
  lines: SourceLine[];
  /** A heading (not a label line or a run of entries found elsewhere). */
  heading?: boolean;
}

export const NOTES_TITLE = 'Notes from the original';

/**
 * Heading → canonical section, also for "Timeline (all times PST)" or "Root cause: the cache": the
 * one reading lint and the summary use (a tag or a link around the words is read as the page shows it).
 */
export function sectionForHeading(title: string): SectionId | undefined {
  return sectionIdOf(title);
}

/** Headings at or above `max` move down so a block's inner headings stay inside it. */
function demote(lines: readonly SourceLine[], minLevel: number): string[] {
  let fence = false;
  return lines.map(({ text }) => {
    if (/^\s{0,3}(`{3,}|~{3,})/.test(text)) fence = !fence;
    const m = /^ {0,3}(#{1,6})(\s.*|$)/.exec(text);
    if (fence || !m || m[1].length >= minLevel) return text;
    return `${'#'.repeat(minLevel)}${m[2]}`;
  });
}

function trimBlank(lines: string[]): string[] {
  let a = 0;
  let b = lines.length;
  while (a < b && !lines[a].trim()) a++;
  while (b > a && !lines[b - 1].trim()) b--;
  return lines.slice(a, b);
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const BULLET = /^(\s*)([-*+]|\d{1,9}[.)])\s+/;


/** Setext headings rewritten as ATX from line `from` on (outside fences); the underline line becomes blank. */
function setextToAtx(text: string, from: number): string {
  const lines = text.split('\n');
  let fence: string | undefined;
  let changed = false;
  for (let k = from; k < lines.length; k++) {
    const f = FENCE.exec(lines[k]);
    if (fence) {
      if (f?.[1].startsWith(fence)) fence = undefined;
      continue;
    }
    if (f) {
      fence = f[1];
      continue;
    }
    const u = /^ {0,3}(=+|-+)[ \t]*\r?$/.exec(lines[k]);
    if (!u || k === from) continue;
    const prev = lines[k - 1];
    // Only under a plain paragraph line: not a list item, quote, table row, heading, or the start of the body.
    if (!prev.trim() || /^\s{0,3}(?:[-*+>|#]|\d{1,9}[.)]\s)/.test(prev) || /^\s{4}/.test(prev) || (k - 2 >= from && lines[k - 2].trim())) continue;
    const cr = prev.endsWith('\r') ? '\r' : '';
    lines[k - 1] = `${u[1][0] === '=' ? '#' : '##'} ${prev.trim()}${cr}`;
    lines[k] = cr;
    changed = true;
  }
  return changed ? lines.join('\n') : text;
}

/** The line of a top-level key of the front matter (`timezone:`), -1 when it has none. */
function frontMatterKeyLine(lines: LineIndex, openLine: number, closeLine: number, key: string): number {
  for (let k = openLine + 1; k < closeLine && k < openLine + 1000; k++) if (lines.lineText(k).startsWith(`${key}:`)) return k;
  return -1;
}

/** How this document writes `03/04/2026`: proven by a value over 12, said ("DD/MM/YYYY"), or unknown. */
function dateReadingOf(text: string): boolean | undefined {
  const sample = text.length > 500_000 ? text.slice(0, 500_000) : text;
  if (/\bDD[/.-]MM\b/.test(sample)) return true;
  if (/\bMM[/.-]DD\b/.test(sample)) return false;
  let dayFirst = false;
  let monthFirst = false;
  // The same day written in ISO elsewhere ("Date: 05/04/2022" and entries on 2022-04-05) decides too.
  const iso = new Set<string>();
  for (const m of sample.matchAll(/\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/g)) if (iso.size < 10_000) iso.add(`${m[1]}-${+m[2]}-${+m[3]}`);
  for (const m of sample.matchAll(/(?<![\d/.-])(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})(?![\d/])/g)) {
    if (+m[1] > 12 && +m[2] <= 12) dayFirst = true;
    if (+m[2] > 12 && +m[1] <= 12) monthFirst = true;
    const y = m[3].length === 2 ? 2000 + +m[3] : +m[3];
    if (+m[1] !== +m[2] && iso.has(`${y}-${+m[2]}-${+m[1]}`) && !iso.has(`${y}-${+m[1]}-${+m[2]}`)) dayFirst = true;
    if (+m[1] !== +m[2] && iso.has(`${y}-${+m[1]}-${+m[2]}`) && !iso.has(`${y}-${+m[2]}-${+m[1]}`)) monthFirst = true;
  }
  return dayFirst === monthFirst ? undefined : dayFirst;
}

/** `Date: …`, `Date/time: …`, `Incident date: …` anywhere (also after a `<br>` in a wiki export): the date the document states, its line, label and value as written. */
function statedDateField(lines: readonly SourceLine[], reading: DateReading): { date: LooseDate; line: number; label: string; text: string } | undefined {
  let found: { date: LooseDate; line: number; label: string; text: string } | undefined;
  eachOutsideFences(lines, (src) => {
    if (found) return;
    const read = readDateField(src.text, reading);
    if (read) found = { ...read, line: src.line };
  });
  return found;
}

/** Stamp-led lines outside a timeline ("  - 2023-06-06 10:23 - User reported …", "15:35 – Plan pushed"). */
function stampLed(text: string, reading: DateReading): boolean {
  if (text.length > 2000) return false;
  const bullet = BULLET.exec(text);
  const content = bullet ? text.slice(bullet[0].length) : text.trimStart();
  const s = readLeadingStamp(content, reading);
  // "[13:55] alice: replication lag alert" (a chat log): the brackets set the time apart (trial C13).
  const bracketed = content.startsWith('[') && s?.raw.trimEnd().endsWith(']') === true;
  return s?.hour !== undefined && (s.date !== undefined || bracketed || writtenAsTime(s) || /^\s{0,3}[-–—:|]/.test(content.slice(s.end)));
}

/** The content of a line without its list bullet or quote marker. */
function lineContent(text: string): string {
  const q = /^\s{0,3}>\s?/.exec(text);
  const t = q ? text.slice(q[0].length) : text;
  const bullet = BULLET.exec(t);
  return bullet ? t.slice(bullet[0].length) : t;
}

/** Lines that open a paragraph or list item with a moment in prose ("At 3:28 PM UTC on November 23rd, …"). */
function proseLed(lines: readonly SourceLine[], reading: DateReading, visit: (src: SourceLine, stamp: { hour?: number; minute?: number }) => void): void {
  eachOutsideFences(lines, (src, k) => {
    // A paragraph, a list item, or a line after one that ended a sentence ("At 6:00 AM PT, … .\nAt 6:20 AM PT, …").
    const starts = k === 0 || !lines[k - 1].text.trim() || BULLET.test(src.text) || /^\s{0,3}>/.test(src.text) || /[.!?]\s*$/.test(lines[k - 1].text);
    if (!starts || src.text.length > 4000 || /^\s{4}/.test(src.text)) return;
    const p = readProseStamp(lineContent(src.text), reading);
    if (p) visit(src, p.stamp);
  });
}

/** A list of labelled milestones ("First detected 2023-06-06 10:26", "Resolved: …"), not entries that start with their time. */
function isKeyEventList(b: Block, reading: DateReading): boolean {
  let milestones = 0;
  for (const l of b.lines) {
    if (!l.text.trim()) continue;
    if (stampLed(l.text, reading)) return false;
    const label = labelOf(l.text);
    const field = label ? metadataField(label.label) : undefined;
    if (field === 'started_at' || field === 'detected_at' || field === 'mitigated_at' || field === 'resolved_at') milestones++;
  }
  return milestones >= 2;
}

/**
 * Runs of timeline entries written outside a Timeline section (a "Context" list of stamped lines,
 * paragraphs each starting with a time): at least three stamp-led lines with at most six lines
 * between them. Returns [first, last] indexes into `lines`, the last extended to the end of its
 * paragraph.
 */
function entryRuns(lines: readonly SourceLine[], reading: DateReading): [number, number][] {
  const hits: number[] = [];
  // Distance in lines outside fenced code: a code block under an entry (a command that was run)
  // does not count, so it does not cut the run in two.
  const outside: number[] = [];
  let seen = 0;
  eachOutsideFences(lines, (src, k) => {
    outside[k] = seen++;
    if (stampLed(src.text, reading)) hits.push(k);
  });
  const runs: [number, number][] = [];
  let start = -1;
  let count = 0;
  for (let h = 0; h < hits.length; h++) {
    if (start === -1) {
      start = hits[h];
      count = 1;
    } else if (outside[hits[h]] - outside[hits[h - 1]] <= 7) count++;
    else {
      if (count >= 3) runs.push([start, hits[h - 1]]);
      start = hits[h];
      count = 1;
    }
  }
  if (count >= 3) runs.push([start, hits[hits.length - 1]]);
  return runs.map(([a, b]) => {
    let end = b;
    while (end + 1 < lines.length && lines[end + 1].text.trim() && !labelOf(lines[end + 1].text)) end++;
    return [a, end];
  });
}

/**
 * Converts a post-mortem written in another shape into the standard format: front matter from
 * metadata lines and tables, canonical sections from heading aliases, a UTC timeline, a task list
 * of action items. Every line of the original is kept: what has no place goes under
 * "Notes from the original". Never throws.
 */
export function convertPostmortem(original: string, options: ConvertOptions = {}): ConvertResult {
  // A byte-order mark is no text: kept, it stood before the `#` of the title, which was then no heading (trial 14a F29).
  const repair = closeRunawayFences(original.startsWith('\uFEFF') ? original.slice(1) : original);
  const result = convertRepaired(repair.text, options, repair.closed);
  return repair.inserted.length ? withOriginalLines(result, repair.inserted) : result;
}

function convertRepaired(source: string, options: ConvertOptions, closedFences: readonly ClosedFence[]): ConvertResult {
  const log = new ConvertLog();
  for (const c of closedFences) sayClosedFence(c, log);
  if (options.decoded) {
    const { encoding, line, characters } = options.decoded;
    log.flag('encoding', line, `The file is not UTF-8; it was read as ${encoding} (${characters} character${characters === 1 ? '' : 's'} decided that way, the first on this line): check its accented letters, quotes and dashes`);
  }
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  const fm0 = readFrontMatter(new LineIndex(source));
  // "Title\n=====" / "Summary\n-------" (setext headings) read as "# Title" / "## Summary"; the
  // underline becomes a blank line so line numbers still point into the original.
  const text = setextToAtx(source, fm0 ? fm0.closeLine + 1 : 0);
  const lines = new LineIndex(text);
  const fm = readFrontMatter(lines);
  const original: Record<string, unknown> = { ...(fm?.data ?? {}) };
  // Values no key of the format can take as written (trial17a F11): `status: [published]` is read as
  // its one value and said; a status that is no string, or binary data (`!!binary`), is not carried
  // into the front matter, and its lines are kept under "Original metadata" with a warning.
  const unreadValues: { key: string; line: number; written: string[] }[] = [];
  if (fm) {
    const writtenLines = (key: string): { line: number; written: string[] } => {
      const line = Math.max(fm.openLine + 1, frontMatterKeyLine(lines, fm.openLine, fm.closeLine, key));
      const written = [lines.lineText(line)];
      for (let l = line + 1; l < fm.closeLine && /^(?:[ \t]+\S|[ \t]*-[ \t])/.test(lines.lineText(l)); l++) written.push(lines.lineText(l));
      return { line, written };
    };
    const status = original.status;
    if (Array.isArray(status) && status.length === 1 && typeof status[0] === 'string') {
      original.status = status[0];
      log.notes.push({ line: writtenLines('status').line, message: `status: ${status[0].slice(0, 40)}, read from a list of one ("${writtenLines('status').written.join(' ').replace(/\s+/g, ' ').trim().slice(0, 80)}")` });
    } else if (status !== undefined && status !== null && typeof status !== 'string') {
      unreadValues.push({ key: 'status', ...writtenLines('status') });
      delete original.status;
    }
    for (const [key, value] of Object.entries(original)) {
      if (value instanceof Uint8Array) {
        unreadValues.push({ key, ...writtenLines(key) });
        delete original[key];
      }
    }
  }
  const bodyStart = fm ? fm.closeLine + 1 : 0;
  const allLines: SourceLine[] = [];
  for (let line = bodyStart; line < lines.lineCount; line++) allLines.push({ line, text: lines.lineText(line) });
  const headings = findHeadings(lines, bodyStart, lines.lineCount);
  const level = headings.some((h) => h.level === 2) ? 2 : headings.filter((h) => h.level === 1).length >= 2 ? 1 : headings.some((h) => h.level === 3) ? 3 : 0;
  const titleHeading = headings.find((h) => h.level === 1 && (level !== 1 || h === headings.find((x) => x.level === 1)));
  const settledDayFirst = dateReadingOf(text);

  // Section starts: headings at the split level; a Timeline or Action items heading nested in another
  // section (it is lifted out, and the section it interrupted resumes after it); a line that is
  // only "Timeline (all times PST)" or "Action items" between blank lines.
  interface Splitter { line: number; title: string; id?: SectionId; heading: boolean; resume?: boolean }
  const splitters: Splitter[] = [];
  const hasTop = (id: SectionId) => headings.some((h) => h.level === level && h !== titleHeading && sectionForHeading(h.title) === id);
  let parent: Splitter | undefined;
  let lifted: { level: number } | undefined;
  for (const h of headings) {
    if (h === titleHeading) continue;
    // "## Feb 21, 13:00" after the Timeline's "### 14:17" entries: an event of a later day, more of
    // the timeline, not a section of its own (trial18c F3: such events went to the notes, "complete").
    // The same inside a Timeline lifted out of another section ("### Timeline" under "## Incident"): "### Feb 21, 13:00".
    const inTimeline = lifted ? h.level > level && h.level <= lifted.level && splitters[splitters.length - 1]?.id === 'timeline' : parent?.id === 'timeline' && h.level === level;
    if (inTimeline && isEventHeading(h.title)) continue;
    if (h.level === level) {
      parent = { line: h.line, title: h.title, id: sectionForHeading(h.title), heading: true };
      splitters.push(parent);
      lifted = undefined;
      continue;
    }
    if (h.level < level) continue;
    const id = sectionForHeading(h.title);
    const liftable = (id === 'timeline' || id === 'action-items') && parent !== undefined && parent.id !== id && !hasTop(id);
    if (lifted && h.level <= lifted.level) {
      lifted = undefined;
      if (parent && !liftable) splitters.push({ ...parent, line: h.line, resume: true });
    }
    if (liftable && parent && !lifted) {
      splitters.push({ line: h.line, title: h.title, id, heading: true });
      lifted = { level: h.level };
    }
  }
  const inHeadingTimeline = hasTop('timeline') || splitters.some((s) => s.id === 'timeline');
  const inHeadingActions = hasTop('action-items') || splitters.some((s) => s.id === 'action-items');
  eachOutsideFences(allLines, (src, k) => {
    const t = src.text.trim();
    // "Action point: rotate the keys" is a follow-up, not a section label: a label has nothing after its colon.
    // A sentence ("Going forward, we will add alerts.") is not a label.
    if (!t || t.length > 70 || t.startsWith('#') || /^[-*+|>]/.test(t) || /:\s*\S/.test(t.replace(/[*_]/g, '')) || /[.!?]\s*$/.test(t)) return;
    if ((k > 0 && allLines[k - 1].text.trim()) || (k + 1 < allLines.length && allLines[k + 1].text.trim() && !/^\s{0,3}[-*+]\s/.test(allLines[k + 1].text))) return;
    const id = sectionForHeading(t.replace(/[*_]/g, ''));
    if ((id === 'timeline' && !inHeadingTimeline) || (id === 'action-items' && !inHeadingActions)) splitters.push({ line: src.line, title: t.replace(/[*_]/g, '').replace(/:$/, ''), id, heading: false });
  });
  splitters.sort((a, b) => a.line - b.line);

  // Cut the body into the preamble and one block per section start.
  const preamble: SourceLine[] = [];
  const blocks: Block[] = [];
  let current: Block | undefined;
  let s = 0;
  for (const src of allLines) {
    while (s < splitters.length && splitters[s].line < src.line) s++;
    const sp = splitters[s]?.line === src.line ? splitters[s] : undefined;
    if (sp) {
      current = { title: sp.title, line: src.line, id: sp.id, lines: [], heading: sp.heading };
      blocks.push(current);
      // A resumed section keeps the heading that ended the lifted one.
      if (sp.resume) current.lines.push(src);
      continue;
    }
    if (titleHeading?.line === src.line) continue;
    (current ? current.lines : preamble).push(src);
  }

  const meta: FoundMeta = { times: {} };
  const title = titleHeading?.title.replace(/[*_`]/g, '').trim() || (typeof original.title === 'string' ? original.title : undefined) || options.fileName?.replace(/\.[^.]+$/, '') || 'Converted post-mortem';
  // The zone: stated anywhere in the document (a timeline note, a metadata line, the title).
  let textZone: string | undefined;
  eachOutsideFences([{ line: -1, text: title }, ...allLines], (src) => {
    if (!textZone && !BULLET.test(src.text)) textZone = statedZone(src.text);
  });
  // Without a statement, a zone named in words: "Timeline (horário de Brasília)", "(時刻はすべてJST)".
  if (!textZone) eachOutsideFences([{ line: -1, text: title }, ...allLines], (src) => {
    if (!textZone && !BULLET.test(src.text)) textZone = zoneNamedInWords(src.text);
  });
  const fmZoneLine = fm ? Math.max(fm.openLine, frontMatterKeyLine(lines, fm.openLine, fm.closeLine, 'timezone')) : 0;
  const docZone = documentZone({ text: textZone, times: textZone ? undefined : zoneOnTimes(text), frontMatter: original.timezone, frontMatterLine: fmZoneLine, given: options.defaultZone }, log);
  const zone = docZone.zone;
  // The document's stated zone, its timezone:, a given zone, else the writer's (a guess) settle what IST/CST/BST mean (trial13a F24, trial17c F3).
  const abbreviations = new AbbreviationReadings(settlingZones(docZone, options), log, [docZone.source === 'given' ? undefined : docZone.zone, docZone.keep]);
  // The zone to compute with: the document's zone as its meaning was settled (`IST` → +01:00 in Dublin).
  const readZone = zone === undefined ? undefined : abbreviations.zoneFor(zone);
  const zoneStated = docZone.source !== 'none' && docZone.source !== 'given';
  const metadataLines: string[] = [];
  for (const u of unreadValues) {
    const what = u.key === 'status' ? 'no review status (draft, in-review or published)' : 'binary data, no value the format reads';
    log.flag(u.key === 'status' ? 'status' : 'front-matter', u.line, `The front matter's "${u.written.join(' ').replace(/\s+/g, ' ').trim().slice(0, 80)}" is ${what}: not read, kept as written under "${NOTES_TITLE}"`);
    for (const w of u.written) metadataLines.push(w);
    metadataLines.push('');
  }
  const renames: string[] = [];
  // Dates that do not settle their order (05/12/2026 alone) are read as the document's language or
  // zone writes them, and that guess is said, in the report and the file (trial 14a F13).
  const orderZone = docZone.keep ?? (zone ? ianaOrUtc(zone) : undefined);
  // A zone given for the conversion (--zone, the editor's setting) is not the document's: said as what it is.
  const zoneIs = docZone.source === 'given' ? 'the zone given for this conversion (the original states none)' : undefined;
  const order = settledDayFirst === undefined ? guessDateOrder(text, orderZone, bodyStart, zoneIs) : undefined;
  // A numeric due date no other date settles (`bis 05/03`) is read as the language (else zone) writes dates, said.
  const dueOrder = settledDayFirst === undefined && !order ? dateOrderOf(text, orderZone, zoneIs) : undefined;
  const dayFirst = settledDayFirst ?? order?.dayFirst;
  if (order) {
    const how = order.dayFirst ? 'day first' : 'month first';
    log.flag('ambiguous-date', order.example.line, `"${order.example.written}" could be day/month or month/day; read as ${how} (${order.example.read}), because ${order.why}, and no date in the document settles the order (none has a day over 12); every such date was read ${how}: check one`);
    log.inFile.push(`dates such as ${order.example.written} (line ${order.example.line + 1} of the original) were read ${how} (${order.example.read}) because ${order.why}; no date in the original settles the order: check one.`);
  }
  const baseReading: DateReading = { dayFirst };
  const keptPreamble = readPreamble(preamble, blocks, meta, { zone, dayFirst, abbreviations, severityScale: options.severityScale }, log, metadataLines);

  // The incident date: stated (metadata, a Date field, a date heading, the opening prose) before
  // inferred (the title, the file name), which the report calls a guess.
  const field = statedDateField(allLines, baseReading);
  const dateHeading = headings.find((h) => /^date\b/i.test(h.title.replace(/[*_]/g, '')));
  const proseLines: string[] = [];
  eachOutsideFences(keptPreamble.concat(blocks.find((b) => b.id === 'summary')?.lines ?? []), (src) => { if (!/^\s{0,3}(?:[-*+]\s|\|)/.test(src.text)) proseLines.push(withoutOtherDateFields(src.text)); });
  const prose = proseLines.join(' ').slice(0, 3000);
  const proseDate = /\b\d{4}\b/.test(prose) ? findDate(prose.replace(/\b(?:\d{1,2}:\d{2})\b/g, ' '), baseReading) : undefined;
  // A start instant dates the incident on the calendar of the zone written as `timezone:`, as list does.
  const startDay = (value: unknown) => instantDay(value, docZone.keep ?? ianaOrUtc(zone)) ?? dateFrom(value);
  const statedChoices: [LooseDate | undefined, string][] = [
    [meta.date, 'a Date field'], [meta.firstTimeDate, 'the key event times'], [dateFrom(original.date), 'the front matter'], [startDay(original.started_at), 'the front matter'], [startDay(START_KEYS.map((k) => original[k]).find((v) => v !== undefined)), 'the front matter'],
    [field?.date, 'a Date field'], [dateHeading ? findDate(dateHeading.title, baseReading) : undefined, 'a Date heading'], [proseDate, 'the text'],
  ];
  const inferredChoices: [LooseDate | undefined, string][] = [[findDate(title, baseReading), 'the title'], [options.fileName ? findDate(options.fileName, baseReading) : undefined, 'the file name']];
  const stated = statedChoices.find(([d]) => d);
  const inferred = inferredChoices.find(([d]) => d);
  const dateContext = stated?.[0] ?? inferred?.[0];
  if (field?.date.ambiguous && !meta.date) log.flag('ambiguous-date', field?.line ?? 0, `The incident date could be day/month or month/day; read as month first (${dateContext?.year}-${dateContext?.month}-${dateContext?.day}), as US English writes dates: neither the text's language nor its zone tells the order — check it`);

  // Entries written outside any Timeline section (a "Context" list, timed paragraphs) become the
  // timeline when the document has no Timeline heading; elsewhere they are reported unread.
  // No date anywhere: a year in the title or file name ("GitHub availability report: October 2020")
  // completes dates written without one ("October 9 21:30 UTC"); said when entries are read.
  const yearHint = dateContext ? undefined : /\b(?:19[89]\d|20\d\d)\b/.exec(`${title} ${options.fileName ?? ''}`)?.[0];
  const reading: DateReading = { year: dateContext?.year ?? (yearHint ? +yearHint : undefined), dayFirst };
  // `said`: a diagnostic of its own already tells of the line (a DST-ambiguous time): listed, not flagged twice.
  const unread: { line: number; text: string; why: string; said?: boolean }[] = [];
  for (const u of meta.unreadTimes ?? []) unread.push({ line: u.line, text: u.text, why: u.why });
  const countProse = (ls: readonly SourceLine[]): number => {
    let n = 0;
    proseLed(ls, reading, () => n++);
    return n;
  };
  const hasHeadingTimeline = blocks.some((b) => b.id === 'timeline' && b.heading !== false && (b.lines.some((l) => stampLed(l.text, reading)) || countProse(b.lines) > 0));
  const extractRuns = (from: SourceLine[], titleFor: (start: number) => string, insertAt: number): void => {
    const runs = entryRuns(from, reading);
    for (let r = runs.length - 1; r >= 0; r--) {
      let a = runs[r][0];
      const b = runs[r][1];
      let blockTitle = 'Timeline';
      // The label the run sits under ("- **Context**:") goes with it.
      let p = a - 1;
      while (p >= 0 && !from[p].text.trim()) p--;
      const label = p >= 0 ? labelOf(from[p].text) : undefined;
      if (label && !label.value) {
        blockTitle = label.label;
        a = p;
      } else blockTitle = titleFor(a);
      const moved = from.splice(a, b - a + 1);
      const indents = moved.filter((l) => stampLed(l.text, reading)).map((l) => /^\s*/.exec(l.text)![0].length);
      const cut = indents.length ? indents.reduce((x, y) => Math.min(x, y)) : 0;
      const body = (label && !label.value ? moved.slice(1) : moved).map((l) => ({ line: l.line, text: l.text.startsWith(' '.repeat(cut)) ? l.text.slice(cut) : l.text }));
      blocks.splice(insertAt, 0, { title: blockTitle, line: moved[0].line, id: 'timeline', lines: body });
    }
  };
  if (!hasHeadingTimeline) {
    extractRuns(keptPreamble, () => 'Timeline', blocks.findIndex((b) => b.id !== 'timeline') === -1 ? blocks.length : Math.max(0, blocks.findIndex((b) => b.id !== 'timeline')));
    for (const b of [...blocks]) if (b.id !== 'timeline' && b.id !== 'action-items') extractRuns(b.lines, () => b.title, blocks.indexOf(b) + 1);
  }
  // A "Key events" list (First detected …, Incident declared …, Resolved …) next to a timeline of
  // its own (a "Context" list): the key events summarise the milestones and give the front matter
  // its times; read as entries too, they would make one timeline that runs back to the start
  // after the last milestone. They stay in the Summary as written.
  const hasEntries = (b: Block) => b.lines.some((l) => stampLed(l.text.replace(/^\s{0,3}\|\s{0,8}/, ''), reading)) || countProse(b.lines) > 0;
  for (const b of [...blocks]) {
    if (b.id !== 'timeline' || b.heading || !isKeyEventList(b, reading)) continue;
    const other = blocks.find((o) => o !== b && o.id === 'timeline' && hasEntries(o));
    if (!other) continue;
    blocks.splice(blocks.indexOf(b), 1);
    const taken = new Set([b.line, ...b.lines.map((l) => l.line)]);
    for (const n of taken) keptPreamble.push({ line: n, text: lines.lineText(n) });
    keptPreamble.sort((x, y) => x.line - y.line);
    log.notes.push({ line: b.line, message: `The "${b.title}" list is kept in the Summary as written: it gives the front matter its incident times; the timeline is read from "${other.title.replace(/[*_`]/g, "").trim()}"` });
  }
  // A review told as a story ("## How did it happen?" with "At 3:28 PM UTC on November 23rd, …"
  // paragraphs) and no timeline otherwise: that section is the timeline; its sentences that start
  // with a time become entries, kept whole, and the rest stays between them as text.
  if (!blocks.some((b) => b.id === 'timeline' && (b.lines.some((l) => stampLed(l.text, reading)) || countProse(b.lines) > 0))) {
    for (const b of blocks) {
      // "### October 9 21:30 UTC (lasting 2 hours)" over the story of one incident (availability reports).
      const headed = b.heading !== false && readLeadingStamp(b.title, reading)?.hour !== undefined && readLeadingStamp(b.title, reading)?.date !== undefined;
      const told = countProse(b.lines) + (headed ? 2 : 0);
      // A "What happened" (summary) or response section qualifies when two thirds of its lines are timed sentences.
      const mostlyTimed = (b.id === 'summary' || b.id === 'response') && told * 3 >= b.lines.filter((l) => l.text.trim()).length * 2;
      if ((b.id !== undefined && !mostlyTimed) || told < 3) continue;
      if (headed) b.lines.unshift({ line: b.line, text: `### ${b.title}` });
      b.id = 'timeline';
      log.flag('prose-timeline', b.line, `The section "${b.title}" tells the incident as a story: its sentences that start with a time were read as timeline entries, kept whole; check them`, 'info');
    }
  }
  // The start the opening sentences state ("At 4:11 AM UTC on November 24th, our packages were
  // compromised", "On 28th February, flags went down … from 15:30 to 18:10 UTC").
  let proseStart: { ms: number; line: number; raw: string; untilMs?: number } | undefined;
  // The first paragraph, when it gives a time of day: where a review says when it began (compared with a stated start).
  let openingTimed: SourceLine[] = [];
  {
    const opening = keptPreamble.concat(blocks.find((b) => b.id === 'summary')?.lines ?? []);
    let paragraphs = 0;
    for (let k = 0; k < opening.length && paragraphs < 3 && !proseStart; k++) {
      const t = opening[k].text;
      if (!t.trim() || (k > 0 && opening[k - 1].text.trim()) || /^\s{0,3}(?:[-*+|#>]|\d{1,9}[.)])/.test(t) || /^\s{0,3}(`{3,}|~{3,})/.test(t)) continue;
      paragraphs++;
      let para = t;
      let j = k + 1;
      for (; j < opening.length && j < k + 20 && opening[j].text.trim(); j++) para += ` ${opening[j].text.trim()}`;
      // Only the text's first paragraph: a later one opening with a time may tell of a later moment.
      openingTimed = paragraphs === 1 ? opening.slice(k, j) : [];
      const st = statedStartInProse(para, reading, stated?.[0]);
      if (st?.date && st.hour !== undefined) {
        if (!st.zone && !zone) log.flagOnce('no-zone', opening[k].line, 'Expected the document to state its time zone ("All times PST"); times without a zone were read as UTC');
        const written = st.zone ?? zone ?? 'UTC';
        const z = abbreviations.zoneFor(written);
        const ms = zonedToUtc({ ...st.date, hour: st.hour, minute: st.minute ?? 0, second: 0 }, z === 'Z' ? 'UTC' : z);
        // "from 16:58 to 18:46 UTC": the end, on the same day (or the next, when it is earlier).
        let untilMs = st.until ? zonedToUtc({ ...st.date, hour: st.until.hour!, minute: st.until.minute ?? 0, second: 0 }, z === 'Z' ? 'UTC' : z) : undefined;
        if (ms !== undefined && untilMs !== undefined && untilMs <= ms) untilMs += 86_400_000;
        if (ms !== undefined) {
          sayStrayMeridiem(st.raw, opening[k].line, log);
          if (st.until) sayStrayMeridiem(st.until.raw, opening[k].line, log);
          proseStart = { ms, line: opening[k].line, raw: st.raw, untilMs };
          abbreviations.say(written, opening[k].line);
          sayOutOfSeason(log, written, z, ms, abbreviations.region, opening[k].line);
        }
      }
      // Only the first paragraph that gives a time of day can state the start: later ones tell of later moments.
      if (/\b\d{1,2}:\d{2}\b|\b\d{1,2}\s?[AaPp]\.?[Mm]\b/.test(para)) break;
      openingTimed = [];
    }
    if (!proseStart && openingTimed.length && !/\b\d{1,2}:\d{2}\b|\b\d{1,2}\s?[AaPp]\.?[Mm]\b/.test(openingTimed.map((l) => l.text).join(' '))) openingTimed = [];
  }
  // Stamp-led lines left outside the timeline: said, since they were not read as entries. So are
  // sentences opening with a time ("At 14:05 UTC, …"), unless an entry has that time (a summary
  // repeating the timeline) or the sentence gave started_at.
  const proseOutside: { line: number; text: string; local: string }[] = [];
  for (const b of [{ id: undefined, lines: keptPreamble } as Pick<Block, 'id' | 'lines'>, ...blocks]) {
    if (b.id === 'timeline') continue;
    eachOutsideFences(b.lines, (src) => {
      if (stampLed(src.text, reading) && unread.length < 10_000) unread.push({ line: src.line, text: src.text, why: 'outside the timeline' });
    });
    proseLed(b.lines, reading, (src, st) => {
      if (proseOutside.length < 10_000 && src.line !== proseStart?.line) proseOutside.push({ line: src.line, text: src.text, local: `${st.hour}:${st.minute ?? 0}` });
    });
  }
  // Follow-up lines outside the follow-up sections ("Action point: …") move to Action items.
  // In one pass per block (a splice per line was quadratic); the later block's lines come first, as before.
  const strayByBlock: SourceLine[][] = [];
  for (const b of [{ id: undefined, lines: keptPreamble } as Pick<Block, 'id' | 'lines'>, ...blocks]) {
    if (b.id === 'action-items') continue;
    const keep: SourceLine[] = [];
    const moved: SourceLine[] = [];
    for (const l of b.lines) (isFollowUpLine(l.text) ? moved : keep).push(l);
    if (moved.length === 0) continue;
    b.lines.length = 0;
    appendAll(b.lines, keep);
    strayByBlock.push(moved);
  }
  const stray: SourceLine[] = [];
  for (let k = strayByBlock.length - 1; k >= 0; k--) appendAll(stray, strayByBlock[k]);
  if (stray.length) {
    // One paragraph each, so each reads as its own follow-up.
    const spaced = stray.flatMap((l) => [{ line: l.line, text: '' }, l]);
    const target = blocks.find((b) => b.id === 'action-items');
    if (target) appendAll(target.lines, spaced);
    else blocks.push({ title: SECTION_TITLES['action-items'], line: stray[0].line, id: 'action-items', lines: spaced });
  }

  // Canonical sections in the template's order; several originals for one section are merged.
  const out: string[] = [];
  const byId = new Map<SectionId, Block[]>();
  const unplaced: Block[] = [];
  for (const b of blocks) {
    if (b.id) byId.set(b.id, [...(byId.get(b.id) ?? []), b]);
    else unplaced.push(b);
  }
  // A labelled severity under the Summary, Impact or Timeline (`## Impact` › `**Severity:** Major`,
  // trial18c F4: dropped without a word when the preamble had none): read as the preamble's is, the
  // line kept where it is as text.
  if (!meta.severityFrom) {
    for (const id of METADATA_SECTIONS) {
      for (const b of byId.get(id) ?? []) {
        eachOutsideFences(b.lines, (src) => {
          if (meta.severityFrom || src.text.length > 300) return;
          const l = /^\s{0,3}\S/.test(src.text) ? labelOf(src.text) : undefined;
          if (l && l.value && metadataField(l.label) === 'severity') {
            applyMetadata(meta, l.label, l.value, src, { severityScale: options.severityScale }, log);
            const read: FoundMeta = meta;
            const from = read.severityFrom;
            if (from) from.where = `under ${b.title.replace(/[*_`]/g, '').replace(/:$/, '').trim()}`;
          }
        });
      }
    }
  }
  // A blank template ("{Incident Title}", "### 1900-01-01") is no incident (trial 11 T6): told before
  // its sections are written, so its example timeline is kept as a comment, never as entries.
  const template = templateSign(String(meta.title ?? (typeof original.title === 'string' ? original.title : title)), meta.titleLine ?? titleHeading?.line ?? 0, allLines);
  let exampleEntries = 0;
  const tracker = entryTracker();
  const nested: number[] = [];
  let actionItems = 0;
  const timelineCtx = {
    zone, abbreviations, date: dateContext, year: reading.year, dateInferredFrom: stated ? undefined : inferred?.[1], dayFirst,
    onEntry: tracker.onEntry,
    onContinue: tracker.onContinue,
    onUnconverted: tracker.onUnconverted,
    onNested: (line: number) => { nested.push(line); },
    onUnread: (line: number, lineText: string, why: string, said?: boolean) => { if (unread.length < 10_000) unread.push({ line, text: lineText, why, ...(said ? { said } : {}) }); },
  };
  let people: Set<string> | undefined;
  let lowerWords: Set<string> | undefined;
  const body = (b: Block, minLevel: number): string[] => {
    let content: string[];
    // A template's Timeline without example entries (guidance, an empty table) is converted as any other.
    const example = b.id === 'timeline' && template ? exampleTimeline(b.lines, b.title, timelineCtx) : undefined;
    if (example?.entries) {
      exampleEntries += example.entries;
      content = example.lines;
    } else if (b.id === 'timeline') content = convertTimeline(b.lines, b.title, timelineCtx, log);
    else if (b.id === 'action-items') {
      // Once per document, however many action sections it has (a hostile file with thousands of them stays linear).
      people ??= peopleNamed(text.split('\n'), [...(meta.authors ?? []), meta.facilitator, meta.commander?.name]);
      lowerWords ??= lowerCaseWords(text);
      const converted = convertActions(b.lines, log, b.title, { dayFirst, order: dueOrder, anchor: dueAnchorOf(dateContext) ?? earliestEntryDay(tracker.entries), people, lowerWords });
      actionItems += converted.filter((l) => /^ {0,1}(?:[-*+]|\d{1,9}[.)]) {1,4}\[[ xX]\]/.test(l)).length;
      content = converted;
    } else content = b.lines.map((l) => l.text);
    // A converted line's source: the original line written the same, else the one at its place.
    const sourceOf = new Map<string, number>();
    for (const l of b.lines) if (!sourceOf.has(l.text.trim())) sourceOf.set(l.text.trim(), l.line);
    return demote(unknownTagsAsText(content.map((t, k) => ({ line: sourceOf.get(t.trim()) ?? b.lines[k]?.line ?? b.line, text: t })), log), minLevel);
  };
  // Times of day in the text the converter kept (not metadata lines, not action items), minus the
  // lines already reported as unread entries: asked for only when no entry was read.
  let proseTimes: ProseTime[] | undefined;
  const proseTimesLeft = (): ProseTime[] => {
    const said = new Set([...unread.map((u) => u.line), ...proseOutside.map((p) => p.line)]);
    const kept = [...keptPreamble, ...blocks.filter((b) => b.id !== 'action-items').flatMap((b) => b.lines)].sort((a, b) => a.line - b.line);
    return findProseTimes(kept).filter((t) => !said.has(t.line));
  };
  const summaryFromPreamble = !byId.has('summary') && keptPreamble.some((l) => l.text.trim());
  if (!summaryFromPreamble) appendAll(out, trimBlank(demote(unknownTagsAsText(keptPreamble, log), 3))).push('');
  for (const id of SECTION_ORDER) {
    const group = byId.get(id) ?? [];
    if (id === 'summary' && summaryFromPreamble) {
      out.push(`## ${SECTION_TITLES.summary}`, '');
      appendAll(out, trimBlank(demote(unknownTagsAsText(keptPreamble, log), 3))).push('');
      continue;
    }
    if (group.length === 0) {
      // Timed lines left where they were (fewer than three in a row, or in a shape not read) are
      // not "no timeline": the reader is pointed at them (trial C13). So are times of day inside
      // sentences ("from 9:16 PM to 11:16 PM PDT"): an empty Timeline is never silent about them.
      const timedLeft = unread.filter((u) => /outside the timeline/.test(u.why)).length;
      if (id === 'timeline') {
        proseTimes = proseTimesLeft();
        const timesLeft = proseTimes.length ? ` ${proseTimes.length} time${proseTimes.length === 1 ? '' : 's'} of day in its sentences (${linesOf(proseTimes)}) ${proseTimes.length === 1 ? 'was' : 'were'} left as text for you to turn into entries.` : '';
        out.push(`## ${SECTION_TITLES.timeline}`, '', timedLeft ? `_The original has no timeline section; ${timedLeft} timed line${timedLeft === 1 ? ' was' : 's were'} left as text where ${timedLeft === 1 ? 'it was' : 'they were'} (see the conversion report).${timesLeft}_` : `_The original has no timeline.${timesLeft}_`, '');
      }
      continue;
    }
    out.push(`## ${SECTION_TITLES[id]}`, '');
    group.forEach((b, k) => {
      // Compared as written (not normalised): any word the new heading drops is recorded.
      const canonical = b.title.replace(/[*_`]/g, '').trim().toLowerCase() === SECTION_TITLES[id].toLowerCase();
      if (k === 0) {
        if (!canonical) renames.push(`"${b.title}" → ${SECTION_TITLES[id]}`);
        appendAll(out, trimBlank(body(b, 3))).push('');
      } else {
        out.push(`### ${b.title}`, '');
        appendAll(out, trimBlank(body(b, 4))).push('');
      }
    });
  }
  // Front matter that cannot be carried over key by key (comments, broken YAML) is kept verbatim.
  const fmKept = fm && (fm.data === undefined || fm.problems.length > 0 || /(?:^|\s)#/m.test(fm.content)) ? fm.content.replace(/\r?\n$/, '') : undefined;
  if (fm) reportFrontMatterProblems(fm, lines, log);
  // Times read as UTC because the original states no zone: a guess the file itself must keep saying
  // (trial 14a F1), on `timezone:` (timeline/assumed-zone reads it) and in the notes.
  const assumedUtc = !template && docZone.source === 'none' && log.diagnostics.some((d) => d.code === 'convert/no-zone');
  // No time read that way, but `timezone: UTC` is still the guess later times are read in (trial17c F14): the comment says so.
  const assumedZone = !template && docZone.source === 'none';
  // A guess written into the file is a warning too, never exit 0 (trial18a F10: "no zone stated: check", yet "complete").
  if (assumedZone && !assumedUtc) log.flag('assumed-zone', fm ? fm.openLine : 0, 'Expected the document to state its time zone (no time in it carries one); `timezone: UTC` was written as an assumption, with a comment saying so: times added later are read in it — write the zone the team works in, or convert again with --zone');
  const writerZone = options.writerZone ?? options.defaultZone;
  const writerElsewhere = writerZone !== undefined && !isUtcZone(writerZone) ? writerZone : undefined;
  if (assumedUtc) log.inFile.push(`the original states no time zone, so its times were read as UTC (the comment on \`timezone:\` says so until someone checks). If they are local times, every time here is off by that zone's offset: check one against a source that gives its zone (a chat message, an alert), then delete the comment${writerElsewhere ? `, or convert the original again with --zone (such as --zone ${writerElsewhere}, the zone it was converted in)` : ', or convert the original again with --zone and its zone'}.`);
  const notesWritten = Boolean(unplaced.length || metadataLines.length || renames.length || fmKept !== undefined || log.inFile.length);
  const inFileWritten = log.inFile.length;
  if (notesWritten) {
    out.push(`## ${NOTES_TITLE}`, '');
    for (const b of unplaced) {
      log.flag('unplaced', b.line, `Section "${b.title}" matches no standard section; kept under "${NOTES_TITLE}"`, 'info');
      out.push(`### ${b.title}`, '');
      appendAll(out, trimBlank(demote(unknownTagsAsText(b.lines, log), 4))).push('');
    }
    if (metadataLines.length) {
      out.push('### Original metadata', '');
      appendAll(out, metadataLines).push('');
    }
    if (fmKept !== undefined) {
      const runs = (fmKept.match(/`+/g) ?? []).map((r) => r.length + 1);
      const fence = '`'.repeat(runs.reduce((a, b) => Math.max(a, b), 3));
      out.push('### Original front matter', '', `${fence}yaml`);
      appendAll(out, fmKept.split(/\r?\n/)).push(fence, '');
    }
    if (renames.length) out.push(`Headings renamed: ${renames.join('; ')}.`, '');
    for (const said of log.inFile) out.push(`Conversion: ${said}`, '');
  }

  if (nested.length) log.notes.push({ line: nested[0], message: `${nested.length === 1 ? 'This list item has' : `${nested.length} list items in the timeline (the first here) have`} no time: kept under the entry before ${nested.length === 1 ? 'it' : 'each'} as a detail` });
  // The converted timeline is checked as the linter will check it: an entry earlier than the one
  // before it (a mistyped year, a late addition) is said here, so "complete" never hands over a
  // file its own linter rejects. Which of the two is wrong only the team knows: kept as written.
  let reversed = 0;
  for (let k = 1; k < tracker.entries.length; k++) {
    const e = tracker.entries[k];
    const before = tracker.entries[k - 1];
    if (e.ms >= before.ms) continue;
    if (++reversed <= 20) log.flag('out-of-order', e.line, `This entry (${formatIsoUtc(e.ms)}) is earlier than the entry before it (line ${before.line + 1}, ${formatIsoUtc(before.ms)}); kept in the original's order — check the date and time of both`);
  }
  if (reversed > 20) log.flag('out-of-order', tracker.entries[0].line, `${reversed - 20} more entries are earlier than the entry before them`);
  const readTimes = new Set(tracker.entries.map((e) => e.local));
  for (const p of proseOutside) if (!readTimes.has(p.local) && unread.length < 10_000) unread.push({ line: p.line, text: p.text, why: 'a sentence giving a time, outside the timeline' });
  unread.sort((a, b) => a.line - b.line);
  // One report per line: a key event read both as metadata and as a timeline line is one line.
  for (let k = unread.length - 1; k > 0; k--) if (unread[k].line === unread[k - 1].line) unread.splice(k, 1);
  const unsaid = unread.filter((x) => !x.said);
  for (const u of unsaid.slice(0, 20)) log.flag('unread-entry', u.line, `This line looks like a timeline entry but was left as text (${u.why}); check it`);
  if (unsaid.length > 20) log.flag('unread-entry', unsaid[20].line, `${unsaid.length - 20} more lines look like timeline entries but were left as text`);
  // No entry read, but the sentences give times: the Timeline is empty because the story is told
  // in prose, not because nothing happened when. Said as a warning (not "complete", exit 1).
  // A template's example timeline is its times of day: none is an incident's to turn into entries.
  if (tracker.entries.length === 0 && !template) proseTimes ??= proseTimesLeft();
  else proseTimes = [];
  if (proseTimes.length) {
    const shownTimes = proseTimes.slice(0, 3).map((t) => `"${t.time}" (line ${t.line + 1})`).join(', ');
    log.flag('prose-times', proseTimes[0].line, `No timeline entry was read, but the text gives ${proseTimes.length} time${proseTimes.length === 1 ? '' : 's'} of day in its sentences (${shownTimes}${proseTimes.length > 3 ? ', …' : ''}); they were left as text for you to turn into timeline entries`);
  }
  const titleDate = inferredChoices[0][0];
  // The title's day written in the timeline too (a "### 2018-01-11" heading over that day's events): the timeline does not contradict the title.
  const sameDay = (d: LooseDate | undefined) => d !== undefined && titleDate !== undefined && d.year === titleDate.year && d.month === titleDate.month && d.day === titleDate.day;
  const titleInTimeline = unread.some((u) => /^a date (?:heading )?without a time of day/.test(u.why) && sameDay(findDate(u.text, baseReading)));
  const fileDate = inferredChoices[1][0];
  const titleDay: TitleDay | undefined = titleDate ? {
    ms: utcMsOf(titleDate.year, titleDate.month - 1, titleDate.day), label: `the date in the title (${titleDate.year}-${String(titleDate.month).padStart(2, '0')}-${String(titleDate.day).padStart(2, '0')})`, inTimeline: titleInTimeline,
    ...(fileDate && !sameDay(fileDate) ? { fileNameMs: utcMsOf(fileDate.year, fileDate.month - 1, fileDate.day) } : {}),
  } : undefined;
  // A start the opening prose states ("from 16:58 to 18:46 UTC") is stated, not derived: it wins
  // over the earliest entry (which may be background, or the attacker's preparations days before).
  // An entry the original marks as the start still wins over it.
  // GitLab's Summary fields ("Service(s) affected: web, API", "Minutes downtime or degradation: 47").
  const summaryLines = [...keptPreamble, ...(byId.get('summary') ?? []).flatMap((b) => b.lines)];
  // The original's `impact: {users_affected: 40}` takes a downtime beside it; its own downtime, or an
  // `impact` that is no mapping, is kept as it is and the Summary's field stays text (said).
  const originalImpact = original.impact;
  const impactMap = typeof originalImpact === 'object' && originalImpact !== null && !Array.isArray(originalImpact) ? (originalImpact as Record<string, unknown>) : undefined;
  const impactTaken = originalImpact !== undefined && (impactMap === undefined || impactMap.downtime_minutes !== undefined);
  const fields = readSummaryFields(summaryLines, log, { services: meta.services !== undefined || original.services !== undefined, impact: impactTaken });
  if (fields.services) meta.services = fields.services;
  // The impact the original gives (its front matter, then the Summary's downtime), then its Impact table's numbers (trial17c F17).
  if (fields.downtimeMinutes !== undefined) meta.impact = { ...impactMap, downtime_minutes: fields.downtimeMinutes };
  if (!template && (originalImpact === undefined || impactMap)) {
    const held = meta.impact ?? impactMap ?? {};
    const table = impactFromTable(out, allLines, held, log);
    if (Object.keys(table).length) meta.impact = { ...held, ...table };
    // "**Affected customers:** 305 teams" under Impact (trial18c F4): read for what it counts, or said.
    const impactLines = [...summaryLines, ...(byId.get('impact') ?? []).flatMap((b) => b.lines)];
    const labelled = impactFromLabels(impactLines, meta.impact ?? impactMap ?? {}, log);
    if (Object.keys(labelled).length) meta.impact = { ...(meta.impact ?? impactMap ?? {}), ...labelled };
  }
  let frontMatter = buildFrontMatter(title, titleHeading?.line ?? 0, meta, original, { zone: (zone && abbreviations.regionZone(zone, tracker.entries[0]?.ms ?? proseStart?.ms)) ?? readZone, keep: docZone.keep }, log, tracker, titleDay, proseStart, (key) => (fm ? Math.max(0, frontMatterKeyLine(lines, fm.openLine, fm.closeLine, key)) : 0), options.status, { scale: options.severityScale, from: options.severityScaleFrom });
  // A blank template is written as a template of this format, without incident times, and said.
  if (template) frontMatter = asTemplate(frontMatter, template, options.fileName, log, exampleEntries);
  // "Time to resolve: 1h 50m", "Duration: 16h 45m": kept as text, compared with the times written (trial 12 T6).
  else {
    // Also under Impact and the Timeline ("**Total impact duration:** 5 hours 26 minutes (10:45 - 16:11 UTC)", trial18c F4).
    const sectionDurations = (['impact', 'timeline'] as const).flatMap((id) => (byId.get(id) ?? []).flatMap((b) => readStatedDurations(b.lines, 400, `under ${b.title.replace(/[*_`]/g, '').replace(/:$/, '').trim()}`)));
    compareStatedDurations([...readStatedDurations(summaryLines), ...sectionDurations], frontMatter, log);
    // A review of several incidents, converted as one: a span of days said, with what gave it away (trial 13b F14).
    reportSeveralIncidents(frontMatter, tracker.entries, readStatedDurations(allLines, 5000), log.notes, log);
  }
  // A day with no time of day (trial 16a F12: "incident date 2018-02-28, from the text … complete",
  // while the file carried the date nowhere): the format keeps an incident's day only in its times.
  // (Entries whose start went unset are said by their own check, convert/start-unclear.)
  const dateOnly = !template && dateContext !== undefined && tracker.entries.length === 0 && !INCIDENT_TIMES.some((k) => typeof frontMatter[k] === 'string');
  if (dateOnly) {
    const day = `${dateContext.year}-${String(dateContext.month).padStart(2, '0')}-${String(dateContext.day).padStart(2, '0')}`;
    const from = (stated ?? inferred)![1];
    // A day taken from the title or file name is already a doubt said (convert/date-inferred): not counted twice.
    if (stated) log.flag('date-only', meta.dateFrom?.line ?? field?.line ?? titleHeading?.line ?? 0, `The incident date ${day} (from ${from}) has no time of day, and the format keeps an incident's day only in its times (started_at, in UTC): none was written, so postmortem list shows no date and the metrics leave the incident out — write started_at once the time it began is known`);
    if (!out.includes(`## ${NOTES_TITLE}`)) out.push(`## ${NOTES_TITLE}`, '');
    out.push(`Conversion: the original gives the incident date ${day} (from ${from}) but no time of day, so no started_at was written: until someone writes it, the tools list this incident with no date.`, '');
  }
  // A start derived from the timeline on another day than the original's Date field: said (trial T7).
  const dateField = meta.date && meta.dateFrom ? { date: meta.date, ...meta.dateFrom } : field;
  if (dateField && meta.startDerivedFrom && typeof frontMatter.started_at === 'string') reportStartOffDate(frontMatter.started_at, meta.startDerivedFrom, dateField, readZone, baseReading, log);
  // A start the original states, against the start its text gives (trial 11 T4).
  if (meta.startStatedFrom && !meta.startDerivedFrom && typeof frontMatter.started_at === 'string') {
    const statedMs = Date.parse(frontMatter.started_at);
    const stated = { ms: statedMs, ...meta.startStatedFrom };
    const texts = unread.filter((u) => u.why === 'outside the timeline');
    if (!Number.isNaN(statedMs)) {
      // Moments the text states whole that contradict the stated start, when it names no moment at it (trial 15a F17).
      const instantOf = (t: ZonedTime) => {
        const z = t.zone === 'Z' ? 'UTC' : abbreviations.zoneFor(t.zone);
        return zonedToUtc({ ...t.date, hour: t.hour, minute: t.minute, second: 0 }, z === 'Z' ? 'UTC' : z);
      };
      const moments = momentsAgainstStart(statedMs, zonedTimesInText(openingTimed, reading), zonedTimesInText(allLines, reading), instantOf);
      reportStartOffTime(stated, [...textStarts(stated, { entries: tracker.entries, proseStart, outside: texts, zone, abbreviations, reading: baseReading, lines }), ...moments], log);
    }
  }
  // Doubts found once the front matter was built (a stated start its text contradicts) go in the notes too.
  if (log.inFile.length > inFileWritten) {
    if (!notesWritten) out.push('', `## ${NOTES_TITLE}`, '');
    for (const said of log.inFile.slice(inFileWritten)) out.push(`Conversion: ${said}`, '');
  }
  const heading = titleHeading ? lines.lineText(titleHeading.line).replace(/^ {0,3}#\s*/, '# ') : `# ${title}`;
  // The entries the original marks as milestones carry the format's tag when the front matter has their time.
  // An entry whose words gave a milestone (a guess, noted) is tagged when no marked entry gave it.
  const markedEnd = tracker.entries.some(isEndMarked);
  const markedResolved = tracker.entries.some(isResolvedMarked);
  tagMarkedEntries(out, frontMatter, tracker.entries, {
    started: isStartMarked, detected: isDetectedMarked,
    mitigated: (e) => isEndMarked(e) || (!markedEnd && restoredInWords(e) !== undefined),
    resolved: (e) => isResolvedMarked(e) || (!markedResolved && resolvedInWords(e) !== undefined),
  });
  let yaml = stringify(frontMatter, { lineWidth: 0 }).trimEnd();
  if (assumedZone) yaml = yaml.replace(/^timezone: UTC$/m, `timezone: UTC ${ASSUMED_ZONE_COMMENT}`);
  const doc = ['---', yaml, '---', '', heading, '', ...trimBlank(out), ''];
  let first: number | undefined;
  let last: number | undefined;
  for (const e of tracker.entries) {
    if (first === undefined || e.ms < first) first = e.ms;
    if (last === undefined || e.ms > last) last = e.ms;
  }
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  // A date taken from the title or file name is a guess even when no entry needed it (a file
  // without a timeline): the report calls it inferred, so it must not end "complete" with exit 0.
  // Every entry dated itself (no time-only entry needed the title's date): the timeline states the date.
  const inferredDay = dateContext ? utcMsOf(dateContext.year, dateContext.month - 1, dateContext.day) : 0;
  const datedByTimeline = Boolean(dateContext && !stated && inferred && !log.diagnostics.some((d) => d.code === 'convert/date-inferred')
    && tracker.entries.some((e) => e.ms >= inferredDay - 86_400_000 && e.ms < inferredDay + 3 * 86_400_000));
  // The start taken from an entry that writes its own date, far from the title's (trial17c F9): the
  // timeline states the incident date, and the title's is the doubt (said as convert/date-disagrees).
  const timelineOverTitle = Boolean(!stated && inferred && titleDay?.contradicted?.taken);
  // Withheld instead (a year typo may be either's): the title's date is contradicted by the text, not merely unstated in it.
  const titleContradicted = !stated && inferred?.[1] === 'the title' && titleDay?.contradicted && !titleDay.contradicted.taken ? formatIsoUtc(titleDay.contradicted.ms).slice(0, 10) : undefined;
  if (yearHint && !dateContext && tracker.entries.length > 0) log.flagOnce('date-inferred', titleHeading?.line ?? 0, `Dates without a year were read in ${yearHint}, the year in the title or file name — check them`);
  if (dateContext && !stated && inferred && !datedByTimeline && !timelineOverTitle && !titleContradicted) {
    const where = inferred[1] === 'the title' ? titleHeading?.line ?? 0 : 0;
    log.flagOnce('date-inferred', where, `The incident date ${dateContext.year}-${pad(dateContext.month)}-${pad(dateContext.day)} was taken from ${inferred[1]}, not stated in the text — check it`);
  }
  // The incident date the report gives is the day of the started_at written, or the two are said apart (trial17c F8:
  // "incident date 2025-11-15, from the text" — the end of a span — beside started_at 2025-11-11).
  const dateValue = dateContext ? `${dateContext.year}-${pad(dateContext.month)}-${pad(dateContext.day)}` : undefined;
  // On the calendar of the timezone written, as list dates it (`CST` read as China's is written Asia/Shanghai).
  const started = typeof frontMatter.started_at === 'string' ? instantDay(frontMatter.started_at, typeof frontMatter.timezone === 'string' ? frontMatter.timezone : undefined) ?? startDay(frontMatter.started_at) : undefined;
  const startedOn = started ? `${started.year}-${pad(started.month)}-${pad(started.day)}` : undefined;
  const dateDisagrees = !template && dateValue !== undefined && startedOn !== undefined && startedOn !== dateValue ? startedOn : undefined;
  if (dateDisagrees && !log.diagnostics.some((d) => d.code === 'convert/start-off-date' || d.code === 'convert/date-disagrees')) {
    log.timeDoubts.push(`the incident date the original gives (${dateValue}, from ${datedByTimeline ? inferred![1] : (stated ?? inferred)![1]}) is not the day of started_at (${startedOn}) — check which is right.`);
    log.flag('date-disagrees', meta.dateFrom?.line ?? field?.line ?? titleHeading?.line ?? 0, `The incident date ${dateValue} (from ${datedByTimeline ? inferred![1] : (stated ?? inferred)![1]}) is not the day of the started_at written (${frontMatter.started_at as string}, ${startedOn}), the day postmortem list and the metrics give the incident — check which is right`);
  }
  // Doubts about the incident's times go in the front matter too, where lint reads them (time/convert-doubt).
  if (!template && log.timeDoubts.length) doc[1] = [doc[1], ...log.timeDoubts.slice(0, 10).map(convertDoubtComment)].join('\n');
  // Times a 12-hour clock without am/pm writes the same way (4:19 … 9:14): the reading taken is said (trial17c F15).
  const clockNote = template ? undefined : twelveHourClockNote(tracker.entries, (n) => lines.lineText(n));
  if (clockNote) log.notes.push(clockNote);
  const report = {
    entries: tracker.entries.length,
    ...(exampleEntries ? { exampleEntries } : {}),
    span: first !== undefined && last !== undefined ? { first: day(first), last: day(last) } : undefined,
    actionItems,
    zone: { zone: zone ?? 'UTC', stated: zoneStated, source: docZone.source, ...(assumedUtc && writerElsewhere ? { writerElsewhere } : {}), ...(zone && abbreviations.meaningOf(zone) ? { meaning: abbreviations.meaningOf(zone) } : {}), ...(docZone.source === 'given' && options.defaultZoneFrom ? { from: options.defaultZoneFrom } : {}) },
    status: statusReport(String(frontMatter.status), meta, original, options.status, unreadValues.find((u) => u.key === 'status')?.written.join(' ').replace(/\s+/g, ' ').trim().slice(0, 80)),
    ...(options.decoded ? { decodedAs: options.decoded.encoding } : {}),
    date: dateContext && !template && timelineOverTitle && startedOn ? { value: startedOn, source: `the dated timeline entries (${inferred![1]} gives ${dateValue})`, stated: true }
      : dateContext && !template ? { value: `${dateContext.year}-${pad(dateContext.month)}-${pad(dateContext.day)}`, source: datedByTimeline ? `${inferred![1]}, agreeing with the dated timeline entries` : (stated ?? inferred)![1], stated: Boolean(stated) || datedByTimeline, ...(dateOnly ? { unwritten: true as const } : {}), ...(dateDisagrees ? { startedOn: dateDisagrees } : {}), ...(titleContradicted ? { contradictedBy: titleContradicted } : {}) } : undefined,
    unread,
    proseTimes,
    complete: !log.diagnostics.some((d) => d.severity === 'warning' || d.severity === 'error'),
  };
  return { text: doc.join('\n').replace(/\n{3,}/g, '\n\n').replace(/\n/g, eol), diagnostics: log.diagnostics, replaced: log.replaced, notes: log.notes, report };
}

/** Which review status was written, and from what: said in the report, above all when it was assumed. */
function statusReport(written: string, meta: FoundMeta, original: Record<string, unknown>, given?: ReviewStatus, unreadStatus?: string): ConvertReport['status'] {
  if (meta.statusFrom?.read) return { value: written, from: `"${meta.statusFrom.text}" (line ${meta.statusFrom.line + 1})` };
  if (typeof original.status === 'string' && statusOf(original.status)) return { value: written, from: `the front matter (status: ${original.status.slice(0, 40)})` };
  const unread = meta.statusFrom ? `"${meta.statusFrom.text}" on line ${meta.statusFrom.line + 1} names no review status` : typeof original.status === 'string' ? `the front matter's status: ${original.status.slice(0, 40)} names no review status` : unreadStatus ? `the front matter's "${unreadStatus}" is not a review status` : 'the original states no status';
  // Given but not kept: a published or in-review status the fields could not support became a draft (said in its own diagnostic).
  if (given) return { value: written, from: `--status ${given} (${unread})` };
  return { value: written, assumed: unread };
}

/** Milestones an original marks on its entries, besides the start (deriveStartedAt). */
const MARKED_MILESTONES = [
  { key: 'detected_at', marked: isDetectedMarked, what: 'the detection' },
  { key: 'mitigated_at', marked: isEndMarked, what: 'the end of the outage (when user impact stopped)' },
  { key: 'resolved_at', marked: isResolvedMarked, what: 'the end of the incident' },
] as const;

/** Milestones an entry's words give when no marker does ("Incident resolved.", "Service is restored"): guesses, said. */
const WORDED_MILESTONES = [
  { key: 'mitigated_at', words: restoredInWords, what: 'the end of the outage' },
  { key: 'resolved_at', words: resolvedInWords, what: 'the end of the incident' },
] as const;

/** Other tools' names for the start of the incident in their front matter. */
const START_KEYS = ['start_time', 'startTime', 'start', 'started', 'incident_start'] as const;

function dateFrom(value: unknown): LooseDate | undefined {
  if (value instanceof Date) return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
  return typeof value === 'string' ? readLeadingStamp(value)?.date : undefined;
}

/**
 * Takes metadata out of the preamble (label lines, two-column tables, key-event lists) and turns
 * `**Impact**: …` style labels into sections. Returns the lines that stay in the preamble.
 */
function readPreamble(preamble: SourceLine[], blocks: Block[], meta: FoundMeta, ctx: { zone?: string; dayFirst?: boolean; abbreviations: AbbreviationReadings; severityScale?: Readonly<Record<string, string>> }, log: ConvertLog, metadataLines: string[]): SourceLine[] {
  const kept: SourceLine[] = [];
  const pseudo: Block[] = [];
  /** Labelled times no field reads as it stands ("Closed at: …", "Identified: …"), settled once every label is read. */
  const timedLabels: TimedLabel[] = [];
  let open: (Block & { topLevel?: boolean }) | undefined;
  for (let i = 0; i < preamble.length; i++) {
    const src = preamble[i];
    const text = src.text;
    // A two-column table whose first column holds labels we know: metadata.
    if (/^\s*\|/.test(text) && i + 1 < preamble.length && isDelimiterRow(preamble[i + 1].text)) {
      let j = i + 2;
      while (j < preamble.length && /^\s*\|/.test(preamble[j].text)) j++;
      const rows = [preamble[i], ...preamble.slice(i + 2, j)].map((r) => ({ src: r, cells: splitRow(r.text) }));
      const used = rows.filter((r) => r.cells.length === 2 && applyMetadata(meta, r.cells[0], r.cells[1], r.src, ctx, log));
      if (used.length >= Math.max(1, rows.length / 2)) {
        for (let k = i; k < j; k++) metadataLines.push(preamble[k].text);
        metadataLines.push('');
        i = j - 1;
        open = undefined;
        continue;
      }
    }
    const label = /^\s{0,4}\S/.test(text) ? labelOf(text) ?? gluedStatusLine(text) : undefined;
    const topLevel = /^\S/.test(text) || /^\s?[-*+]\s/.test(text);
    // Inside a label section: its indented lines (and, when it opened with nothing under it, the
    // paragraphs up to the next label). Key events stay in the timeline and also give the front matter its times.
    const nothingYet = open !== undefined && open.lines.every((l) => !l.text.trim());
    if (open && (text.trim() === '' || /^\s/.test(text) || ((open.topLevel || nothingYet) && !(label && topLevel)))) {
      if (text.trim() && !/^\s/.test(text) && open.lines.every((l) => !l.text.trim())) open.topLevel = true;
      if (open.id === 'timeline' && label && !topLevel) applyMetadata(meta, label.label, label.value, src, ctx, log);
      else if (open.id === 'timeline' && !topLevel) noteUnreadTimedLabel(src, ctx, timedLabels);
      open.lines.push({ line: src.line, text: open.topLevel ? text : text.replace(/^ {2,4}/, '') });
      continue;
    }
    if (label) {
      const sectionId = topLevel ? sectionForHeading(label.label) : undefined;
      if (sectionId) {
        open = { title: label.label, line: src.line, id: sectionId, lines: label.value ? [{ line: src.line, text: label.value }] : [] };
        pseudo.push(open);
        continue;
      }
      if (applyMetadata(meta, label.label, label.value, src, ctx, log)) {
        metadataLines.push(text);
        continue;
      }
    }
    open = undefined;
    if (!label || !metadataField(label.label)) noteUnreadTimedLabel(src, ctx, timedLabels);
    kept.push(src);
  }
  // Closed (an end, when nothing else gives one), then Created, then the labels no field reads
  // (Identified is judged against the detection Created may give): in that order.
  settleClosed(meta, timedLabels, ctx, log);
  settleCreated(meta, ctx, log);
  sayUnreadTimedLabels(meta, timedLabels, ctx, log);
  // Label sections go first: they come from the top of the document.
  const after = blocks.splice(0);
  appendAll(appendAll(blocks, pseudo), after);
  return kept;
}

/**
 * A heading that is a moment (`Feb 21, 13:00`, `15:15`, `2018-02-22 07:13 - Hub restarted`) or a
 * day alone (`Feb 22`, `2018-02-22`): an event or a day of a timeline. A clock with a colon or am/pm
 * ("## 24h later" is no moment); a year is assumed only to check the date's shape.
 */
function isEventHeading(title: string): boolean {
  const t = title.replace(/[*_`]/g, '').trim();
  const st = readLeadingStamp(t, { year: 2000 });
  if (!st) return false;
  if (st.hour !== undefined) return /\d[:.]\d{2}|\d\s?[ap]\.?m/i.test(st.raw);
  return st.date !== undefined && t.length - st.end <= 1;
}

/** A labelled time no field reads ("Cause identified: 2024-07-25 15:18", "Closed at: …"): kept aside to be settled, then said (trial18c F7). */
function noteUnreadTimedLabel(src: SourceLine, ctx: { dayFirst?: boolean }, list: TimedLabel[]): void {
  const u = list.length < 1000 ? unreadTimedLabel(src.text, ctx) : undefined;
  if (u) list.push({ ...u, src });
}

/** A stamp that gives a date and a clock. */
type DatedStamp = LooseStamp & { readonly date: LooseDate; readonly hour: number };

const isDated = (st: LooseStamp): st is DatedStamp => st.date !== undefined && st.hour !== undefined;

/**
 * The moments the text gives that can be compared with a stated start (reportStartOffTime): the
 * entry the original marks as the start, the opening sentence that states the start, and any date
 * and time written at the stated start's clock (`02:33` on its day) whose instant differs — the same
 * clock in another zone. Bounded by the entries and lines already collected.
 */
function textStarts(stated: { ms: number; clockInZone: boolean }, ctx: { entries: readonly SeenEntry[]; proseStart?: { ms: number; line: number; raw: string }; outside: readonly { line: number; text: string }[]; zone?: string; abbreviations: AbbreviationReadings; reading: DateReading; lines: LineIndex }): TextStart[] {
  const readIn = ctx.abbreviations.zoneFor(ctx.zone ?? 'UTC');
  // The stated start's clock as written: in the document's zone for a field (at the instant's own
  // offset, right across a DST change), in UTC for a front-matter time.
  const statedClock = localClockOf(stated.ms, stated.clockInZone ? readIn : 'UTC').clock;
  const found: TextStart[] = [];
  const zoneName = ctx.zone ?? 'UTC';
  const marked = ctx.entries.find(isStartMarked);
  if (marked) {
    // A clock the DST change repeats is said with its offset: "01:30 America/New_York" alone is two instants.
    const { clock: local, repeated } = localClockOf(marked.ms, readIn);
    found.push({ ms: marked.ms, line: marked.line, what: 'the timeline entry the original marks as the start', written: `${local} ${zoneName}${repeated ? ` (${repeated})` : ''}`, sameClock: false });
  }
  if (ctx.proseStart) found.push({ ms: ctx.proseStart.ms, line: ctx.proseStart.line, what: 'the sentence that states the start', written: `"${ctx.proseStart.raw.trim()}"`, sameClock: false });
  // A date and time at the stated clock, written on a line of its own or leading an entry: the
  // stamp as its line was read (`stampAt`), compared once.
  const atClock = (line: number, ms: number | undefined, st: DatedStamp): void => {
    if (ms === undefined || found.length >= 20 || Math.abs(ms - stated.ms) <= 60_000) return;
    const pad = (n: number) => String(n).padStart(2, '0');
    const written = `${st.date.year}-${pad(st.date.month)}-${pad(st.date.day)} ${pad(st.hour)}:${pad(st.minute ?? 0)}`;
    if (written !== statedClock) return;
    found.push({ ms, line, what: 'the text', written: `"${st.raw.replace(/[*_]/g, '').trim()}"`, sameClock: true });
  };
  const stampAt = (text: string): DatedStamp | undefined => {
    const st = readLeadingStamp(lineContent(text).replace(/^\s{0,3}(?:\*\*|__)/, ''), ctx.reading);
    return st && isDated(st) ? st : undefined;
  };
  for (const e of ctx.entries) {
    const st = stampAt(ctx.lines.lineText(e.line));
    if (st) atClock(e.line, e.ms, st);
  }
  for (const u of ctx.outside) {
    const st = stampAt(u.text);
    if (!st) continue;
    const z = st.zone && st.zone !== 'Z' ? ctx.abbreviations.zoneFor(st.zone) : st.zone === 'Z' ? 'UTC' : readIn;
    const before = found.length;
    atClock(u.line, zonedToUtc({ ...st.date, hour: st.hour, minute: st.minute ?? 0, second: 0 }, z), st);
    // A comparison that read "02:33 IST" in one meaning says which, as an entry would.
    if (found.length > before) ctx.abbreviations.say(st.zone ?? ctx.zone ?? 'UTC', u.line);
  }
  return found;
}

/** Sections whose labelled severity and stated durations are read, besides the preamble (trial18c F4). */
const METADATA_SECTIONS: readonly SectionId[] = ['summary', 'impact', 'timeline'];

/**
 * Says how a written severity was read: a level on another numbered scale or one the original
 * states beside its word, a note; a word with no level stated or given, written as it is (lint
 * rejects it until someone writes the level) and reported — which level "Major" is depends on the
 * team's scale (trial18c F4).
 */
function saySeverity(from: NonNullable<FoundMeta['severityFrom']>, write: (severity: string) => void, log: ConvertLog, scaleFrom?: Readonly<Record<string, string>>): void {
  const r = from.reading;
  if (r.how !== 'none') write(r.how === 'word' ? r.word : r.level);
  const where = from.where ? ` ${from.where}` : '';
  const scale = "the format's scale is SEV1 critical … SEV4 low";
  if (r.how === 'numbered') log.notes.push({ line: from.line, message: `severity: ${r.level}, read from "${from.text}"${where} (${scale}; check it matches)` });
  else if (r.how === 'stated') log.notes.push({ line: from.line, message: `severity: ${r.level}, the level the original gives beside "${r.word}" ("${from.text}"${where})` });
  else if (r.how === 'given') {
    const source = scaleFrom ? Object.entries(scaleFrom).find(([k]) => k.toLowerCase() === r.word.toLowerCase())?.[1] : undefined;
    log.notes.push({ line: from.line, message: `severity: ${r.level}, read from "${from.text}"${where} by ${source ? `the team's scale (${source})` : 'the scale given for this conversion'} (${r.word} = ${r.level})` });
  }
  else if (r.how === 'word') {
    log.flag('severity', from.line, `Expected a severity on the format's scale (SEV1 critical … SEV4 low), found "${from.text}"${where}: the original does not say which level "${r.word}" is, and scales differ (Jira's Major is the third of five), so it was written as severity: ${r.word}, which lint rejects until you write the level — or give the team's scale and convert again: "severityScale": { "${r.word}": "SEVn" } in .postmortemrc.json, or --severity-scale ${r.word}=SEVn`);
  } else if (r.how === 'none') {
    // "Severity: TBD" states none yet: said, not counted.
    const message = `"${from.text}"${where} names no severity the format reads (SEV1 critical … SEV4 low): kept as text, no severity written`;
    if (/^(?:tbd|tbc|todo|unknown|n\/a|none|-|\?|pending)?\.?$/i.test(from.text)) log.notes.push({ line: from.line, message });
    else log.flag('severity', from.line, message);
  }
}

function buildFrontMatter(title: string, titleLine: number, meta: FoundMeta, original: Record<string, unknown>, zones: { zone?: string; keep?: string }, log: ConvertLog, seen: { readonly entries: readonly SeenEntry[]; readonly unconverted: readonly UnconvertedEntry[] }, titleDay?: TitleDay, proseStart?: { ms: number; line: number; raw: string; untilMs?: number }, keyLine?: (key: string) => number, givenStatus?: ReviewStatus, severity: { scale?: Readonly<Record<string, string>>; from?: Readonly<Record<string, string>> } = {}): Record<string, unknown> {
  const severityScale = severity.scale;
  const { entries } = seen;
  const fm: Record<string, unknown> = { type: 'postmortem' };
  if (typeof original.id === 'string') fm.id = original.id;
  fm.title = meta.title ?? (typeof original.title === 'string' ? original.title : title);
  // "Incident Review: …" names the document, not what happened (trial T15): the heading keeps it.
  const plain = typeof original.title === 'string' && meta.title === undefined ? undefined : withoutDocumentPrefix(String(fm.title));
  if (plain) {
    log.notes.push({ line: meta.title === undefined ? titleLine : meta.titleLine ?? titleLine, message: `title: "${plain.title}" — without the leading "${plain.prefix}:", which names the document, not what happened (the heading keeps it as written)` });
    fm.title = plain.title;
  }
  for (const r of meta.referenceLines ?? []) log.notes.push({ line: r.line, message: `"${r.text}" is a reference to the incident's ticket, not a title: kept as written in the text` });
  if (meta.commander) log.notes.push({ line: meta.commander.line, message: `"${meta.commander.text}" is kept as written under "Original metadata", not made the facilitator: the format's facilitator is who runs the review, not the response; if ${meta.commander.name} facilitated the review, write facilitator: ${meta.commander.name}` });
  const statedStatus = meta.status ?? (typeof original.status === 'string' ? statusOf(original.status) : undefined);
  // `--status published` for an archive of finished reviews (trial 14a F17: as drafts, every old
  // review read as overdue): the status of originals that state none; one the original states wins.
  fm.status = statedStatus ?? givenStatus ?? 'draft';
  if (statedStatus && givenStatus && statedStatus !== givenStatus) {
    log.notes.push({ line: meta.statusFrom?.line ?? keyLine?.('status') ?? 0, message: `status: ${statedStatus}, as the original states${meta.statusFrom ? ` ("${meta.statusFrom.text}")` : ''}; --status ${givenStatus} is for originals that state none` });
  }
  if (meta.severity) fm.severity = meta.severity;
  if (meta.severityFrom) saySeverity(meta.severityFrom, (word) => { fm.severity = word; }, log, severity.from);
  if (meta.services) fm.services = meta.services;
  // Other tools' front matter (`start_time: 2020-10-09T21:30:00Z`, `end_time: …`): stated times.
  // A bare midnight may be a date written as a time ("1994-06-01T00:00:00Z"): kept aside, and
  // decided below against the timeline (trial C6: it was dropped, and the file had no date at all).
  const otherKey = (keys: readonly string[]): { key: string; iso: string; midnight: boolean } | undefined => {
    for (const k of keys) {
      const v = original[k];
      const ms = v instanceof Date ? v.getTime() : typeof v === 'string' && /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d{1,9})?)?(?:Z|[+-]\d\d:?\d\d)$/.test(v.trim()) ? Date.parse(v) : NaN;
      if (!Number.isNaN(ms)) return { key: k, iso: formatIsoUtc(ms), midnight: ms % 86_400_000 === 0 };
    }
    return undefined;
  };
  let midnight: { key: string; iso: string } | undefined;
  if (meta.times.started_at === undefined && original.started_at === undefined) {
    const v = otherKey(START_KEYS);
    if (v && !v.midnight) {
      meta.times.started_at = v.iso;
      meta.startStatedFrom = { line: keyLine?.(v.key) ?? 0, label: v.key, clockInZone: false };
    } else if (v) midnight = v;
  } else if (meta.times.started_at === undefined) meta.startStatedFrom = { line: keyLine?.('started_at') ?? 0, label: 'started_at', clockInZone: false };
  if (meta.times.resolved_at === undefined && original.resolved_at === undefined) {
    const v = otherKey(['end_time', 'endTime', 'end', 'resolved', 'incident_end']);
    if (v) meta.times.resolved_at = v.iso;
    if (v?.midnight) log.flag('midnight-time', 0, `${v.key}: ${v.iso} is exactly midnight UTC, which is how a date without a time of day is often written; written as resolved_at as given — check the time`);
  }
  const statedTimes: StatedTime[] = [
    ...INCIDENT_TIMES.filter((k) => meta.times[k] !== undefined).map((k) => ({ key: k, value: meta.times[k], line: meta.timeLines?.[k], label: meta.timeLabels?.[k] })),
    ...(['detected_at', 'mitigated_at', 'resolved_at'] as const).map((k) => ({ key: k, value: original[k], line: keyLine?.(k) })),
  ];
  const noStatedStart = meta.times.started_at === undefined && original.started_at === undefined;
  let derivedStart: string | undefined;
  const marked = entries.some((e) => isStartMarked(e));
  if (noStatedStart && proseStart && !marked) {
    derivedStart = formatIsoUtc(proseStart.ms);
    meta.startDerivedFrom = { line: proseStart.line, what: `the sentence "${proseStart.raw.trim()}"` };
    let earliest: number | undefined;
    for (const e of entries) if (earliest === undefined || e.ms < earliest) earliest = e.ms;
    const timeline = earliest === undefined ? '' : earliest === proseStart.ms ? '; the earliest timeline entry agrees' : `; the earliest timeline entry is at ${formatIsoUtc(earliest)}`;
    log.notes.push({ line: proseStart.line, sets: 'started_at', message: `started_at set to ${derivedStart}, read from the sentence "${proseStart.raw.trim()}" (the original has no start field${timeline}; check it)` });
  } else if (noStatedStart) {
    const notesBefore = log.notes.length;
    const fromTimeline = deriveStartedAt(entries, statedTimes, log, titleDay, seen.unconverted);
    derivedStart = fromTimeline?.iso;
    if (fromTimeline) meta.startDerivedFrom = { line: fromTimeline.line, what: fromTimeline.marked ? 'the timeline entry the original marks as the start' : 'the earliest timeline entry' };
    if (midnight) {
      const day = Date.parse(midnight.iso);
      const derived = derivedStart === undefined ? NaN : Date.parse(derivedStart);
      if (derived >= day && derived < day + 86_400_000) {
        log.notes.push({ line: 0, message: `${midnight.key}: ${midnight.iso} is exactly midnight, a date without a time of day: started_at is the earliest timeline entry that day (${derivedStart}); check it` });
      } else {
        // The date the original states wins over entries on other days; the derivation's note no longer holds.
        log.notes.splice(notesBefore);
        derivedStart = undefined;
        meta.startDerivedFrom = undefined;
        meta.times.started_at = midnight.iso;
        log.flag('midnight-time', 0, `${midnight.key}: ${midnight.iso} is exactly midnight UTC, which is how a date without a time of day is often written; written as started_at as given — check the time`);
      }
    }
  }
  const times: FoundMeta['times'] = derivedStart ? { ...meta.times, started_at: derivedStart } : { ...meta.times };
  // "… from 16:58 to 18:46 UTC": the end of the outage the same sentence states.
  if (noStatedStart && proseStart?.untilMs !== undefined && derivedStart === formatIsoUtc(proseStart.ms) && times.resolved_at === undefined && original.resolved_at === undefined) {
    times.resolved_at = formatIsoUtc(proseStart.untilMs);
    log.notes.push({ line: proseStart.line, sets: 'resolved_at', message: `resolved_at set to ${times.resolved_at}, the end of the outage the sentence "${proseStart.raw.trim()}" states (check it: it may be when impact stopped, mitigated_at)` });
  }
  // "14:15 Fix lands. <END OF OUTAGE>", "**OUTAGE MITIGATED**", "**INCIDENT ENDS**", "(detected)":
  // the milestones as the original marks them on its entries.
  for (const m of MARKED_MILESTONES) {
    const entry = entries.find(m.marked);
    if (!entry || times[m.key] !== undefined || original[m.key] !== undefined) continue;
    times[m.key] = formatIsoUtc(entry.ms);
    log.notes.push({ line: entry.line, sets: m.key, message: `${m.key} set to ${times[m.key]}, the entry the original marks as ${m.what} (check it)` });
  }
  // "…, incident resolved", "Service is restored, user pods start running again" inside an entry
  // (trial17c F18): no marker, but the words say it. A reading, said as one; never before the start.
  const startMs = typeof times.started_at === 'string' ? Date.parse(times.started_at) : NaN;
  for (const m of WORDED_MILESTONES) {
    if (times[m.key] !== undefined || original[m.key] !== undefined) continue;
    const entry = entries.find((e) => m.words(e) !== undefined && !(e.ms < startMs));
    if (!entry) continue;
    times[m.key] = formatIsoUtc(entry.ms);
    log.notes.push({ line: entry.line, sets: m.key, message: `${m.key} set to ${times[m.key]}, read from the words "${m.words(entry)!.slice(0, 60)}" in this entry (a guess: no entry is marked as ${m.what}; check it)` });
  }
  // "Closed at: …" with no Resolved beside it: the end, unless an entry marks or words one.
  if (meta.closed && original.resolved_at === undefined) {
    const c = meta.closed;
    const meaning = "incident.io closes an incident when the response is over; Rootly, Opsgenie and FireHydrant close it only after it is resolved, possibly days later";
    if (times.resolved_at === undefined) {
      times.resolved_at = c.iso;
      (meta.timeLines ??= {}).resolved_at = c.line;
      log.notes.push({ line: c.line, sets: 'resolved_at', message: `resolved_at: ${c.iso}, read from "${c.label}": the original gives no other end (${meaning} — check it)` });
    } else if (c.iso !== times.resolved_at) {
      log.notes.push({ line: c.line, message: `"${c.label}" (${c.iso}) is kept as written, not read: resolved_at is ${times.resolved_at}, the entry that ends the incident in the timeline (${meaning})` });
    }
  }
  for (const k of INCIDENT_TIMES) if (times[k]) fm[k] = times[k];
  // The times must run in order (the linter's time/order): a key event with a mistyped year
  // ("Resolved 2022-02-01" in a 2023 incident) is said, and written as read.
  let later: { key: string; value: string } | undefined;
  for (const k of ['resolved_at', 'mitigated_at', 'detected_at', 'started_at'] as const) {
    const v = fm[k];
    if (typeof v !== 'string') continue;
    if (later && Date.parse(v) > Date.parse(later.value)) {
      log.flag('time-order', meta.timeLines?.[k] ?? meta.timeLines?.[later.key as keyof typeof meta.times] ?? 0, `${k} (${v}) is after ${later.key} (${later.value}) as the original gives them; written as read — check which one is mistyped`);
      break;
    }
    later = { key: k, value: v };
  }
  // Times are written in UTC; the original zone is recorded for readers: its front matter's
  // `timezone:` as written, else the zone stated in the text when it is an IANA name or an offset.
  fm.timezone = zones.keep ?? ianaOrUtc(zones.zone);
  if (meta.facilitator) fm.facilitator = meta.facilitator;
  if (meta.authors) fm.authors = meta.authors;
  // `severity: high` in another tool's front matter: the format's scale, or kept as written and said when it is none of it.
  if (!('severity' in fm) && (typeof original.severity === 'string' || typeof original.severity === 'number') && !/^SEV[1-4]$/.test(String(original.severity))) {
    const written = String(original.severity);
    const line = keyLine?.('severity') ?? 0;
    const reading = readSeverity(written, severityScale);
    if (reading.how === 'none') log.flag('severity', line, `The front matter's "severity: ${written}" is not on the format's scale (SEV1 critical … SEV4 low) and was kept as written: lint will ask for one of SEV1–SEV4`);
    else saySeverity({ line, text: written, reading, where: "in the front matter" }, (w) => { fm.severity = w; }, log, severity.from);
  }
  if (meta.impact) fm.impact = meta.impact;
  for (const [k, v] of Object.entries(original)) if (!(k in fm) && v !== undefined) fm[k] = v instanceof Date ? v.toISOString() : v;
  // A review status needs the fields the schema asks for at that status; without them the
  // converted file starts as a draft, and the original status stays in the notes.
  const needed = ['id', 'severity', 'started_at', 'detected_at', 'mitigated_at', 'resolved_at', 'facilitator', ...(fm.status === 'published' ? ['published_at'] : [])];
  // A derived start is a guess to review: it does not make the original's review status hold.
  const missing = needed.filter((k) => fm[k] === undefined || (k === 'started_at' && derivedStart)).map((k) => (k === 'started_at' && derivedStart ? 'started_at (only derived from the timeline)' : k));
  // A SEV1/SEV2 review needs its users affected and downtime too (the schema; trial17c F17: the list left impact out, lint then asked for it).
  if (fm.severity === 'SEV1' || fm.severity === 'SEV2') {
    const impact = typeof fm.impact === 'object' && fm.impact !== null && !Array.isArray(fm.impact) ? (fm.impact as Record<string, unknown>) : undefined;
    const lacking = (['users_affected', 'downtime_minutes'] as const).filter((k) => impact?.[k] === undefined);
    if (!impact) missing.push('impact (users_affected, downtime_minutes)');
    else for (const k of lacking) missing.push(`impact.${k}`);
  }
  if (fm.status === 'published' && missing.length) {
    // A review the original calls final stays published (trial U17: as a draft, every old review
    // read as overdue); what the format asks of a published one and the original lacks is said.
    const why = statedStatus ? `The original's status is ${meta.statusFrom ? `"${meta.statusFrom.text}"` : 'final'} (written as status: published)` : `Written as status: published (--status published; the original states no status)`;
    log.flagOnce('status', meta.statusFrom?.line ?? 0, `${why}, but ${missing.join(', ')} could not be read; fill them in (lint lists what a published post-mortem needs)`);
  } else if (fm.status !== 'draft' && missing.length) {
    log.flagOnce('status', meta.statusFrom?.line ?? 0, `The ${statedStatus ? 'original' : 'given (--status)'} status is "${fm.status}", but ${missing.join(', ')} could not be read; the converted file starts as a draft`, 'info');
    fm.status = 'draft';
  }
  return fm;
}

/** "lines 12, 14 and 20" / "line 12": where the times are, for the note in the converted file. */
function linesOf(times: readonly ProseTime[]): string {
  const numbers = [...new Set(times.map((t) => t.line + 1))];
  const listed = numbers.slice(0, 5);
  if (numbers.length === 1) return `line ${listed[0]}`;
  const more = numbers.length > listed.length ? `, … (${numbers.length} lines in all)` : '';
  return more ? `lines ${listed.join(', ')}${more}` : `lines ${listed.slice(0, -1).join(', ')} and ${listed[listed.length - 1]}`;
}

/** The incident's date as the day a year-less due date takes its year from (actions/dueYear.ts), as lint takes it from `started_at`. */
/**
 * Without an incident date, the year of `bis 15.03.` comes from the earliest timeline entry (its UTC
 * day): the Timeline is converted before the Action items, and a follow-up is due after it.
 */
function earliestEntryDay(entries: readonly SeenEntry[]): DueAnchor | undefined {
  let first: number | undefined;
  for (const e of entries) if (first === undefined || e.ms < first) first = e.ms;
  return first === undefined ? undefined : { day: new Date(first).toISOString().slice(0, 10), name: 'the earliest timeline entry' };
}

function dueAnchorOf(date: LooseDate | undefined): DueAnchor | undefined {
  if (!date) return undefined;
  return { day: `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`, name: 'the incident date' };
}
