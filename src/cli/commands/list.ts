import { countOncePerIncident, ORDER_BY_INSTANT_NOTE, startsOnSeveralOffsets, startWithOffset, withoutTimezoneNotes, describeEntry, entryZoneNote, formatDuration, groupLibrary, isLooseTimeProblem, isNotReadProblem, LIBRARY_GROUPINGS, libraryEntries, libraryGrouping, type LibraryEntry, type LibraryGroup } from '../../core/api';
import { relative, resolve, sep } from 'node:path';
import { markdownText } from '../../core/text/markdownText';
import { formatIsoUtc } from '../../core/time/zones';
import { SEVERITIES } from '../../core/template/templateFile';
import { REVIEW_STATUSES } from '../../core/lint/reviewStatus';
import { oneOf, parseCommandArgs, parseNow, usageError } from '../args';
import { noteProcessZone, processZone } from '../processZone';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliCommand } from '../io';
import { GENERATED_MARK, linkBase, pageLink, writeIndexPage } from '../library/indexPage';
import { loadIndex } from '../library/loadIndex';
import { useColor } from '../nodeIo';
import { makeStyle, terminalSafe, type Style } from '../style';

const BY = LIBRARY_GROUPINGS.map((g) => g.id);
/** The schema's values (schemas/postmortem.schema.json), which `--status`/`--severity` are checked against. */
const STATUSES: readonly string[] = REVIEW_STATUSES;

export const LIST_HELP = `Usage: postmortem list [paths or globs…] [options]

Lists the post-mortems found (same file selection as \`postmortem lint\`), grouped, newest incident
first in each group (by the instant it started), with date (in the post-mortem's own zone), severity,
duration and open action items. When the post-mortems listed start on different UTC offsets, each
row shows its local start time and offset instead of the date alone (2026-12-05 20:00 UTC-03:30),
so the order reads right across zones. A post-mortem whose times have no zone and are read as UTC (no \`timezone:\`, or UTC) while
your zone (this process's, TZ included) is not UTC gets a note saying so; so does one without
started_at, dated by detected_at, mitigated_at or resolved_at instead. --format md writes a Markdown page to commit as the repository's index of post-mortems.
Its links are relative to the file --out names (to the working folder when the page goes to stdout).

Options:
  --by <${BY.join('|')}>   Grouping (default service). A post-mortem of two services or factors is listed under each.
  --status <s>, --severity <s>, --service <s>   Only post-mortems with this value (case-insensitive).
                          --status: ${STATUSES.join(', ')}; --severity: ${SEVERITIES.join(', ')} (or a value a
                          post-mortem found has); any other value is refused (exit 2).
  --text <words>          Only post-mortems whose id, title, summary, services, factors or tags hold every word.
  --format <text|json|md> Output format (default text). json: one object per group, paths as given;
                          startedAt is started_at (null when not written), datedAt the instant a
                          row is dated and ordered by and datedBy the key it comes from.
  --out <file.md>         With --format md: write the page to this file, its links relative to the
                          file's folder (a file there not written by this command is not replaced).
  --now <ISO date-time>   Take this as the current time (a time after it has not happened yet: not used).
  --all-markdown          Treat every Markdown file as a post-mortem.
  -h, --help              Show this help.

Examples:
  postmortem list --by factor
  postmortem list postmortems --by year --format md --out postmortems/README.md

Files that share an \`id\` are each listed, with a note naming them (copies of one incident when
they also share the start, which \`metrics\` counts once).

Exit codes: 0 listed (even when empty), 1 listed, but something of a post-mortem was not read or not
used (its front matter, a time after now or out of order, the rest after an unclosed block: stderr
names the file and why), or files share an id (the note names them), 2 usage or I/O errors (a file that could not be read is named on stderr and
not listed).
`;

