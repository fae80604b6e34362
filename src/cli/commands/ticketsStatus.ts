import { plainLabel, readSummary, type IndexedActionItem } from '../../core/api';
import { driftOf, TrackerError, type Drift, type Tracker, type TicketState } from '../../core/trackers';
import { oneOf, parseCommandArgs } from '../args';
import { reportConfigProblems } from '../configProblems';
import { collectPostmortems, reportReadProblems } from '../files/collect';
import { expandPaths } from '../files/expand';
import { findGitRoot } from '../files/roots';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliCommand } from '../io';
import { useColor } from '../nodeIo';
import { noteProcessZone, processZone } from '../processZone';
import { makeStyle, terminalSafe } from '../style';
import { trackerFromEnvironment } from './ticketsTracker';

export const TICKETS_STATUS_HELP = `Usage: postmortem tickets status [paths or globs…] [--format text|json]

Reads the state of every action item's ticket in the configured tracker (same file selection as
\`postmortem lint\`) and reports where they disagree: an open item whose ticket is closed (mark it
done, with the closing date in your calendar: the day it was where you are, from TZ or this
machine's zone), or a done item whose ticket is still open.

Options:
  --format <text|json>   Output format (default text). json: one object per item with a ticket
                         (closedAt: the tracker's time; closedOn: that day in your calendar).
  -h, --help             Show this help.

Exit codes: 0 items and tickets agree, 1 at least one disagrees, or a ticket could not be checked
(deleted, not found, not a ticket of the configured tracker; each is listed as "not checked"),
2 configuration, token, tracker or read errors.
`;

interface Row {
  readonly file: string;
  readonly item: IndexedActionItem;
  readonly tracker?: string;
  readonly state?: TicketState;
  readonly drift?: Drift;
  readonly error?: string;
}

const ticketsStatus: CliCommand = async (argv, io) => {
  const { values, positionals } = parseCommandArgs('tickets status', argv, { format: { type: 'string' } });
  if (values.help) {
    io.out(TICKETS_STATUS_HELP);
    return EXIT_OK;
  }
  const format = oneOf('tickets status', values.format as string | undefined, ['text', 'json'] as const, 'text', '--format');
  const expansion = expandPaths(positionals, io.cwd);
  if (expansion.missing.length) {
    for (const m of expansion.missing) io.err(`postmortem tickets status: ${m}: no such file, folder or matching file\n`);
    return EXIT_USAGE;
  }
  const root = findGitRoot(io.cwd) ?? io.cwd;
  const collected = await collectPostmortems(expansion.files, { cwd: io.cwd, root });
  const configErrors = reportConfigProblems(io, 'tickets status', collected.configProblems, ['tracker', 'globs', 'sectionAliases']);
  const notRead = reportReadProblems(io, 'tickets status', collected);
  if (configErrors) return EXIT_USAGE;

  // One tracker per distinct configuration; each asked once for all its tickets.
  const groups = new Map<string, { tracker: Tracker | undefined; problem?: string; rows: { file: string; item: IndexedActionItem }[] }>();
  const rows: Row[] = [];
  for (const f of collected.files) {
    const config = collected.configs.get(f.configKey)!;
    const summary = readSummary(f.text, { sectionAliases: config.sectionAliases });
    const withTickets = summary.actionItems.filter((i) => i.ticket);
    if (!withTickets.length) continue;
    if (!config.tracker) {
      for (const item of withTickets) rows.push({ file: f.display, item, error: 'no tracker configured' });
      continue;
    }
    const key = JSON.stringify(config.tracker);
    let group = groups.get(key);
    if (!group) {
      const setup = trackerFromEnvironment(config.tracker);
      group = setup.ok ? { tracker: setup.tracker, rows: [] } : { tracker: undefined, problem: setup.message, rows: [] };
      groups.set(key, group);
    }
    for (const item of withTickets) group.rows.push({ file: f.display, item });
  }
  // The proposed `done:` date is on the writer's calendar, as every date a fix writes.
  const writerZone = processZone().zone;
  if (groups.size) noteProcessZone(io, 'tickets status');
  let failed = 0;
  for (const group of groups.values()) {
    if (!group.tracker) {
      io.err(`postmortem tickets status: ${group.problem}\n`);
      failed++;
      continue;
    }
    const tracker = group.tracker;
    const owned = group.rows.filter((r) => tracker.owns(r.item.ticket!));
    for (const r of group.rows) if (!tracker.owns(r.item.ticket!)) rows.push({ ...r, tracker: tracker.name, error: `not a ticket of ${tracker.name}` });
    let states: Map<string, TicketState | TrackerError>;
    try {
      states = await tracker.fetchStates(owned.map((r) => r.item.ticket!));
    } catch (e) {
      io.err(`postmortem tickets status: ${(e as Error).message}\n`);
      failed++;
      // Each item is still listed, as not checked: the rows of other trackers stand.
      for (const r of owned) rows.push({ ...r, tracker: tracker.name, error: 'the tracker could not be asked (see above)' });
      continue;
    }
    for (const r of owned) {
      const state = states.get(r.item.ticket!);
      if (!state || state instanceof TrackerError) {
        rows.push({ ...r, tracker: tracker.name, error: state?.message ?? 'no answer for this ticket' });
        continue;
      }
      const drift = driftOf(r.item, state, writerZone);
      rows.push({ ...r, tracker: tracker.name, state, ...(drift ? { drift } : {}) });
    }
  }
  rows.sort((a, b) => (a.file === b.file ? a.item.line - b.item.line : a.file < b.file ? -1 : 1));
  const drifted = rows.filter((r) => r.drift).length;
  if (format === 'json') io.out(`${JSON.stringify(rows.map(toJson), null, 2)}\n`);
  else io.out(formatText(rows));
  if (failed || notRead) return EXIT_USAGE;
  // A ticket that could not be checked (deleted, not found, not this tracker's) is not agreement (trial18d F7).
  return drifted || rows.some((r) => r.error) ? EXIT_PROBLEMS : EXIT_OK;
};

