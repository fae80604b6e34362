import { fenceInMessage } from '../text/fenceInMessage';
import { dueAnchorOfMeta } from '../actions/dueYear';
import { isValueUnreadProblem, valueShapes } from './frontMatterShapes';
import { findMermaidBlocks } from '../diagrams/blocks';
import { flattenDeepNesting, MAX_NESTING } from '../document/nesting';
import { parseFishbone } from '../diagrams/fishbone/parse';
import { hasRealCause } from '../diagrams/fishbone/placeholders';
import { dropOutOfOrder } from './milestoneOrder';
import { incidentDay } from './incidentDate';
import type { TimelineEntry } from '../document/model';
import { DEFAULT_SECTION_ALIASES, type SectionId } from '../document/sectionNames';
import { describeHidden, hiddenContent, hidesStructure } from '../document/hiddenContent';
import { commentsHidingStructure, describeCommentEnd, describeCommentHiding, type CommentHiding } from '../document/commentHiding';
import { scanHeadings, splitSections } from '../document/sections';
import { levelOneActionHeading, swallowedActionHeading } from '../document/swallowedHeading';
import { colonSlipHint } from '../frontMatter/colonSlip';
import { readFrontMatterData } from '../frontMatter/frontMatterData';
import { frontMatterFenceSlip } from '../frontMatter/fenceSlip';
import { frontMatterZone, scalar, stringList } from '../frontMatter/values';
import { atxHeading } from '../text/atxHeading';
import { LineIndex } from '../text/lineIndex';
import { instantProblem, parseInstant, unreadInstantReason } from '../time/instant';
import { timePlaceholder } from '../time/timePlaceholder';
import { isPlaceholderTime, placeholderReason } from '../time/plausibleTime';
import type { ZonelessTimes } from '../time/readAsUtcNote';
import { formatIsoUtc, isUtcZone, isValidTimeZone } from '../time/zones';
import { isStrictDateTime, looseTimeNote, spacedTimeNote, taggedTimeNote } from '../time/looseTimeNote';
import { readZoneName } from '../time/zoneName';
import { resolveTimeline } from '../timeline/resolve';
import { ownerKey } from '../actions/ownerKey';
import { actionShape } from '../actions/actionShaped';
import { actionItemsOfSection } from './actionLines';
import { hiddenTasksOfSection, type HiddenTask } from './hiddenTasks';
import { describeUntaken, MAY_HOLD_BOX, mistypedItemAt, type UntakenItem } from './untakenItems';
import type { DiagramLocation, IndexedActionItem, Milestones, PostmortemSummary, SummarySection } from './summary';
import { proseOfSection } from './proseLines';
import { isFeedbackUnreadProblem, readReviewRatings } from './reviewRatings';
import { timelineOfSection } from './timelineLines';
import { describeUntakenEntry, type UntakenEntry } from './untakenEntries';

/** Enough of the Summary for a hover and for word statistics; a novel-length section is cut. */
const ABSTRACT_CHARS = 2_000;
const ROOT_CAUSE_CHARS = 4_000;

export interface SummaryOptions {
  readonly sectionAliases?: Readonly<Record<SectionId, readonly string[]>>;
  /** Zone for front-matter times written without one when the file has no valid `timezone`. */
  readonly timezone?: string;
}

/**
 * The one fast reader of a post-mortem: front matter (frontMatter/frontMatterData.ts), sections
 * (the parser's own section split), action items and timeline entries read from the lines of their
 * sections (sectionWalker: code fences, indented code and HTML blocks, comments included, are never
 * content), Mermaid diagram locations. No Markdown parse, so 2,000 files read in well under a second.
 * Never throws: whatever cannot be read becomes a problem and the rest is still returned.
 */
export function readSummary(text: string, options: SummaryOptions = {}): PostmortemSummary {
  try {
    return read(text, options);
  } catch (e) {
    return {
      timezone: 'UTC', milestones: {}, services: [], tags: [], factors: [], related: [], reviewRatings: [], owners: [], actionItems: [], timeline: [], sections: [],
      diagrams: [], rootCauseCategories: [], problems: [`${FILE_UNREAD}${(e as Error).message}`],
    };
  }
}

const UNKNOWN_ZONE = 'Unknown time zone ';
const UNREAD_TIME = 'Time not read: ';

const FRONT_MATTER_UNREAD = 'Front matter not read';

/** True for the summary problem of a front matter that is not valid YAML: none of its values were read. */
const REST_UNREAD = 'Not read after line ';

const HIDDEN_IN_COMMENT = 'Hidden in a comment, line ';
/** Comments that hide structure named one by one in the problems; the rest are counted in one. */
const NAMED_HIDING_COMMENTS = 5;
const STRAY_ITEMS = 'Not action items, line ';
const HIDDEN_ITEMS = 'Task items not read, line ';
const ENTRIES_UNREAD = 'Timeline entries not read, line ';

