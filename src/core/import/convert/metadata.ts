import { sayOutOfSeason } from './outOfSeason';
import { sayStrayMeridiem } from './strayMeridiem';
import { LOCAL_TIME_ADVICE, localTimeIssueFact, isValidTimeZone, localTimeIssue, zonedToUtc, formatIsoUtc, ZONE_ABBREVIATIONS, offsetText } from '../../time/zones';
import type { AbbreviationReadings } from './abbreviationReading';
import { readLeadingStamp, type LooseDate } from './stamps';
import type { ConvertLog, SourceLine } from './model';
import { isJsSpace, trimEndWhile } from '../../text/trimChars';
import { isPointerOnly as isReference, unlinked } from './links';

/** Front-matter values found in `**Label:** value` lines, metadata tables and key-event lists. */
export interface FoundMeta {
  title?: string;
  /** The line `title` was read from. */
  titleLine?: number;
  status?: string;
  /** The status line of the original, and whether it named a review status. */
  statusFrom?: { line: number; text: string; read: boolean };
  severity?: string;
  authors?: string[];
  facilitator?: string;
  /** "Incident commander: Ana Souza": who led the response, kept as written (no key of the format names that role) and said. */
  commander?: { line: number; text: string; name: string };
  services?: string[];
  date?: LooseDate;
  /** The `Date:` / `Date/time:` / `Incident date:` line `date` was read from: its label and value as written. */
  dateFrom?: { line: number; label: string; text: string };
  /** How a started_at the original does not state was derived (an entry, a sentence), for the Date-field check (startOffDate.ts). */
  startDerivedFrom?: { line: number; what: string };
  /** Where a started_at the original states was read (a `Start:` field, another tool's `start_time:`), for the check against its text (startOffDate.ts). */
  startStatedFrom?: { line: number; label: string; clockInZone: boolean; written?: string };
  /**
   * The date, as written, of the earliest key event read, in the order of the incident (started,
   * detected, mitigated, resolved; "First detected 2023-06-06 10:26"): the day of time-only entries.
   * Not the first line read: a `Resolved` above an unread `Reported` dated every entry a day late
   * (trial18c F1/F8). By meaning, not by instant: a mistyped year ("Incident declared 2020-06-09"
   * below "First detected 2021-06-09") does not date the incident. Set by settleCreated.
   */
  firstTimeDate?: LooseDate;
  /** The date each of `times` was written on. */
  timeDates?: Partial<Record<TimeField, LooseDate>>;
  /**
   * `Created: Dec 3, 2026 at 11:42 PM`: the incident's creation in an incident tool's export
   * (PagerDuty), or the page's in a wiki's (Notion). Read as detected_at only beside other incident
   * times (settleCreated); else said, not read.
   */
  created?: { label: string; value: string; src: SourceLine };
  /**
   * `Closed at: …` when no Resolved is given: resolved_at unless the timeline marks the end (an
   * entry "Incident resolved"), said either way with what Closed means in which tool (settleClosed).
   */
  closed?: { iso: string; label: string; line: number };
  times: Partial<Record<'started_at' | 'detected_at' | 'mitigated_at' | 'resolved_at', string>>;
  /**
   * Incident times written but not readable ("First detected 22025-03-18 09:36", "2023-01-04 (Time
   * TBC)"): reported as not read, and their field is not filled from a later, different event.
   */
  /** How the severity was written and read (`**Severity:** Major (High Impact)`), said unless it was SEV1–SEV4 as written. */
  severityFrom?: { line: number; text: string; reading: SeverityReading; where?: string };
  /** `**Incident:** [#12345](https://…)`: a ticket reference, not a title; kept as text and said in a note (trial T15). */
  referenceLines?: { line: number; text: string }[];
  /** The label each of `times` was read from ("Reported at"), for messages. */
  timeLabels?: Partial<Record<TimeField, string>>;
  /** The line each of `times` was read from, for messages. */
  timeLines?: Partial<Record<'started_at' | 'detected_at' | 'mitigated_at' | 'resolved_at', number>>;
  unreadTimes?: { line: number; text: string; why: string; field: Field }[];
  /** The front matter's `impact`: the original's, with the Summary's downtime and the Impact table's numbers it lacks. */
  impact?: Record<string, unknown>;
}