const list: CliCommand = async (argv, io) => {
  const { values, positionals } = parseCommandArgs('list', argv, {
    by: { type: 'string' },
    status: { type: 'string' },
    severity: { type: 'string' },
    service: { type: 'string' },
    text: { type: 'string' },
    format: { type: 'string' },
    now: { type: 'string' },
    out: { type: 'string' },
    'all-markdown': { type: 'boolean' },
  });
  if (values.help) {
    io.out(LIST_HELP);
    return EXIT_OK;
  }
  const format = oneOf('list', values.format as string | undefined, ['text', 'json', 'md'] as const, 'text', '--format');
  const out = values.out === undefined ? undefined : resolve(io.cwd, String(values.out));
  if (out !== undefined && format !== 'md') throw usageError('list', `Expected --out with --format md (the page to write), found --format ${format}`);
  const grouping = libraryGrouping((values.by as string | undefined) ?? 'service');
  if (!grouping) throw usageError('list', `Expected --by to be one of ${BY.join(', ')}, found "${String(values.by)}"`);
  const loaded = await loadIndex('list', positionals, io, { allMarkdown: values['all-markdown'] === true, settings: ['globs', 'sectionAliases'] });
  if (!loaded) return EXIT_USAGE;
  const nowMs = parseNow(values.now as string | undefined, io.now, 'list').getTime();
  // Dates and durations built on zone-less times read as UTC while you write elsewhere: said per file.
  const writerZone = processZone().zone;
  // As of now: a time that has not happened yet is left out of the row and said (summaryAsOf).
  const entries = libraryEntries(loaded.index.entries(), nowMs, writerZone);
  // A filter value no post-mortem can have (`--severity SEV9`, `--status bogus`) is a typo, not an empty list.
  checkFilterValue('--status', values.status as string | undefined, STATUSES, entries.map((e) => e.summary.status));
  checkFilterValue('--severity', values.severity as string | undefined, SEVERITIES, entries.map((e) => e.summary.severity));
  const groups = groupLibrary(entries, grouping, {
    status: values.status as string | undefined,
    severity: values.severity as string | undefined,
    service: values.service as string | undefined,
    text: values.text as string | undefined,
  });
  const file = (e: LibraryEntry) => loaded.display.get(e.uri) ?? e.uri;
  // Files sharing an id are each listed, and said: copies of one incident, or incidents under one id (trial 14a F7).
  const sharedIdNotes = countOncePerIncident(entries, { uri: (e) => e.uri, id: (e) => e.summary.id, start: (e) => e.started, label: (uri) => loaded.display.get(uri) ?? uri }, 'list').notes.map((n) => n.message);
  noteProcessZone(io, 'list');
  // The library view's note, word for word: front matter not read, times not read, or read as UTC.
  const noteOf = (e: LibraryEntry) => entryZoneNote(e, writerZone)?.note;
  const shownEntries = new Set(groups.flatMap((g) => g.entries));
  const shown = shownEntries.size;
  // Rows on several UTC offsets: each shows its start with the offset, so the order by instant reads right (trial 14a F32).
  const withOffsets = startsOnSeveralOffsets([...shownEntries]);
  const dateOf = (e: LibraryEntry) => (withOffsets ? startWithOffset(e) : e.date);
  // Dated on the fallback zone's calendar for want of `timezone:`: said once, to a writer elsewhere than UTC (trial11 T14).
  const zoneNotes = withoutTimezoneNotes([...shownEntries].filter((e) => e.date !== undefined).map((e) => e.summary), writerZone);
  let pageNotWritten = false;
  if (format === 'json') io.out(`${JSON.stringify(groups.map((g) => ({ group: g.label, postmortems: g.entries.map((e) => toJson(e, file(e), noteOf(e))) })), null, 2)}\n`);
  else if (format === 'md') {
    const base = linkBase(io.cwd, out);
    const page = formatMarkdown(groups, grouping.label, (e) => pageLink(base, e.uri) ?? file(e), shown, noteOf, [...sharedIdNotes.map(markdownText), ...zoneNotes], dateOf, withOffsets);
    if (out === undefined) {
      io.out(page);
      io.err(`postmortem list: note: the page's links are relative to the working folder (${terminalSafe(io.cwd)}); to save the page elsewhere, write it with --out FILE, which makes them relative to FILE's folder\n`);
    } else {
      const written = writeIndexPage(out, page);
      const shownOut = terminalSafe(relative(io.cwd, out) || out);
      if (!written.ok) {
        io.err(`postmortem list: ${shownOut}: ${terminalSafe(written.message)}\n`);
        pageNotWritten = true;
      } else io.out(`Wrote ${shownOut}: ${shown} post-mortem${shown === 1 ? '' : 's'}, links relative to its folder.\n`);
    }
  }
  else io.out(formatText(groups, file, makeStyle(useColor()), shown, entries.length, noteOf, [...sharedIdNotes, ...zoneNotes], dateOf, withOffsets));
  // A typo in `timezone:` leaves the times without a zone unread: the row's date and duration are missing, say why.
  // Something not read or not used makes the run exit 1, as `lint` and `actions` do (trial12 T10).
  let notRead = false;
  for (const e of entries) {
    for (const p of e.summary.problems) {
      if (isNotReadProblem(p)) notRead = true;
      if (isNotReadProblem(p) || isLooseTimeProblem(p)) io.err(`note: ${terminalSafe(`${file(e)}: ${p}`)}\n`);
    }
  }
  if (format !== 'text') for (const n of sharedIdNotes) io.err(`note: ${terminalSafe(n)}\n`);
  return loaded.problems || pageNotWritten ? EXIT_USAGE : notRead || sharedIdNotes.length ? EXIT_PROBLEMS : EXIT_OK;
};