/** True for the note that lines of the Timeline written as entries are text or code to Markdown (`• 14:09Z …`): their times count nowhere. */
export function isUnreadEntriesProblem(problem: string): boolean {
  return problem.startsWith(ENTRIES_UNREAD);
}

/** True for the note that task lines in the Action items section sit in a quote or an HTML block (summary.hiddenActionItems). */
export function isHiddenItemsProblem(problem: string): boolean {
  return problem.startsWith(HIDDEN_ITEMS);
}

/** True for the note that task items with an owner or due date sit outside the Action items section (summary.strayActionItems). */
export function isStrayItemsProblem(problem: string): boolean {
  return problem.startsWith(STRAY_ITEMS);
}

/** True for the note that an HTML comment, ended by another comment's `-->` or hiding a heading, hides part of the post-mortem. */
export function isHiddenInCommentProblem(problem: string): boolean {
  return problem.startsWith(HIDDEN_IN_COMMENT);
}

/** True for the note that a code block or HTML comment never closed hides the rest of the file (its items, entries, sections). */
export function isRestUnreadProblem(problem: string): boolean {
  return problem.startsWith(REST_UNREAD);
}

export function isFrontMatterUnreadProblem(problem: string): boolean {
  return problem.startsWith(FRONT_MATTER_UNREAD);
}

const NOT_A_MAPPING = 'Front matter is not a YAML mapping (key: value lines)';
const FILE_UNREAD = 'Could not read this file: ';

/**
 * True for a problem that leaves something of the file unused — its front matter, a time, the rest
 * after an unclosed block, or all of it — as opposed to a note on how something was read. The
 * read-only commands (`list`, `metrics`, `actions`) print these and exit 1 (trial12 T10).
 */
export function isNotReadProblem(problem: string): boolean {
  return isFrontMatterUnreadProblem(problem) || isValueUnreadProblem(problem) || problem === NOT_A_MAPPING || isUnreadTimeProblem(problem) || isRestUnreadProblem(problem) || isHiddenInCommentProblem(problem) || isStrayItemsProblem(problem) || isHiddenItemsProblem(problem) || isFeedbackUnreadProblem(problem) || isUnreadEntriesProblem(problem) || problem.startsWith(FILE_UNREAD);
}

/** True for the summary problem of an unknown `timezone:` (a typo): its zone-less times were not read. */
export function isUnknownZoneProblem(problem: string): boolean {
  return problem.startsWith(UNKNOWN_ZONE);
}

/**
 * True for the summary problems that leave times unread: an unknown `timezone:`, or a local time
 * that does not exist or happens twice. The lists print them: their dates miss those times.
 */
export function isUnreadTimeProblem(problem: string): boolean {
  return isUnknownZoneProblem(problem) || problem.startsWith(UNREAD_TIME);
}

/** An unknown `timezone:` (a typo) leaves times without a zone unread: the metrics and lists say so. */
function unknownZoneProblem(written: unknown): string | undefined {
  if (typeof written !== 'string' || !written.trim()) return undefined;
  const name = readZoneName(written);
  if (name.kind !== 'unknown') return undefined;
  return `${UNKNOWN_ZONE}${JSON.stringify(written.trim())} in \`timezone\`: times written without a zone were not read${name.suggestion ? ` (did you mean ${name.suggestion}?)` : ''}`;
}

/** Each milestone and its front-matter key. */
export const MILESTONE_KEYS: readonly [keyof Milestones, string][] = [
  ['started', 'started_at'], ['detected', 'detected_at'], ['mitigated', 'mitigated_at'], ['resolved', 'resolved_at'], ['published', 'published_at'],
];