type TimeField = 'started_at' | 'detected_at' | 'mitigated_at' | 'resolved_at';
type Field = 'created' | 'date' | 'status' | 'severity' | 'authors' | 'facilitator' | 'commander' | 'services' | 'started_at' | 'detected_at' | 'mitigated_at' | 'resolved_at' | 'title';

const LABELS: [RegExp, Field][] = [
  [/^(?:incident\s+)?date(?:\s?\/\s?time)?$|^(?:日付|発生日|発生日時|datum|fecha|data)$/i, 'date'],
  [/^(?:status|ステータス|statut|estado)$/i, 'status'],
  [/^(?:severity|sev|priority|impact level|level|重大度|深刻度|schweregrad|sévérité|gravité|severidad|gravidade|severidade)$/i, 'severity'],
  [/^(?:owners?|authors?|written by|prepared by|document owners?|作成者|担当者|autor(?:en|es)?|auteurs?)$/i, 'authors'],
  [/^facilitator$/i, 'facilitator'],
  // The one who ran the response, not the review: the format's facilitator "facilitates the review" (schema), so not that key (trial18c F14).
  [/^(?:incident commander|ic|incident lead|incident manager)$/i, 'commander'],
  [/^(?:services?|affected services?|components?|affected components?|systems? affected)$/i, 'services'],
  [/^(?:start(?:ed)?|start time|began|incident start|impact start(?:ed)?|fault occurs|first (?:impact|occurred)|発生|発生時刻|開始|beginn|début|inicio|início)(?: at| time)?$/i, 'started_at'],
  // Incident tools' names for the moment the incident was known: PagerDuty's Triggered and
  // Acknowledged, incident.io's Reported, Accepted and Declared (trial18c F8).
  [/^(?:detected|first detected|fault detected|team aware|detection|detection time|incident declared|declared|alerted|reported|incident reported|accepted|acknowledged|triggered|検知|検知日時|erkannt|détecté|detectado)(?: at| time| on)?$/i, 'detected_at'],
  // "Repaired declared" (MoJ's key events, trial18c F7): the repair, declared.
  [/^(?:mitigated|mitigation|mitigation time|repaired|time of repair)(?: declared)?(?: at| time)?$/i, 'mitigated_at'],
  [/^(?:created|incident created)(?: at| on| time)?$/i, 'created'],
  [/^(?:resolved|resolution time|end(?:ed)?|end time|incident end|recovered|fixed|解決|復旧|復旧時刻|behoben|résolu|resuelto|resolvido)(?: at| time)?$/i, 'resolved_at'],
  [/^(?:title|incident|incident name)$/i, 'title'],
];

