import { ownerLabel } from '../../core/actions/ownerLabel';
import { valueProblemKey } from '../../core/index/frontMatterShapes';
import { DEFAULT_CONFIG, isFrontMatterUnreadProblem, isOverdue, isRestUnreadProblem, isHiddenInCommentProblem, isStrayItemsProblem, isHiddenItemsProblem, plainLabel, WorkspaceIndex, type IndexedActionItem, type PostmortemSummary } from '../../core/api';
import { writerToday } from '../../core/time/writerZone';
import { dayProblem } from '../../core/time/dayProblem';
import { isPlaceholderOwner, shownPlaceholderOwner } from '../../core/actions/placeholders';
import { badOwnerNote } from '../../core/actions/ownerHandle';
import { tokenBelowNote } from '../../core/actions/continuation';
import { noteProcessZone, processZone } from '../processZone';
import { oneOf, parseCommandArgs, parseNow } from '../args';
import { reportConfigProblems } from '../configProblems';
import { collectPostmortems, reportReadProblems } from '../files/collect';
import { expandPaths } from '../files/expand';
import { findGitRoot } from '../files/roots';
import { EXIT_OK, EXIT_USAGE, type CliCommand, type CliIo } from '../io';
import { ownerKey } from '../../core/actions/ownerKey';
import { describeLookalikes, foldLookalikes, mixedScriptLookalikes } from '../../core/text/confusables';
import { useColor } from '../nodeIo';
import { makeStyle, shortLabel, terminalSafe, type Style } from '../style';

export const ACTIONS_HELP = `Usage: postmortem actions [paths or globs…] [options]

Lists the open action items of the post-mortems found (same file selection as \`postmortem lint\`),
grouped by post-mortem, with owner, due date and an OVERDUE marker. Reads only front matter and
action-item lines, so it is fast on thousands of files. A label longer than 200 characters is cut
with "…" and the count of characters left out (--format json keeps every one).

Options:
  --owner <name>          Only items of this owner (@name or name, case-insensitive). A placeholder
                          (TBD, @someone) is no one: its items show as "no owner".
  --overdue               Only items whose due date has passed.
  --format <text|json>    Output format (default text). json: one object per item, 1-based line.
  --now <ISO date-time>   Take this as the current time for "overdue".
  --all-markdown          Treat every Markdown file as a post-mortem.
  -h, --help              Show this help.

Examples:
  postmortem actions --owner @dana --overdue
  postmortem actions postmortems --format json > actions.json

Task items with an owner or a due date under another section are not action items: they are not
listed, the last line counts them and stderr names the file and lines. Beside an Action items
section (a "Follow-up checks" list under Response, say) that is a note and the exit code stays 0;
lint says each as an info (actions/outside-section). A post-mortem with no Action items section, or
one whose heading an HTML comment hides, had its action items not found: exit 1.

Exit codes: 0 listed (even when empty, and with the note above), 1 listed, but not all of a file
was: a code block or HTML comment never closed hides the items after it, an HTML comment ended by
another comment's \`-->\` hides a heading or items, its front matter is not valid YAML (its id and
title are not used), or task items with an owner or due date sit in a post-mortem without an Action
items section (stderr names the file and lines), 2 usage or I/O errors (a file that could not be
read, or holds NUL bytes, is named on stderr: its items are not listed). A .postmortemrc.json
problem in a setting this command does not use (a lint severity) is a warning on stderr only.
`;

/** Listed, but a file's items after an unclosed code block or HTML comment were not read. */
const EXIT_PARTLY_READ = 1;