function read(text: string, options: SummaryOptions): PostmortemSummary {
  const lines = new LineIndex(text);
  const fm = readFrontMatterData(lines);
  // "not read": with one YAML error no value of the front matter is used (no date, no severity, no
  // status), as lint checks none of them then. The `yaml` package still returns a mapping for some
  // errors — with a key written twice, the last value — and using it printed a duration lint never
  // checked (trial12 T1: of two `started_at`, the later one made 2 h into 30 min).
  const problems = fm ? fm.problems.map((p) => `${FRONT_MATTER_UNREAD}, line ${p.range.start.line + 1}: ${p.message}${colonSlipHint(lines.lineText(p.range.start.line))}`) : [];
  // Only when the YAML was read: a front matter not read (an alias bomb) is not also "not a mapping".
  if (fm && !fm.data && fm.problems.length === 0 && fm.content.trim() !== '') problems.push(NOT_A_MAPPING);
  // A front matter meant but not read (its end line missing or mistyped, or not on line 1): say so, as for invalid YAML (trial13a F3).
  const slip = fm ? undefined : frontMatterFenceSlip(lines);
  if (slip) problems.push(`${FRONT_MATTER_UNREAD}, line ${slip.kind === 'late' ? slip.openLine + 1 : 1}: ${slip.message}`);
  const frontMatterRead = fm !== undefined && fm.problems.length === 0 && fm.data !== undefined;
  const meta = (frontMatterRead ? fm.data : undefined) ?? {};
  const shapes = frontMatterRead ? valueShapes(meta, fm.content) : undefined;
  if (shapes) for (const p of shapes.problems) problems.push(p);
  const bodyStart = fm ? fm.closeLine + 1 : 0;
  const { headings, openAtEnd, comments } = scanHeadings(lines, bodyStart, lines.lineCount);
  const aliases = options.sectionAliases ?? DEFAULT_SECTION_ALIASES;
  if (openAtEnd) {
    // Everything after it is its text, here as in GitHub: say what that hides (lint: document/unclosed-fence, document/unclosed-comment).
    const hidden = hiddenContent(lines, openAtEnd);
    if (hidesStructure(hidden)) problems.push(`${REST_UNREAD}${hidden.openLine + 1}: the ${hidden.kind} opened there with ${openerInMessage(hidden.kind, hidden.opener)} is never closed, so ${describeHidden(hidden)} after it are read as its text`);
  }
  // A comment that another comment's `-->` ends may hide a heading, items or entries (lint: document/comment-hides-content).
  const hidingComments = commentsHidingStructure(lines, comments, aliases);
  for (const hiding of hidingComments.slice(0, NAMED_HIDING_COMMENTS)) problems.push(`${HIDDEN_IN_COMMENT}${hiding.openLine + 1}: the HTML comment opened there ${describeCommentEnd(hiding)}, so ${describeCommentHiding(hiding)} ${hiding.headingCount + hiding.actionItems + hiding.timelineEntries === 1 ? 'is' : 'are'} read as its text`);
  if (hidingComments.length > NAMED_HIDING_COMMENTS) {
    const rest = hidingComments.slice(NAMED_HIDING_COMMENTS);
    problems.push(`${HIDDEN_IN_COMMENT}${rest[0].openLine + 1}: ${rest.length} more HTML comments from there on hide headings, action items or timeline entries (lint names each: document/comment-hides-content)`);
  }
  const sections = splitSections(lines, bodyStart, headings, aliases);

  const timezone = frontMatterZone(meta, options.timezone && isValidTimeZone(options.timezone) ? options.timezone : 'UTC');
  const zoneProblem = unknownZoneProblem(meta.timezone);
  const zoneProblemAt = zoneProblem ? problems.push(zoneProblem) - 1 : -1;
  const milestones: { -readonly [K in keyof Milestones]: Milestones[K] } = {};
  const zoneless: string[] = [];
  const zonelessKeys: string[] = [];
  let firstZoneless = 0;
  for (const [key, field] of MILESTONE_KEYS) {
    const parsed = parseInstant(meta[field], timezone);
    if (parsed === undefined) {
      // `resolved_at: TBD` or empty: not known yet. Not set, without a word while the status does not
      // require it (lint: an info); once it does, lint's error and a "not read" note (timePlaceholder).
      const placeholder = timePlaceholder(field, meta[field], meta.status);
      if (placeholder) {
        if (placeholder.required) problems.push(`${UNREAD_TIME}\`${field}\` holds ${placeholder.shown}, not a time; required once status is ${String(meta.status)}, which lint rejects (schema/format); not used`);
        continue;
      }
      // Written but not a time: lint rejects it (schema/format), the lists and metrics say they left it out (trial13a F2).
      const why = unreadInstantReason(meta[field], timezone);
      if (why) problems.push(`${UNREAD_TIME}\`${field}: ${shownValue(meta[field])}\`: ${why}, which lint rejects (schema/format); not used`);
      continue;
    }
    // A local time a DST change skips or repeats names no single instant: lint reports it as an
    // error, so the lists and metrics leave it out and say why instead of picking one (trial C3).
    // Also with the zone written on the value (`2026-04-05 02:30 Australia/Adelaide`): lint rejects that the same way.
    const unclear = instantProblem(meta[field], timezone);
    if (unclear) {
      problems.push(`${UNREAD_TIME}\`${field}\`: ${unclear}; not used`);
      continue;
    }
    // The Unix epoch's day or earlier is a time never set or a placeholder: lint flags it (time/implausible), nothing dates or times the incident by it (trial12 T9).
    if (isPlaceholderTime(parsed.ms)) {
      problems.push(`${UNREAD_TIME}\`${field}\` (${formatIsoUtc(parsed.ms)}) ${placeholderReason(parsed.ms)}, which lint flags (time/implausible); not used`);
      continue;
    }
    milestones[key] = parsed.ms;
    if (parsed.zone === undefined) zonelessKeys.push(field);
    // Read, though lint rejects it (schema/format): the lists and the metrics say so (trial T6).
    // Zone-less times read as UTC are said by the zone note where the writer's zone makes them doubtful (readAsUtc below).
    const written = meta[field];
    if (written instanceof Date) problems.push(taggedTimeNote(field, parsed.ms));
    const readAsUtcCase = parsed.zone === undefined && isUtcZone(timezone);
    if (typeof written === 'string' && !readAsUtcCase && !isStrictDateTime(written.trim())) {
      problems.push(looseTimeNote(field, written.trim(), parsed.ms, parsed.zone, timezone, typeof meta.timezone === 'string'));
    } else if (typeof written === 'string' && written !== written.trim() && isStrictDateTime(written.trim())) {
      // `resolved_at: |` + the time on the next line: the value keeps the block's line break, which lint rejects.
      problems.push(spacedTimeNote(field, parsed.ms));
    }
    if (parsed.zone !== undefined || !isUtcZone(timezone)) continue;
    if (zoneless.length === 0) firstZoneless = parsed.ms;
    zoneless.push(field);
  }
  // Zone-less times read as UTC: reports built on them say so (time/readAsUtcNote.ts).
  const readAsUtc: ZonelessTimes | undefined = zoneless.length
    ? { keys: zoneless, stated: typeof meta.timezone === 'string' && isUtcZone(meta.timezone), firstMs: firstZoneless }
    : undefined;

  const actionItems: IndexedActionItem[] = [];
  const hidden: HiddenTask[] = [];
  const untaken: UntakenItem[] = [];
  const stray: Stray = { count: 0, box: 0, lines: [], sections: [], besideSection: false };
  const mayHoldTasks = MAY_HOLD_BOX.test(text);
  const timeline: TimelineEntry[] = [];
  const untakenEntries: UntakenEntry[] = [];
  let abstract: string | undefined;
  let rootCause: string | undefined;
  const content = contentLines(lines, bodyStart);
  /** Task lines of the Action items section read as text because they nest past MAX_NESTING. */
  let nestedTooDeep: { count: number; first: number } | undefined;
  // The date a year-less due date ("due Dec 14") takes its year from (actions/dueYear.ts), as the parser reads it.
  const anchor = dueAnchorOfMeta(meta);
  for (const section of sections) {
    if (section.id === 'summary' && abstract === undefined) abstract = proseOfSection(lines, section.startLine, section.endLine, ABSTRACT_CHARS);
    if (section.id === 'root-cause' && rootCause === undefined) rootCause = proseOfSection(lines, section.startLine, section.endLine, ROOT_CAUSE_CHARS);
    // Item by item (never `push(...spread)`): a section may hold more items than a call has arguments.
    if (section.id === 'action-items') {
      for (const item of actionItemsOfSection(content, section.startLine, section.endLine, lines, anchor, untaken)) actionItems.push(item);
      // Only when the section holds a quote or a tag: most do not, and the walk is not repeated for them.
      if (/^[ \t]*[<>]/m.test(sectionText(lines, section))) for (const h of hiddenTasksOfSection(content, section.startLine, section.endLine)) hidden.push(h);
      if (content !== lines) nestedTooDeep = nestedTooDeep ?? tasksNestedTooDeep(content, lines, section);
    } else if (mayHoldTasks) addStrayTasks(stray, content, lines, section);
    if (section.id === 'timeline') {
      const raw = timelineOfSection(content, section.startLine, section.endLine, untakenEntries);
      for (const entry of resolveTimeline(raw, section.startLine, { timezone, startedAt: milestones.started })) timeline.push(entry);
    }
  }
  // A time lint rejects as out of order is not used: dates, durations and deadlines would rest on it.
  // After the timeline is read: its marked entries tell which value of a clash is the wrong one.
  for (const p of dropOutOfOrder(milestones, timeline, UNREAD_TIME)) problems.push(p);
  // The incident's date and month are then taken on another calendar than the one meant: say which (trial13a F20).
  // An unknown zone's calendar is UTC's (formatLocalDate), whatever name the summary keeps.
  const calendar = isValidTimeZone(timezone) ? timezone : 'UTC';
  const day = zoneProblemAt >= 0 ? incidentDay(milestones, calendar) : undefined;
  if (day !== undefined) {
    const name = readZoneName(String(meta.timezone));
    const meant = name.kind === 'unknown' ? name.suggestion : undefined;
    const dayMeant = meant && isValidTimeZone(meant) ? incidentDay(milestones, meant) : undefined;
    problems[zoneProblemAt] += `; the incident is dated by its ${calendar} day, ${day}${dayMeant && dayMeant !== day ? ` (in ${meant} it is ${dayMeant})` : ''}`;
  }

  // One spelling per person (`@alex`, `Alex`: ownerKey), the first written.
  const owners: string[] = [];
  const seen = new Set<string>();
  for (const item of actionItems) {
    if (item.owner && !seen.has(ownerKey(item.owner))) {
      seen.add(ownerKey(item.owner));
      owners.push(item.owner);
    }
  }
  const { diagrams, rootCauseCategories } = diagramsOf(text);
  // Built field by field in the order it always had (no spreads of `defined(…)`: on 2,000 files the
  // spreads cost more than some of the reading).
  const summary = {} as Mutable<PostmortemSummary>;
  const put = <K extends 'id' | 'title' | 'status' | 'severity' | 'incidentType' | 'resolvedAt' | 'abstract' | 'rootCause'>(key: K, value: string | undefined) => {
    if (value !== undefined) summary[key] = value;
  };
  put('id', shapes?.asWritten.id ?? scalar(meta.id));
  put('title', shapes?.asWritten.title ?? scalar(meta.title) ?? headings.find((h) => h.level === 1)?.title ?? bomHeading(lines.lineText(0)));
  put('status', shapes?.asWritten.status ?? scalar(meta.status));
  put('severity', shapes?.asWritten.severity ?? scalar(meta.severity));
  put('incidentType', shapes?.asWritten.incident_type ?? scalar(meta.incident_type));
  put('resolvedAt', milestones.resolved !== undefined ? formatIsoUtc(milestones.resolved) : undefined);
  put('abstract', abstract || undefined);
  put('rootCause', rootCause || undefined);
  summary.timezone = timezone;
  // A front matter not read names no zone, but "no `timezone:`" would be a second, wrong reason.
  if (frontMatterRead && !(typeof meta.timezone === 'string' && meta.timezone.trim())) summary.noTimezone = true;
  summary.milestones = milestones;
  summary.services = stringList(meta.services);
  summary.tags = stringList(meta.tags);
  summary.factors = stringList(meta.factors);
  summary.related = stringList(meta.related);
  const feedback = readReviewRatings(meta.review_feedback);
  summary.reviewRatings = feedback.ratings;
  for (const p of feedback.problems) problems.push(p);
  summary.owners = owners;
  summary.actionItems = actionItems;
  summary.timeline = timeline;
  summary.sections = sections.map(summarySection);
  summary.diagrams = diagrams;
  summary.rootCauseCategories = rootCauseCategories;
  stray.besideSection = sections.some((sec) => sec.id === 'action-items');
  if (stray.count) problems.push(strayProblem(stray, hiddenActionHeading(hidingComments), stray.besideSection ? undefined : swallowedActionHeading(lines, bodyStart, aliases), lines, stray.besideSection ? undefined : levelOneActionHeading(lines, bodyStart, aliases)?.line));
  if (hidden.length) problems.push(hiddenProblem(hidden));
  if (nestedTooDeep) problems.push(nestedTooDeepProblem(nestedTooDeep));
  if (untaken.length) problems.push(untakenProblem(untaken, content));
  if (untakenEntries.length) problems.push(untakenEntriesProblem(untakenEntries, content));
  const joined = actionItems.filter((i) => i.joinedTasks !== undefined);
  if (joined.length) problems.push(joinedProblem(joined));
  summary.problems = problems;
  if (stray.count) summary.strayActionItems = stray;
  if (hidden.length) {
    const quote = hidden.filter((h) => h.kind === 'quote').length;
    summary.hiddenActionItems = { count: hidden.length, quote, html: hidden.length - quote, lines: hidden.slice(0, NAMED_STRAY).map((h) => h.line) };
  }
  if (untaken.length) {
    const box = untaken.filter((u) => u.kind === 'box').length;
    const plain = untaken.filter((u) => u.kind === 'plain').length;
    summary.untakenActionItems = { count: untaken.length, box, plain, asText: untaken.length - box - plain, lines: untaken.slice(0, NAMED_STRAY).map((u) => u.line) };
  }
  if (readAsUtc) summary.readAsUtc = readAsUtc;
  if (zonelessKeys.length) summary.zonelessKeys = zonelessKeys;
  if (!fm) summary.noFrontMatter = true;
  return summary;
}