export function metadataField(label: string): Field | undefined {
  const clean = trimEndWhile(label.replace(/[*_`]/g, ''), (c) => c === ':' || isJsSpace(c)).trim();
  return LABELS.find(([re]) => re.test(clean))?.[1];
}

// These patterns are linear (recheck proves it; see test/unit/robustness/regexAudit.test.ts): the
// value starts at a non-space (`\s*(\S.*)`) and the label ends at a letter, so no two runs can
// share the spaces of a line between them.
/** `**Label:** value`, `- **Label**: value`, `Label: value` (known labels only). */
export const LABEL_LINE = /^\s*(?:[-*+]\s+)?(?:\*\*|__)([^*_]{1,40}?)(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:)\s*((?:\S.*)?)$/;
/**
 * `*Status:* Closed`, `_Priority_: Major`: a label in italics (Jira's `*bold*` pasted into Markdown,
 * trial17c F11), read for known labels only — an italic `*Note:*` is emphasis. One delimiter, the
 * same on both sides; the label starts at a non-space, so `* Status: x` stays a plain list item.
 */
const ITALIC_LABEL_LINE = /^\s*(?:[-*+]\s+)?(?:\*([^*_\s][^*_]{0,39}?)(?::\s*\*|\*\s*:)|_([^*_\s][^*_]{0,39}?)(?::\s*_|_\s*:))\s*((?:\S.*)?)$/;
/** `Label:`: a label of letters and spaces (2–31 characters up to its last letter), then a colon; the value is read by hand. */
const PLAIN_LABEL = /^\s*(?:[-*+]\s+)?([A-Za-z](?:[A-Za-z ]*[A-Za-z])?)(\s*):/;
/** Key-event list items without a colon: "- First detected 2020-08-14 10:43". */
const EVENT_LINE = /^\s*[-*+]\s+((?:first\s+)?detected|fault occurs|fault detected|team aware|incident declared|resolved|started|mitigated|repaired)\s{1,3}(?=\d)(.+)$/i;

/** A bold label alone on its line, as a list item or not: "- **Key events**", "**Timeline:**". */
const BARE_LABEL_LINE = /^\s*(?:[-*+]\s+)?(?:\*\*|__)([^*_]{1,40}?)(?::\s*)?(?:\*\*|__)\s*(?::\s*)?$/;

/** A line break: the characters `.` does not match. */
const isLineBreak = (c: string) => c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029';

/**
 * The value after a plain label's colon, as `\s+(.+)$` read it: white space first (line breaks
 * included), then at least one character, and no line break after the last non-space.
 */
function plainValue(rest: string): string | undefined {
  if (rest.length < 2 || !isJsSpace(rest[0])) return undefined;
  let lastBreak = -1;
  for (let i = 0; i < rest.length; i++) if (isLineBreak(rest[i])) lastBreak = i;
  if (lastBreak === rest.length - 1) return undefined;
  for (let i = 0; i < lastBreak; i++) if (!isJsSpace(rest[i])) return undefined;
  return rest;
}

/** A plain `Label: value` line's label and value; a one-letter label needs a space after it ("A : x"). */
function plainLabelLine(text: string): { label: string; value: string } | undefined {
  const p = PLAIN_LABEL.exec(text);
  if (!p || p[1].length > 31 || (p[1].length < 2 && p[2][0] !== ' ')) return undefined;
  const value = plainValue(text.slice(p[0].length));
  return value === undefined ? undefined : { label: p[1], value };
}

export function labelOf(text: string): { label: string; value: string } | undefined {
  const bare = BARE_LABEL_LINE.exec(text);
  if (bare) return { label: bare[1].trim(), value: '' };
  const m = LABEL_LINE.exec(text) ?? EVENT_LINE.exec(text);
  if (m) return { label: m[1].trim(), value: m[2].trim() };
  const italic = ITALIC_LABEL_LINE.exec(text);
  if (italic && metadataField(italic[1] ?? italic[2])) return { label: (italic[1] ?? italic[2]).trim(), value: italic[3].trim() };
  const p = plainLabelLine(text);
  return p && metadataField(p.label) ? { label: p.label.trim(), value: p.value.trim() } : undefined;
}

/**
 * A labelled time convert does not read as an incident time: `- Identified: 2024-07-25 15:18`,
 * `**Closed at:** 2026-12-04 09:00 CHADT`, a label no field has, its value a date and time and
 * nothing more. For the report (trial18c F7: "Repaired declared: …" in a Key events list was passed over).
 */
export function unreadTimedLabel(text: string, reading: { dayFirst?: boolean }): { label: string; value: string } | undefined {
  if (text.length > 200) return undefined;
  const m = LABEL_LINE.exec(text);
  const italic = m ? null : ITALIC_LABEL_LINE.exec(text);
  const plain = m || italic ? undefined : plainLabelLine(text);
  const found = m ? { label: m[1], value: m[2] } : italic ? { label: italic[1] ?? italic[2], value: italic[3] } : plain;
  if (!found || metadataField(found.label) || DOCUMENT_TIME.test(found.label.replace(/[*_`]/g, '').trim())) return undefined;
  const value = found.value.replace(/[*_`]/g, '').trim();
  const stamp = readLeadingStamp(value, { dayFirst: reading.dayFirst });
  if (!stamp?.date || stamp.hour === undefined || stamp.end < value.length - 3) return undefined;
  return { label: found.label.replace(/[*_`]/g, '').trim(), value };
}

/** Times of the document, not the incident: "Last updated", "Last edited time" (Notion), "Published", "Review meeting". */
const DOCUMENT_TIME = /^(?:last\s)?(?:updated|edited|modified|published|exported|generated|printed|reviewed|approved)\b|^last\s(?:update|edit|change)|\b(?:review|meeting|retro|retrospective|post-?mortem)\b/i;

/** "Status:Published Owners: …" (a wiki export): the one label read without a space after its colon. */
export function gluedStatusLine(text: string): { label: string; value: string } | undefined {
  const m = /^\s{0,3}(?:[-*+]\s)?(status):(?=\p{L})/iu.exec(text);
  return m ? { label: m[1], value: text.slice(m[0].length).trim() } : undefined;
}