const actions: CliCommand = async (argv, io) => {
  const { values, positionals } = parseCommandArgs('actions', argv, {
    owner: { type: 'string' },
    overdue: { type: 'boolean' },
    format: { type: 'string' },
    now: { type: 'string' },
    'all-markdown': { type: 'boolean' },
  });
  if (values.help) {
    io.out(ACTIONS_HELP);
    return EXIT_OK;
  }
  const format = oneOf('actions', values.format as string | undefined, ['text', 'json'] as const, 'text', '--format');
  // Today where the writer is (TZ): the date lint's actions/overdue, metrics and `done:` use.
  const today = writerToday(parseNow(values.now as string | undefined, io.now, 'actions').getTime(), processZone().zone);
  noteProcessZone(io, 'actions');
  const expansion = expandPaths(positionals, io.cwd);
  if (expansion.missing.length) {
    for (const m of expansion.missing) io.err(`postmortem actions: ${m}: no such file, folder or matching file\n`);
    return EXIT_USAGE;
  }
  const root = findGitRoot(io.cwd) ?? io.cwd;
  const collected = await collectPostmortems(expansion.files, { cwd: io.cwd, root, allMarkdown: values['all-markdown'] === true });
  // Only the file selection and section names matter here: a lint-severity typo is a warning.
  const configErrors = reportConfigProblems(io, 'actions', collected.configProblems, ['globs', 'sectionAliases']);
  const notRead = reportReadProblems(io, 'actions', collected);

  const index = new WorkspaceIndex();
  const display = new Map<string, string>();
  for (const f of collected.files) {
    // Each file with its own folder's section names (.postmortemrc.json is per file).
    index.set(f.path, f.text, { sectionAliases: (collected.configs.get(f.configKey) ?? DEFAULT_CONFIG).sectionAliases });
    display.set(f.path, f.display);
  }
  // `--owner TBD` matches no one (a placeholder owner is no owner): an empty list says why.
  if (typeof values.owner === 'string' && isPlaceholderOwner(values.owner)) {
    io.err(`postmortem actions: --owner ${terminalSafe(shortLabel(values.owner, SHORT_FIELD))} is a placeholder, not a person: items with it are listed as "no owner" (run without --owner to see them)\n`);
  }
  const items = index.openItems({
    ...(values.owner !== undefined ? { owner: values.owner as string } : {}),
    ...(values.overdue ? { overdueAt: today } : {}),
  });
  const rows = items.map(({ uri, summary, item }) => ({ file: display.get(uri) ?? uri, summary, item, overdue: isOverdue(item, today) }));
  // `--owner kim` and an item of `@kіm` (a Cyrillic і): another owner to every reader, but surely meant as Kim's (trial16a F1).
  if (typeof values.owner === 'string') lookalikeOwnerNotes(io, index, display, values.owner);
  // With --overdue the rows are the overdue ones: the footer says so, and how many are open besides.
  const openOnes = values.overdue ? index.openItems(values.owner !== undefined ? { owner: values.owner as string } : {}) : undefined;
  const overdueOnly = openOnes ? { open: openOnes.length, files: new Set(openOnes.map((o) => o.uri)).size } : undefined;
  // Task items with an owner or due date outside Action items (or under a heading a comment hides) are not listed: the footer counts them.
  let stray = 0;
  for (const f of collected.files) stray += index.get(f.path)?.strayActionItems?.count ?? 0;
  if (format === 'json') io.out(`${JSON.stringify(rows.map(toJson), null, 2)}\n`);
  else io.out(formatActions(rows, makeStyle(useColor()), collected.files.length, overdueOnly, typeof values.owner === 'string' ? values.owner : undefined, stray));
  // A code block or HTML comment never closed, or a comment ended by another's `-->`, hides what
  // follows; task items outside Action items are not listed: say which file, from which line.
  let partlyRead = false;
  for (const f of collected.files) {
    const summary = index.get(f.path);
    for (const p of summary?.problems ?? []) {
      // A front matter not read gives the file's items no id or title above them (trial12 T10: `list` said so, `actions` did not).
      if (isFrontMatterUnreadProblem(p)) {
        partlyRead = true;
        io.err(`postmortem actions: ${terminalSafe(`${f.display}: ${p}`)}: its id and title there are not used\n`);
      }
      // `id: 0042` (the number 42 to YAML) heads the file's items as written; a list where the id or
      // title goes, or a `timezone` that is no name (due dates are days in it), is not used (trial17a F7).
      const valueKey = valueProblemKey(p);
      if (valueKey === 'id' || valueKey === 'title' || valueKey === 'timezone') {
        partlyRead = true;
        io.err(`postmortem actions: ${terminalSafe(`${f.display}: ${p}`)}\n`);
        continue;
      }
      // Beside an Action items section, items kept elsewhere are a note: everything was read (lint: an info).
      if (isStrayItemsProblem(p) && summary?.strayActionItems?.besideSection) {
        io.err(`postmortem actions: note: ${terminalSafe(`${f.display}: ${p}`)}\n`);
        continue;
      }
      if (!isRestUnreadProblem(p) && !isHiddenInCommentProblem(p) && !isStrayItemsProblem(p) && !isHiddenItemsProblem(p)) continue;
      partlyRead = true;
      io.err(`postmortem actions: ${terminalSafe(`${f.display}: ${p}`)}${isRestUnreadProblem(p) ? ': its action items there are not listed' : ''}\n`);
    }
  }
  return notRead || configErrors ? EXIT_USAGE : partlyRead ? EXIT_PARTLY_READ : EXIT_OK;
};