/** A front-matter value as the note quotes it: a string as written (cut when long), anything else as JSON. */
function shownValue(value: unknown): string {
  const text = typeof value === 'string' ? value.trim() : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Stray = { count: number; box: number; lines: number[]; sections: string[]; besideSection: boolean };

/** `Not action items, line 62: 2 task items with an owner or due date under "Response" (lines 62, 63) …`. */
function strayProblem(stray: Stray, hiddenHeadingLine: number | undefined, swallowedLine: number | undefined, lines: LineIndex, levelOneLine?: number): string {
  const many = stray.count !== 1;
  const where = stray.sections.map((t) => (t ? `"${t}"` : 'the top of the document')).join(', ');
  const lineList = `${many ? 'lines' : 'line'} ${stray.lines.map((l) => l + 1).join(', ')}${stray.count > stray.lines.length ? ', …' : ''}`;
  const outside = stray.besideSection ? 'outside the Action items section'
    : hiddenHeadingLine !== undefined ? `while the Action items heading (line ${hiddenHeadingLine + 1}) is inside an HTML comment`
      // "Action items" underlined right under a list item: its text, no heading (put a blank line before it).
      : swallowedLine !== undefined ? `while "${lines.lineText(swallowedLine).trim().slice(0, 80)}" (line ${swallowedLine + 1}), underlined, is no heading: with no blank line above it, it is the end of the list item or paragraph before it (put a blank line before it)`
      // `# Action items` (trial17a F9): sections are level-2 headings.
      : levelOneLine !== undefined ? `while "${lines.lineText(levelOneLine).trim().slice(0, 80)}" (line ${levelOneLine + 1}) is a level-1 heading: sections are level-2 headings, make it \`## Action items\``
      : 'and there is no Action items section';
  const boxes = stray.box === 0 ? '' : `; ${stray.box === stray.count ? (many ? 'all written' : 'written') : `${stray.box} of them written`} with a mistyped checkbox (\`[]\`, \`[ ]Text\`), which Markdown shows as text`;
  return `${STRAY_ITEMS}${stray.lines[0] + 1}: ${stray.count} task ${many ? 'items' : 'item'} with an owner or due date ${many ? 'are' : 'is'} under ${where} (${lineList}), ${outside}, so ${many ? 'they are' : 'it is'} not listed or counted as action items${boxes} (lint: actions/outside-section)`;
}

/** The line of the first Action items heading an HTML comment hides. */
function hiddenActionHeading(hidings: readonly CommentHiding[]): number | undefined {
  for (const h of hidings) for (const heading of h.headings) if (heading.id === 'action-items') return heading.line;
  return undefined;
}

/** `Task items not read, line 25: 1 task line in the Action items section is inside an HTML block (opened on line 24) …`. */
function hiddenProblem(hidden: readonly HiddenTask[]): string {
  const many = hidden.length !== 1;
  const where = (h: HiddenTask) => (h.kind === 'quote' ? `a block quote (line ${h.line + 1})` : h.htmlItem ? `an HTML list item, shown with no checkbox (line ${h.line + 1})` : `an HTML block opened on line ${h.openLine + 1} (line ${h.line + 1})`);
  const named = hidden.slice(0, NAMED_STRAY).map(where).join(', ');
  const fixes = [
    ...(hidden.some((h) => h.kind === 'quote') ? ['remove the `>` from a quoted one that is an action item of this incident'] : []),
    ...(hidden.some((h) => h.kind === 'html' && !h.htmlItem) ? ['put a blank line between the HTML and the task lines (Markdown reads every line up to the next blank one as raw HTML, shown as plain text)'] : []),
    ...(hidden.some((h) => h.htmlItem) ? ['write HTML list items as Markdown tasks, `- [ ] …`'] : []),
  ];
  return `${HIDDEN_ITEMS}${hidden[0].line + 1}: ${hidden.length} task ${many ? 'lines' : 'line'} in the Action items section ${many ? 'are' : 'is'} inside ${named}${hidden.length > NAMED_STRAY ? ', …' : ''}, so ${many ? 'they are' : 'it is'} not listed or counted as action items; ${fixes.join('; ')} (lint: actions/hidden-task)`;
}

/** A task line as written: its list marker, then a checkbox (the container prefix before it may be long: one pass, no backtracking). */
const TASK_LINE = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)+\[[ xX]\]/;