/**
 * A level the value gives on a numbered scale: `SEV2`, `Sev 2`, `S2` (GitLab's S1 critical … S4
 * low), `P2` (a priority), `Level 2`, `2` alone; `P0`/`SEV0`, the top of a scale that starts at zero,
 * is the format's SEV1. A word (`Major`, `High`) is no level here: see readSeverity.
 */
export function severityOf(value: string): string | undefined {
  const v = value.replace(/[*_`]/g, '').trim();
  const n = /^(?:sev(?:erity)?\s*(?:-\s*)?|s|p|level\s*)([1-4])\b/i.exec(v) ?? /^([1-4])$/.exec(v);
  if (n) return `SEV${n[1]}`;
  if (/^(?:sev(?:erity)?\s*(?:-\s*)?|p)0\b/i.test(v)) return 'SEV1';
  return undefined;
}

/** Words teams use for a severity. Which level each is differs by scale (Jira's Major is the third of five): never mapped unless stated or given. */
const SEVERITY_WORD = /^(?:critical|blocker|major|high|minor|medium|moderate|low|trivial|urgent|severe|normal|emergency)$/i;
/** A level written beside the word: "Major (SEV2)", "High / P1", "Critical - S1". */
const LEVEL_BESIDE = /(?:^|[\s(\[,;/\u2013\u2014-])((?:sev(?:erity)?\s?-?\s?|p|s)[0-4])(?![\p{L}\p{N}])/iu;

/**
 * How a written severity reads on the format's scale (SEV1–SEV4, docs/format.md):
 * - `level`: SEV1–SEV4 as written; `numbered`: another numbered scale (severityOf), said;
 * - `stated`: a word the original gives its level beside ("Major (SEV2)"); `given`: a word the
 *   conversion was given a level for (`--severity-scale Major=SEV2`), said;
 * - `word`: a severity word with no level stated or given: kept as written and reported, never
 *   mapped by a guess (trial18c F4: "Major" was SEV2 here, the third of five in Jira);
 * - `none`: no level and no severity word.
 */
export type SeverityReading =
  | { readonly how: 'level' | 'numbered'; readonly level: string }
  | { readonly how: 'stated' | 'given'; readonly level: string; readonly word: string }
  | { readonly how: 'word'; readonly word: string }
  | { readonly how: 'none' };

export function readSeverity(value: string, scale?: Readonly<Record<string, string>>): SeverityReading {
  const v = value.replace(/[*_`]/g, '').trim();
  const level = severityOf(v);
  if (level) return { how: /^sev-?\s?[1-4]$/i.test(v) ? 'level' : 'numbered', level };
  const word = /^\p{L}[\p{L}-]{0,30}/u.exec(v)?.[0];
  if (!word) return { how: 'none' };
  const beside = LEVEL_BESIDE.exec(v.slice(word.length, word.length + 80));
  const stated = beside ? severityOf(beside[1]) : undefined;
  if (stated) return { how: 'stated', level: stated, word };
  const given = scale ? Object.entries(scale).find(([k]) => k.toLowerCase() === word.toLowerCase())?.[1] : undefined;
  if (given) return { how: 'given', level: given, word };
  return SEVERITY_WORD.test(word) ? { how: 'word', word } : { how: 'none' };
}

/**
 * The review status an original states, in the format's words (trial U17: "Status: final" was
 * written as a draft, so a years-old published review read as overdue). "Resolved" is the
 * incident's state, not the review's: not read.
 */
export function statusOf(value: string): string | undefined {
  const v = value.replace(/[*_`]/g, '').trim().toLowerCase();
  if (/^(?:draft|wip|work in progress)\b/.test(v)) return 'draft';
  if (/^(?:in[- ]?review|under review|review|for review)\b/.test(v)) return 'in-review';
  if (/^(?:published|final|finali[sz]ed|complete|completed|closed|approved)\b/.test(v)) return 'published';
  return undefined;
}

/** Names from "Ana Lima, Ben Okoro and @cruz": links and @ kept as names. */
export function people(value: string): string[] {
  // Split on the separators alone and trim each name: `\s*` on both sides of the separator made the
  // split quadratic on a long run of spaces.
  return unlinked(value)
    .split(/,|;|\band\b|&|<br\s*\/?>/i)
    .map((p) => p.replace(/[*_`]/g, '').trim())
    .filter((p) => p.length > 0 && p.length < 60);
}