function toJson(r: Row) {
  return {
    file: r.file, line: r.item.line + 1, description: r.item.description, ticket: r.item.ticket, itemDone: r.item.isDone,
    ticketState: r.state?.state ?? null, closedAt: r.state?.closedAt ?? null, closedOn: r.drift?.kind === 'ticket-closed' ? r.drift.closedOn ?? null : null, drift: r.drift?.kind ?? null, error: r.error ?? null,
  };
}

function formatText(rows: readonly Row[]): string {
  const style = makeStyle(useColor());
  const out: string[] = [];
  for (const r of rows) {
    const where = style.dim(`${terminalSafe(r.file)}:${r.item.line + 1}`);
    const what = `${terminalSafe(plainLabel(r.item.description || r.item.text))}  ${style.dim(terminalSafe(r.item.ticket!))}`;
    let status: string;
    if (r.error) status = style.yellow(`not checked: ${terminalSafe(r.error)}`);
    else if (r.drift?.kind === 'ticket-closed') status = style.red(`ticket closed${r.drift.closedOn ? ` ${r.drift.closedOn}` : ''}, item open: mark it done${r.drift.closedOn ? ` (done:${r.drift.closedOn})` : ''}`);
    else if (r.drift?.kind === 'ticket-open') status = style.yellow('item done, ticket still open');
    else status = `ticket ${r.state!.state}`;
    out.push(`  ${where}  ${what}  ${status}`);
  }
  const closed = rows.filter((r) => r.drift?.kind === 'ticket-closed').length;
  const open = rows.filter((r) => r.drift?.kind === 'ticket-open').length;
  const unchecked = rows.filter((r) => r.error).length;
  out.push(`${rows.length - unchecked} ticket${rows.length - unchecked === 1 ? '' : 's'} checked: ${closed} open item${closed === 1 ? '' : 's'} with a closed ticket, ${open} done item${open === 1 ? '' : 's'} with an open ticket${unchecked ? `, ${unchecked} not checked` : ''}`);
  return `${out.join('\n')}\n`;
}

export default ticketsStatus;