interface Row {
  readonly file: string;
  readonly summary: PostmortemSummary;
  readonly item: IndexedActionItem;
  readonly overdue: boolean;
}

function toJson({ file, summary, item, overdue }: Row) {
  return {
    file, line: item.line + 1, postmortemId: summary.id ?? null, postmortemTitle: summary.title ?? null,
    description: item.description, text: item.text, owner: item.owner ?? null, invalidOwner: item.badOwner ?? null, placeholderOwner: item.placeholderOwner ?? null, due: item.due ?? null,
    invalidDue: item.badDue ?? null, unreadDue: item.dueUnread !== undefined ? { written: item.dueUnread, why: item.dueUnreadWhy ?? null } : null, dueYearFrom: item.dueYearFrom ?? null, overdue, struckOut: item.struck === true,
    priority: item.priority ?? null, ticket: item.ticket ?? null, group: item.group ?? null,
    // Written under the task line, where it is not read (1-based line, as `line`).
    ownerBelow: item.ownerBelow ? { written: item.ownerBelow.written, line: item.ownerBelow.line + 1 } : null,
    dueBelow: item.dueBelow ? { written: item.dueBelow.written, line: item.dueBelow.line + 1 } : null,
    ticketBelow: item.ticketBelow ? { written: item.ticketBelow.written, line: item.ticketBelow.line + 1 } : null,
  };
}

/** Characters of an owner, priority, ticket or unread due date shown, at most. */
const SHORT_FIELD = 80;

/**
 * `overdueOnly`: the rows are `--overdue`'s, out of `open` open items in `files` post-mortems (the same owner filter).
 * `owner`: the `--owner` given, named in the footer so "2 open action items" is not read as all of them.
 */