/** An incident time from a metadata value, as ISO UTC; flags a missing zone. */
export function timeOf(value: string, fallback: { date?: LooseDate; zone?: string; dayFirst?: boolean; abbreviations?: AbbreviationReadings }, log: ConvertLog, line: number): string | undefined {
  const s = readLeadingStamp(value.replace(/[*_`]/g, '').trim(), { dayFirst: fallback.dayFirst });
  const date = s?.date ?? fallback.date;
  if (!s || s.hour === undefined || !date) return undefined;
  sayStrayMeridiem(s.raw, line, log);
  let zone = s.zone ?? fallback.zone;
  if (!zone) {
    log.flagOnce('no-zone', line, 'Expected a time zone for the incident times (none is stated); read as UTC');
    zone = 'UTC';
  }
  const written = zone;
  zone = fallback.abbreviations?.zoneFor(zone) ?? zone;
  const local = { ...date, hour: s.hour, minute: s.minute ?? 0, second: 0 };
  // A time the DST change skips or repeats has no one UTC time: not taken (the caller reports it unread).
  const issue = localTimeIssue(local, zone === 'Z' ? 'UTC' : zone);
  if (issue) {
    log.flag('ambiguous-time', line, `${localTimeIssueFact(issue)}: not written to the front matter — ${LOCAL_TIME_ADVICE}`);
    return undefined;
  }
  const ms = zonedToUtc(local, zone === 'Z' ? 'UTC' : zone);
  if (ms !== undefined) fallback.abbreviations?.say(written, line);
  if (ms !== undefined) sayOutOfSeason(log, written, zone, ms, fallback.abbreviations?.region, line);
  return ms === undefined ? undefined : formatIsoUtc(ms);
}

/**
 * A title without the word for the document in front ("Incident Review: Database replication lag
 * …" → "Database replication lag …"): the format's `title` describes what happened to the system.
 * Only a prefix that is nothing but the document's kind, then a colon; "Flutter postmortem: …" or
 * "Incident on 2020-02-12 - …" stay as written. Undefined when there is nothing to strip.
 */
export function withoutDocumentPrefix(title: string): { title: string; prefix: string } | undefined {
  const m = /^((?:(?:post[- ]?incident|incident|outage|security incident|production incident)\s)?(?:review|report|post[- ]?mortem|retrospective|rca|pir|root cause analysis)|incident)\s?:\s?/i.exec(title);
  const rest = m ? title.slice(m[0].length).trim() : '';
  return m && /\p{L}/u.test(rest) ? { title: rest, prefix: m[1] } : undefined;
}

/** Reads one metadata line into `meta`; false when the label is not one we map. */
export function applyMetadata(meta: FoundMeta, label: string, value: string, src: SourceLine, ctx: { zone?: string; dayFirst?: boolean; abbreviations?: AbbreviationReadings; severityScale?: Readonly<Record<string, string>> }, log: ConvertLog): boolean {
  const field = metadataField(label);
  if (!field || !value) return false;
  switch (field) {
    case 'date': {
      const s = readLeadingStamp(value.replace(/[*_`]/g, '').trim(), { dayFirst: ctx.dayFirst });
      if (!s?.date) return false;
      if (s.date.ambiguous) log.flag('ambiguous-date', src.line, `"${s.raw}" could be day/month or month/day; read as ${s.date.year}-${s.date.month}-${s.date.day} (month first)`);
      meta.date = s.date;
      meta.dateFrom = { line: src.line, label: label.replace(/[*_`]/g, '').trim(), text: value.replace(/[*_`]/g, '').trim() };
      return true;
    }
    case 'status': {
      const status = statusOf(value);
      // The first status line wins; one that names no review status is said in the report.
      if (meta.status === undefined && meta.statusFrom === undefined) meta.statusFrom = { line: src.line, text: `${label.replace(/[*_`]/g, '').trim()}: ` + value.split(/<br\s?\/?>/i)[0].replace(/[*_`]/g, '').trim().slice(0, 60), read: status !== undefined };
      if (status && meta.status === undefined) meta.status = status;
      return status !== undefined;
    }
    case 'severity': {
      // The first severity line wins (a later one may be a table's or another section's).
      if (meta.severityFrom) return meta.severityFrom.reading.how !== 'none';
      const reading = readSeverity(value, ctx.severityScale);
      meta.severityFrom = { line: src.line, text: value.replace(/[*_`]/g, '').trim().slice(0, 60), reading };
      if (reading.how !== 'none' && reading.how !== 'word') meta.severity = reading.level;
      // A word is kept as written (the line stays where it is, as text) and said when the front matter is built.
      return reading.how !== 'none' && reading.how !== 'word';
    }
    case 'authors':
      meta.authors = people(value);
      return meta.authors.length > 0;
    case 'facilitator':
      meta.facilitator = people(value)[0];
      return meta.facilitator !== undefined;
    case 'commander': {
      const name = people(value)[0];
      if (name === undefined) return false;
      meta.commander ??= { line: src.line, text: `${label.replace(/[*_`:]/g, '').trim()}: ${value.replace(/[*_`]/g, '').trim()}`.slice(0, 120), name };
      return true;
    }
    case 'services':
      meta.services = people(value);
      return meta.services.length > 0;
    case 'created':
      // Settled once all labels are read (settleCreated): kept with the metadata either way.
      if (meta.created || !/\d/.test(value)) return false;
      meta.created = { label, value, src };
      return true;
    case 'title': {
      // "**Incident:** [#12345](https://gitlab.com/…)" names the incident's ticket, not what
      // happened (trial T15: the link became the title): kept as text where it is, and said.
      if (isReference(value)) {
        if ((meta.referenceLines ??= []).length < 100) meta.referenceLines.push({ line: src.line, text: src.text.trim().slice(0, 120) });
        return false;
      }
      meta.title = value.replace(/[*_`]/g, '').trim();
      meta.titleLine = src.line;
      return true;
    }
    default:
      return applyTime(meta, field, label, value, src, ctx, log);
  }
}