/**
 * `--status`/`--severity` take a value of the schema, or one a post-mortem found actually has (a team's
 * own `SEV0`), compared case-insensitively as the filter does; anything else is refused with the values.
 */
function checkFilterValue(option: string, value: string | undefined, known: readonly string[], found: readonly (string | undefined)[]): void {
  if (value === undefined || !value.trim()) return;
  const allowed = [...known];
  const key = (v: string) => v.trim().toLowerCase();
  if (found.some((f) => f !== undefined && key(f) === key(value))) return;
  // Named in the message: the schema's values and (a bounded few of) the others the post-mortems have.
  for (const f of found) if (allowed.length < known.length + 10 && f?.trim() && !allowed.some((a) => key(a) === key(f))) allowed.push(f.trim());
  if (allowed.some((a) => key(a) === key(value))) return;
  throw usageError('list', `Expected ${option} to be one of ${allowed.map((a) => terminalSafe(a)).join(', ')}, found "${terminalSafe(value)}"`);
}

function toJson(e: LibraryEntry, file: string, note: string | undefined) {
  const s = e.summary;
  return {
    file, id: s.id ?? null, title: e.label, status: s.status ?? null, severity: s.severity ?? null, date: e.date ?? null,
    // `started_at` only; the instant the list is ordered by is `datedAt`, the key it came from `datedBy`
    // (a review without started_at is dated by detected_at, …, resolved_at: trial16a F4).
    startedAt: s.milestones.started !== undefined ? formatIsoUtc(s.milestones.started) : null,
    datedAt: e.started !== undefined ? formatIsoUtc(e.started) : null, datedBy: e.datedBy ?? null,
    // The zone the date is on, and the `timezone:` written (null: none, so the date is `datedIn`'s: trial11 T14).
    datedIn: s.timezone, timezone: s.noTimezone ? null : s.timezone,
    durationMinutes: e.durationMs !== undefined ? Math.round(e.durationMs / 60_000) : null,
    services: s.services, factors: s.factors, tags: s.tags, related: s.related, openItems: e.openItems, doneItems: e.doneItems,
    notes: note ? [note] : [],
  };
}