/**
 * The section's task lines whose list marker the full parser does not see (nested past MAX_NESTING:
 * contentLines made it a space): `actions`, `list` and `metrics` counted 64 items and exited 0 while
 * lint warned (trial 15a F1). Only lines the flattening changed are looked at.
 */
function tasksNestedTooDeep(content: LineIndex, lines: LineIndex, section: { readonly startLine: number; readonly endLine: number }): { count: number; first: number } | undefined {
  let count = 0;
  let first = -1;
  for (let l = section.startLine; l < section.endLine && l < lines.lineCount; l++) {
    const written = lines.lineText(l);
    const read = content.lineText(l);
    if (read === written || !TASK_LINE.test(written) || TASK_LINE.test(read)) continue;
    if (count === 0) first = l;
    count++;
  }
  return count ? { count, first } : undefined;
}

function nestedTooDeepProblem({ count, first }: { count: number; first: number }): string {
  const many = count !== 1;
  return `${HIDDEN_ITEMS}${first + 1}: ${count} task ${many ? 'lines' : 'line'} in the Action items section ${many ? 'are' : 'is'} nested more than ${MAX_NESTING} levels deep, so ${many ? 'they are' : 'it is'} read as text of the item above, not listed or counted as action items; indent them less (lint: document/nesting-too-deep)`;
}