/** Labels an incident tool gives the moment it learnt of the incident: their reading as detected_at is said. */
const TOOL_DETECTION = /^(?:created|incident created|created time|reported|incident reported|accepted|acknowledged|triggered)(?: at| time| on)?$/i;

function applyTime(meta: FoundMeta, field: TimeField, label: string, value: string, src: SourceLine, ctx: { zone?: string; dayFirst?: boolean; abbreviations?: AbbreviationReadings }, log: ConvertLog, earlierWins = false): boolean {
  const iso = timeOf(value, { date: meta.date, zone: ctx.zone, dayFirst: ctx.dayFirst, abbreviations: ctx.abbreviations }, log, src.line);
  const written = readLeadingStamp(value.replace(/[*_`]/g, '').trim(), { dayFirst: ctx.dayFirst })?.date;
  // The first time given for a field wins ("First detected" before "Incident declared"), also
  // when it cannot be read: "Incident declared" is a later moment, not the detection. A
  // `Created` settled after the other labels wins when it is earlier (settleCreated).
  const unreadBefore = meta.unreadTimes?.some((u) => u.field === field) ?? false;
  const first = !unreadBefore && (!meta.times[field] || (earlierWins && iso !== undefined && iso < meta.times[field]!));
  if (iso && first) {
    meta.times[field] = iso;
    (meta.timeLines ??= {})[field] = src.line;
    (meta.timeLabels ??= {})[field] = label.replace(/[*_`:]/g, '').trim();
    if (written) (meta.timeDates ??= {})[field] = written;
    // Written in the document's zone, as its other times are.
    if (field === 'started_at') meta.startStatedFrom = { line: src.line, label: `"${label.replace(/[*_`:]/g, '').trim()}" field`, clockInZone: true, written: value.replace(/[*_`]/g, '').trim().slice(0, 60) };
  }
  if (!iso && /\d/.test(value) && (meta.unreadTimes ??= []).length < 1000) {
    const why = written ? 'a date without a time of day' : 'a time that could not be read';
    meta.unreadTimes.push({ line: src.line, text: src.text, why: `${why}${first ? `; ${field} is not taken from another line` : ''}`, field });
  }
  return iso !== undefined;
}

/**
 * After all metadata is read: a `Created` time is the incident's detection when the original gives
 * other incident times too (an incident tool's export: PagerDuty's Created, Acknowledged, Resolved);
 * alone it is the page's creation (a Notion property), said and not read. A detected_at read from
 * a tool's label (Created, Reported, Acknowledged) is said with the label. Then the day of the
 * earliest key event (`firstTimeDate`).
 */