function formatText(groups: readonly LibraryGroup[], file: (e: LibraryEntry) => string, style: Style, shown: number, total: number, noteOf: (e: LibraryEntry) => string | undefined, zoneNotes: readonly string[], dateOf: (e: LibraryEntry) => string | undefined, withOffsets: boolean): string {
  // The order first, as the page's header says it: the rows below it carry offsets.
  const out: string[] = withOffsets ? [style.dim(`(${ORDER_BY_INSTANT_NOTE})`)] : [];
  for (const group of groups) {
    if (out.length) out.push('');
    out.push(`${style.bold(terminalSafe(group.label))} ${style.dim(`(${group.entries.length})`)}`);
    for (const e of group.entries) {
      const head = [e.summary.id, e.label].filter(Boolean).map((x) => terminalSafe(x!)).join(' · ');
      out.push(`  ${head}  ${style.dim(terminalSafe(describeEntry(e, dateOf(e))))}`);
      out.push(`    ${style.dim(terminalSafe(file(e)))}`);
      const note = noteOf(e);
      if (note) out.push(`    note: ${terminalSafe(note)}`);
    }
  }
  if (out.length) out.push('');
  out.push(`${shown} post-mortem${shown === 1 ? '' : 's'}${shown !== total ? ` of ${total}` : ''}`);
  for (const note of zoneNotes) out.push(`note: ${terminalSafe(note)}`);
  return `${out.join('\n')}\n`;
}

/**
 * A relative path as a Markdown link destination: each segment percent-encoded whole, so `#` and `?`
 * in a file name stay part of it (encodeURI kept them: `f #frag?.md` linked to `f ` with a fragment,
 * trial19b F9), and `(`/`)` encoded so the destination cannot end early. `\` separates segments only
 * where it is the platform's separator; on POSIX it is a character of the name.
 */
export function linkPath(path: string): string {
  const segments = (sep === '\\' ? path.replace(/\\/g, '/') : path).split('/');
  return segments.map((s) => encodeURIComponent(s).replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'))).join('/');
}

/** A Markdown page: one table per group; user text escaped (markdownText) so a title shows as written and a `|` keeps its row. */
function formatMarkdown(groups: readonly LibraryGroup[], by: string, file: (e: LibraryEntry) => string, shown: number, noteOf: (e: LibraryEntry) => string | undefined, zoneNotes: readonly string[], dateOf: (e: LibraryEntry) => string | undefined, withOffsets: boolean): string {
  // Titles, services and ids are user text on a page teams commit: no raw HTML, no control bytes, one line.
  const cell = markdownText;
  const link = (e: LibraryEntry) => `[${cell(e.label)}](${linkPath(file(e))})`;
  const order = withOffsets ? ` ${ORDER_BY_INSTANT_NOTE.replace(/^n/, 'N')}.` : '';
  const out = [`# Post-mortems`, '', `${shown} post-mortem${shown === 1 ? '' : 's'}, by ${by.toLowerCase()}.${order} ${GENERATED_MARK}.`];
  for (const group of groups) {
    out.push('', `## ${cell(group.label)}`, '', '| Date | Id | Post-mortem | Severity | Status | Duration | Open items |', '|---|---|---|---|---|---|---|');
    for (const e of group.entries) {
      const s = e.summary;
      const duration = e.durationMs !== undefined ? formatDuration(e.durationMs) : '';
      out.push(`| ${dateOf(e) ?? ''} | ${cell(s.id ?? '')} | ${link(e)} | ${cell(s.severity ?? '')} | ${cell(s.status ?? '')} | ${duration} | ${e.openItems} |`);
    }
  }
  // Once per file, however many groups list it.
  const noted = [...new Set(groups.flatMap((g) => g.entries))].flatMap((e) => {
    const note = noteOf(e);
    return note ? [`- ${link(e)}: ${cell(note)}`] : [];
  });
  if (noted.length || zoneNotes.length) out.push('', '## Notes', '');
  for (const line of noted) out.push(line);
  for (const note of zoneNotes) out.push(`- ${note}.`);
  return `${out.join('\n')}\n`;
}

export default list;