/** `Task items not read, line 23: 2 lines in the Action items section are written as plain bullets: a plain bullet with an owner (line 23), …`. */
/** `Task items not read, line 12: 3 tasks joined by <br> on one line …` (trial 15a F18). */
function joinedProblem(joined: readonly IndexedActionItem[]): string {
  const lost = joined.reduce((n, i) => n + i.joinedTasks! - 1, 0);
  const named = joined.slice(0, NAMED_STRAY).map((i) => `${i.joinedTasks} on line ${i.line + 1}`).join(', ');
  return `${HIDDEN_ITEMS}${joined[0]!.line + 1}: tasks joined by <br> on one line (${named}${joined.length > NAMED_STRAY ? ', …' : ''}): only the first of each line is read, so ${lost} ${lost === 1 ? 'task is' : 'tasks are'} not listed or counted; split them, one task per line (lint: actions/joined-tasks)`;
}

function untakenProblem(untaken: readonly UntakenItem[], lines: LineIndex): string {
  const many = untaken.length !== 1;
  const named = untaken.slice(0, NAMED_STRAY).map((u) => `${describeUntaken(u, lines)} (line ${u.line + 1})`).join(', ');
  // Plain bullets and mistyped boxes are list items; a look-alike bullet is text and an indented one code.
  const ways = [
    ...(untaken.some((u) => u.kind === 'box' || u.kind === 'plain') ? ['plain bullets'] : []),
    ...(untaken.some((u) => u.kind === 'text' || u.kind === 'folded') ? ['text'] : []),
    ...(untaken.some((u) => u.kind === 'code') ? ['code'] : []),
  ];
  const read = `as ${ways.length > 1 ? `${ways.slice(0, -1).join(', ')} or ${ways[ways.length - 1]}` : ways[0]}${ways[0] === 'plain bullets' ? '' : ', not list items'}`;
  return `${HIDDEN_ITEMS}${untaken[0].line + 1}: ${untaken.length} ${many ? 'lines' : 'line'} in the Action items section ${many ? 'are' : 'is'} meant as action items but Markdown reads ${many ? 'them' : 'it'} ${read} — ${named}${untaken.length > NAMED_STRAY ? ', …' : ''} — so ${many ? 'they are' : 'it is'} not listed or counted; ${untaken.every((u) => u.kind === 'folded') ? 'put a blank line above each (after indented code: number it \`1.\`)' : `write each as a task, \`- [ ] What @owner due:YYYY-MM-DD\`${untaken.some((u) => u.kind === 'folded') ? ' (a task line read as text: put a blank line above it, or number it \`1.\` after indented code)' : ''}`} (lint: actions/not-a-task)`;
}

/** `Timeline entries not read, line 30: 1 line in the Timeline is written as an entry but Markdown reads it as text — …`. */
function untakenEntriesProblem(entries: readonly UntakenEntry[], lines: LineIndex): string {
  const many = entries.length !== 1;
  const named = entries.slice(0, NAMED_STRAY).map((e) => `${describeUntakenEntry(e, lines)} (line ${e.line + 1})`).join(', ');
  const milestones = [...new Set(entries.flatMap((e) => e.milestones))];
  const counted = milestones.length ? `${many ? 'their times' : 'its time'} and [${milestones.join('], [')}] count` : `${many ? 'their times count' : 'its time counts'}`;
  return `${ENTRIES_UNREAD}${entries[0].line + 1}: ${entries.length} ${many ? 'lines' : 'line'} in the Timeline ${many ? 'are written as entries' : 'is written as an entry'} but Markdown reads ${many ? 'them' : 'it'} as text or code, not list items — ${named}${entries.length > NAMED_STRAY ? ', …' : ''} — so ${counted} nowhere; ${entries.every((e) => e.kind === 'folded') ? 'put a blank line above each (after indented code: number it \`1.\`)' : `start each with \`- \` at the margin${entries.some((e) => e.kind === 'folded') ? ' (an entry read as more of a paragraph: put a blank line above it)' : ''}`} (lint: timeline/not-list-item)`;
}

/** The text of a section's lines. */
function sectionText(lines: LineIndex, section: { readonly startLine: number; readonly endLine: number }): string {
  const from = lines.lineStart(section.startLine);
  const to = section.endLine >= lines.lineCount ? lines.text.length : lines.lineStart(section.endLine);
  return lines.text.slice(from, to);
}

/** Lines and section titles of stray items kept for the messages, at most. */
const NAMED_STRAY = 5;

/**
 * The task items of a section other than Action items that name an owner or a due date, and the
 * lines with a mistyped box that do (`- [] Rotate keys @ana due:…`, which Markdown shows as text):
 * action items written in the wrong place (or under a heading a comment hides), which no list counts.
 */
function addStrayTasks(stray: Stray, content: LineIndex, lines: LineIndex, section: { readonly title: string; readonly headingLine: number; readonly startLine: number; readonly endLine: number }): void {
  // Most sections hold no task item: the raw text is looked at before the lines are walked.
  const from = lines.lineStart(section.startLine);
  const to = section.endLine >= lines.lineCount ? lines.text.length : lines.lineStart(section.endLine);
  if (!MAY_HOLD_BOX.test(lines.text.slice(from, to))) return;
  const untaken: UntakenItem[] = [];
  const found: number[] = [];
  for (const item of actionItemsOfSection(content, section.startLine, section.endLine, lines, undefined, untaken)) {
    if (item.form === 'task' && actionShape(item.text)) found.push(item.line);
  }
  let boxes = 0;
  for (const u of untaken) {
    // Only list items with a mistyped box: look-alike bullets and indented code are said under Action items only.
    if (u.kind !== 'box' || !mistypedItemAt(u.line, content.lineText(u.line))) continue;
    found.push(u.line);
    boxes++;
  }
  if (!found.length) return;
  // Tasks and mistyped boxes in the order written (two walks' results, each in order).
  if (boxes) found.sort((a, b) => a - b);
  stray.count += found.length;
  stray.box += boxes;
  for (const line of found) if (stray.lines.length < NAMED_STRAY) stray.lines.push(line);
  const title = section.headingLine < 0 ? '' : section.title.slice(0, 80);
  if (stray.sections.length < NAMED_STRAY && !stray.sections.includes(title)) stray.sections.push(title);
}

/**
 * The lines as the full parser reads the sections' Markdown: list and quote markers nested past
 * MAX_NESTING are spaces (document/nesting.ts, same length, so every line and column stays), and
 * the deeper items are text of the item above, as written — so `actions`, the tree and the metrics
 * count the items lint checks, and document/nesting-too-deep is the one place that says so (trial U10).
 */
function contentLines(lines: LineIndex, bodyStart: number): LineIndex {
  const from = lines.lineStart(bodyStart);
  const body = bodyStart === 0 ? lines.text : lines.text.slice(from);
  const flat = flattenDeepNesting(body);
  return flat === body ? lines : new LineIndex(lines.text.slice(0, from) + flat);
}

function summarySection(s: { readonly title: string; readonly id: SectionId | undefined; readonly headingLine: number; readonly startLine: number; readonly endLine: number }): SummarySection {
  const out = { title: s.title } as Mutable<SummarySection>;
  if (s.id) out.id = s.id;
  out.headingLine = s.headingLine;
  out.startLine = s.startLine;
  out.endLine = s.endLine;
  return out;
}

/** Mermaid blocks (a plain fence scan, only when the text names Mermaid) and the fishbones' categories with causes. */
function diagramsOf(text: string): { diagrams: DiagramLocation[]; rootCauseCategories: string[] } {
  if (!/mermaid/i.test(text)) return { diagrams: [], rootCauseCategories: [] };
  const diagrams: DiagramLocation[] = [];
  const categories = new Set<string>();
  for (const block of findMermaidBlocks(text)) {
    diagrams.push({ kind: block.kind, line: block.range.start.line, endLine: block.range.end.line });
    if (block.kind !== 'fishbone') continue;
    for (const c of parseFishbone(block.content).model.categories) if (hasRealCause(c)) categories.add(c.label);
  }
  return { diagrams, rootCauseCategories: [...categories] };
}

/** A `# Title` on a first line that starts with a BOM (the heading scanner does not see past the BOM). */
function bomHeading(first: string): string | undefined {
  if (first.charCodeAt(0) !== 0xfeff) return undefined;
  const heading = atxHeading(first.slice(1));
  return heading?.level === 1 && heading.title.trim() ? heading.title.trim() : undefined;
}

/**
 * The opener of an unclosed block as a note quotes it: a code fence by its length past ten
 * characters (fenceInMessage), as lint names it — a line of 3,000,000 backticks was quoted whole, 3 MB
 * on stderr and 6 MB in the metrics report (trial19b F8).
 */
function openerInMessage(kind: string, opener: string): string {
  if (kind !== 'code block') return opener;
  const said = fenceInMessage(opener);
  return said === opener ? opener : `a ${said}`;
}