export function settleCreated(meta: FoundMeta, ctx: { zone?: string; dayFirst?: boolean; abbreviations?: AbbreviationReadings }, log: ConvertLog): void {
  const c = meta.created;
  const others = Object.keys(meta.times).length > 0 || (meta.unreadTimes?.length ?? 0) > 0;
  if (c && others) applyTime(meta, 'detected_at', c.label, c.value, c.src, ctx, log, true);
  else if (c) log.notes.push({ line: c.src.line, message: `"${c.label.replace(/[*_`:]/g, '').trim()}: ${c.value.replace(/[*_`]/g, '').trim().slice(0, 60)}" was not read as an incident time: with no other incident time beside it, it may be when the page was created — if it is when the incident was detected, write detected_at` });
  const earliest = (['started_at', 'detected_at', 'mitigated_at', 'resolved_at'] as const).find((f) => meta.timeDates?.[f]);
  if (earliest) meta.firstTimeDate = meta.timeDates![earliest];
  const label = meta.timeLabels?.detected_at;
  if (meta.times.detected_at && label && TOOL_DETECTION.test(label)) {
    log.notes.push({ line: meta.timeLines?.detected_at ?? 0, message: `detected_at: ${meta.times.detected_at}, read from "${label}"${/^acknowledged/i.test(label) ? ' (when a responder acknowledged the page; an alert may have fired before)' : ' (when the incident tool recorded the incident)'}` });
  }
}

/** A labelled date and time no field reads as it stands (`**Closed at:** …`, `- Cause identified: …`), with its line. */
export interface TimedLabel {
  readonly label: string;
  readonly value: string;
  readonly src: SourceLine;
}

/**
 * Incident tools' Closed: incident.io's default lifecycle closes an incident when the response is
 * over; Rootly, Opsgenie and FireHydrant close it after it is resolved (once its review or follow-up
 * is done), possibly days later.
 */
const CLOSED_LABEL = /^(?:closed|incident closed|close|closure)(?: at| on| time)?$/i;
/**
 * FireHydrant's and Statuspage's Identified: when the problem was identified and corrective work
 * began, after the detection — no field of the format holds it. Some reviews write it for when the
 * incident was noticed.
 */
const IDENTIFIED_LABEL = /^(?:identified|cause identified|root cause identified|problem identified|issue identified)(?: at| on| time)?$/i;

const quotedLabel = (u: TimedLabel) => `"${u.label}: ${u.value.slice(0, 60)}"`;

/**
 * A `Closed` time, once every other label is read: the end of the incident (resolved_at) when the
 * original gives no Resolved, said with what Closed means in which tool; beside a Resolved it is
 * not read: after it, the close-out of the review (a note); before it, said as a warning, since in
 * incident.io a Resolved after Closed may be when the review was done.
 */
export function settleClosed(meta: FoundMeta, labels: TimedLabel[], ctx: { zone?: string; dayFirst?: boolean; abbreviations?: AbbreviationReadings }, log: ConvertLog): void {
  for (let k = 0; k < labels.length; k++) {
    const u = labels[k];
    if (!CLOSED_LABEL.test(u.label)) continue;
    const resolved = meta.times.resolved_at;
    const resolvedFrom = meta.timeLabels?.resolved_at;
    // A Resolved that could not be read blocks it, as it blocks later labels: the first end given wins.
    if (meta.unreadTimes?.some((t) => t.field === 'resolved_at')) continue;
    const closed = timeOf(u.value, { date: meta.date, zone: ctx.zone, dayFirst: ctx.dayFirst, abbreviations: ctx.abbreviations }, log, u.src.line);
    if (closed === undefined) continue;
    if (resolved === undefined) {
      // The end, unless the timeline marks one (an entry "Incident resolved"): settled with the front matter.
      meta.closed ??= { iso: closed, label: u.label, line: u.src.line };
    } else {
      if (closed >= resolved) {
        log.notes.push({ line: u.src.line, message: `${quotedLabel(u)} is kept as written, not read: it is after resolved_at (${resolved}${resolvedFrom ? `, from "${resolvedFrom}"` : ''}), as incident tools close an incident once it is resolved and its follow-up is done (Rootly, Opsgenie, FireHydrant); no field of the format holds it` });
      } else {
        log.flag('key-event-not-read', u.src.line, `${quotedLabel(u)} is before resolved_at (${resolved}${resolvedFrom ? `, from "${resolvedFrom}"` : ''}): in incident.io's lifecycle Closed ends the response, and a Resolved after it may be when the review was done; resolved_at was written from ${resolvedFrom ? `"${resolvedFrom}"` : 'the Resolved time'} — if the incident ended when it was closed, write resolved_at: ${closed}`);
      }
    }
    labels.splice(k--, 1);
  }
}