function formatActions(rows: readonly Row[], style: Style, fileCount: number, overdueOnly?: { readonly open: number; readonly files: number }, owner?: string, stray = 0): string {
  const out: string[] = [];
  let current: string | undefined;
  for (const row of rows) {
    if (row.file !== current) {
      if (current !== undefined) out.push('');
      current = row.file;
      const heading = terminalSafe(shortLabel([row.summary.id, row.summary.title].filter(Boolean).join(' · ')));
      out.push(`${style.underline(terminalSafe(row.file))}${heading ? `  ${style.bold(heading)}` : ''}`);
    }
    const { item } = row;
    const details = [
      item.owner ? terminalSafe(shortLabel(ownerLabel(item.owner), SHORT_FIELD))
        : style.yellow(item.placeholderOwner !== undefined ? `no owner (${terminalSafe(shownPlaceholderOwner(shortLabel(item.placeholderOwner, SHORT_FIELD)))} is a placeholder)`
          : item.badOwner !== undefined ? `no owner ("@${terminalSafe(shortLabel(item.badOwner, SHORT_FIELD))}"${badOwnerNote(item.badOwner)})`
            // `- [ ] Add alert` / `  owner @a`: said where it is, as lint's actions/missing-owner does.
            : `no owner${item.ownerBelow ? terminalSafe(tokenBelowNote(item.ownerBelow)) : ''}`),
      item.due ? `due ${item.due}${item.dueYearFrom ? ` (${item.dueYearFrom})` : ''}`
        : style.yellow(item.badDue !== undefined ? `invalid due date "${terminalSafe(shortLabel(item.badDue, SHORT_FIELD))}"${dayProblem(item.badDue) ? ` (${dayProblem(item.badDue)})` : ''}`
          : item.dueUnread !== undefined ? `due date not read ("${terminalSafe(shortLabel(item.dueUnread, SHORT_FIELD))}")` : `no due date${item.dueBelow ? terminalSafe(tokenBelowNote(item.dueBelow)) : ''}`),
      ...(item.priority ? [terminalSafe(shortLabel(item.priority, SHORT_FIELD))] : []),
      ...(item.ticket ? [terminalSafe(shortLabel(item.ticket, SHORT_FIELD))] : item.ticketBelow ? [style.yellow(`no ticket${terminalSafe(tokenBelowNote(item.ticketBelow))}`)] : []),
      // The label below drops the strike marks: say the strike, and that the open box counts (trial11 T10).
      ...(item.struck ? [style.yellow('struck out, still open')] : []),
      // `~~Done~~`, `Fertig?`: counted open, and said (trial13b F13, as lint's actions/unread-status).
      ...(item.statusUnread !== undefined ? [style.yellow(`status "${terminalSafe(shortLabel(item.statusUnread, SHORT_FIELD))}" not read, still open`)] : []),
    ];
    const marker = row.overdue ? `  ${style.red(style.bold('OVERDUE'))}` : '';
    out.push(`  ${style.dim(`${terminalSafe(row.file)}:${item.line + 1}`)}  ${terminalSafe(shortLabel(plainLabel(item.description || item.text)))}  ${style.dim(details.join('  '))}${marker}`);
  }
  const overdue = rows.filter((r) => r.overdue).length;
  if (out.length) out.push('');
  // The post-mortems the items are in, and how many were read when that differs (trial11 T12:
  // "3 open action items in 2 post-mortems" read as spread over 2 when all were in one).
  const postmortems = (n: number) => `${n} post-mortem${n === 1 ? '' : 's'}`;
  const where = (withItems: number) => (withItems === fileCount ? `in ${postmortems(withItems)}` : withItems === 0 ? `(${postmortems(fileCount)} read)` : `in ${postmortems(withItems)} (${fileCount} read)`);
  const inFiles = where(new Set(rows.map((r) => r.file)).size);
  const whose = owner !== undefined ? ` of @${terminalSafe(shortLabel(owner.replace(/^@/, ''), SHORT_FIELD))}` : '';
  const open = (n: number) => `${n} open action item${n === 1 ? '' : 's'}${whose}`;
  if (!overdueOnly) out.push(`${open(rows.length)}${overdue ? `, ${style.red(`${overdue} overdue`)}` : ''} ${inFiles}`);
  else if (rows.length === 0) out.push(`No overdue action items; ${open(overdueOnly.open)} ${where(overdueOnly.files)}`);
  else out.push(`${style.red(`${rows.length} overdue`)} of ${open(overdueOnly.open)} ${where(overdueOnly.files)}`);
  // Not an owner's or overdue count: whose they are was not read as an action item's.
  if (stray) out.push(style.yellow(`${stray} task item${stray === 1 ? '' : 's'} with an owner or due date outside an Action items section not listed (stderr says where)`));
  return `${out.join('\n')}\n`;
}

export default actions;

/** Names the open items whose owner differs from `--owner` only by look-alike letters of another script (lint: actions/lookalike-owner). */
function lookalikeOwnerNotes(io: CliIo, index: WorkspaceIndex, display: ReadonlyMap<string, string>, owner: string): void {
  const wanted = ownerKey(owner);
  let named = 0;
  for (const { uri, item } of index.openItems()) {
    if (!item.owner || ownerKey(item.owner) === wanted) continue;
    const found = mixedScriptLookalikes(item.owner);
    if (!found.length || ownerKey(foldLookalikes(item.owner, found)) !== wanted) continue;
    if (named++ >= 5) continue;
    io.err(`note: ${terminalSafe(`${display.get(uri) ?? uri}:${item.line + 1}: owner @${item.owner} looks like @${wanted} but is another owner (its ${describeLookalikes(found)}); not listed (lint: actions/lookalike-owner)`)}\n`);
  }
  if (named > 5) io.err(`note: ${named - 5} more open items with a look-alike of @${terminalSafe(wanted)} as owner\n`);
}