/**
 * The labelled times left (read by no field): an Identified after the detection is when the cause
 * was found (a note: no field holds it); otherwise, and for any other label, kept as written and
 * said as a warning — it may be a key event the format has a field for.
 */
export function sayUnreadTimedLabels(meta: FoundMeta, labels: readonly TimedLabel[], ctx: { zone?: string; dayFirst?: boolean; abbreviations?: AbbreviationReadings }, log: ConvertLog): void {
  const detected = meta.times.detected_at;
  const detectedFrom = meta.timeLabels?.detected_at;
  for (const u of labels) {
    if (IDENTIFIED_LABEL.test(u.label)) {
      const at = timeOf(u.value, { date: meta.date, zone: ctx.zone, dayFirst: ctx.dayFirst, abbreviations: ctx.abbreviations }, log, u.src.line);
      if (detected !== undefined && at !== undefined && at >= detected) {
        log.notes.push({ line: u.src.line, message: `${quotedLabel(u)} is kept as written, not read: after detected_at (${detected}${detectedFrom ? `, from "${detectedFrom}"` : ''}), it is when the problem was identified and the fix began (FireHydrant's and Statuspage's Identified), which no field of the format holds` });
        continue;
      }
      log.flag('key-event-not-read', u.src.line, `${quotedLabel(u)} is kept as written, not read: in FireHydrant and Statuspage Identified is when the cause was found, after the detection (no field of the format holds it), but some reviews write it for when the incident was noticed${detected !== undefined && at !== undefined ? `, and it is before detected_at (${detected})` : ''} — if it is the detection, write detected_at${at !== undefined ? `: ${at}` : ''}`);
      continue;
    }
    log.flag('key-event-not-read', u.src.line, `${quotedLabel(u)} is a time under a label convert does not read as an incident time: kept as written, not in the front matter — if it is the start, detection, mitigation or resolution, write it as started_at, detected_at, mitigated_at or resolved_at`);
  }
}

/** Abbreviations that name one region's clock: recorded as that region's zone ("All times PDT" → America/Los_Angeles). */
const REGION_OF_ABBREVIATION: Readonly<Record<string, string>> = {
  PST: 'America/Los_Angeles', PDT: 'America/Los_Angeles', EST: 'America/New_York', EDT: 'America/New_York',
  CST: 'America/Chicago', CDT: 'America/Chicago', MST: 'America/Denver', MDT: 'America/Denver',
  AKST: 'America/Anchorage', AKDT: 'America/Anchorage', CET: 'Europe/Berlin', CEST: 'Europe/Berlin',
  BST: 'Europe/London', JST: 'Asia/Tokyo', KST: 'Asia/Seoul', AEST: 'Australia/Sydney', AEDT: 'Australia/Sydney',
  MEZ: 'Europe/Berlin', MESZ: 'Europe/Berlin', NZST: 'Pacific/Auckland', NZDT: 'Pacific/Auckland', NST: 'America/St_Johns', NDT: 'America/St_Johns',
};

export function ianaOrUtc(zone: string | undefined): string {
  if (zone && zone.toUpperCase() in REGION_OF_ABBREVIATION) return REGION_OF_ABBREVIATION[zone.toUpperCase()];
  // Another abbreviation the times were read in ("02:33 IST" at +05:30): its offset, so the front
  // matter's zone is the one the times were read in, not UTC (trial 11 T4: `timezone: UTC` beside
  // "times read in IST").
  const fixed = zone && Object.hasOwn(ZONE_ABBREVIATIONS, zone.toUpperCase()) ? ZONE_ABBREVIATIONS[zone.toUpperCase()] : undefined;
  if (fixed !== undefined && fixed !== 0) return offsetText(fixed);
  // An offset the document states ("All times UTC+2") is a zone the format reads as such.
  if (zone && /^[+-]\d\d:\d\d$/.test(zone) && !/^[+-]00:00$/.test(zone)) return zone;
  return zone && isValidTimeZone(zone) && zone.includes('/') ? zone : 'UTC';
}
