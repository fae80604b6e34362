import { dirname } from 'node:path';
import { readSummary } from '../../core/api';
import { applyEdits } from '../../core/fix/applyEdits';
import { alreadyTracked, createTickets, heldBackNote, planTickets, ticketWriteBacks, type CreateOutcome, type PlannedTicket, type TrackedItem } from '../../core/trackers';
import type { TextEdit } from '../../core/types';
import { parseCommandArgs, usageMessage } from '../args';
import { reportConfigProblems } from '../configProblems';
import { collectPostmortems, reportReadProblems, type LoadedFile } from '../files/collect';
import { rewriteRefusal } from '../files/encoding';
import { expandPaths } from '../files/expand';
import { findGitRoot } from '../files/roots';
import { hardLinkNote, writeFileSafely } from '../files/safeWrite';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliCommand, type CliIo } from '../io';
import { terminalSafe, terminalSafeLines } from '../style';
import { lineUrlFromEnvironment, trackerFromEnvironment } from './ticketsTracker';

export const TICKETS_CREATE_HELP = `Usage: postmortem tickets create FILE [--dry-run]

Creates a ticket in the configured tracker for each open action item of FILE that has none, with the
item's text as the title, its owner (through "owners" in .postmortemrc.json) as assignee, its due
date and priority, the configured labels, and a link back to the post-mortem. Then writes each
ticket's address (Jira: its key, linked) into its item — only for tickets that exist, and only if
FILE did not change meanwhile. A hidden marker in each ticket lets a second run find tickets created
by a run whose answer was lost, instead of creating them again.

An open item that names a ticket already (a key like OPS-12, #12, a link to a tracker's issue, or a
URL after "ticket:") gets none; each is listed as skipped, with that ticket. Other links (a runbook,
a dashboard), wherever they stand in the item, are its text.

Nothing sent holds a secret or personal data: what lint reports as redaction/* (tokens, keys,
e-mail addresses, phone numbers, IP addresses, your team's patterns) is replaced with
[redacted: <kind>] in the title and body, and the preview and the report say which items. The
post-mortem itself is not changed by that (lint --fix redacts it). There is no option to send such
a value: a value that is not sensitive goes into "redaction.allow" in .postmortemrc.json.

Options:
  --dry-run    Show what would be created; send nothing, write nothing.
  -h, --help   Show this help.

A ticket found by its marker is written into its item only when it is that item's: its body
names this file, no other item of the file has it, and it is the only one with the marker
among the issues read: the lookup stops at the first ticket of each marker, so a duplicate
created before that one is not seen. Otherwise the item is reported NOT LINKED with the ticket(s), and gets none. A ticket of another
post-mortem with the same id is named in a note, and this item gets its own. The lookup reads
every issue of the repository or project (whatever the labels), the most recent 300. When older
ones were not read and tickets were created for a file that went through a run before, a note
names each new ticket with its marker: search the tracker for it to find an older one.

Exit codes: 0 every item got its ticket (or none needed one), 1 every item got its ticket but
values were held back from some (listed; --dry-run: would be), or a note names a ticket of another
item or post-mortem carrying the same marker, or a ticket found for an item whose owner or due date
changed after the run that made it lost its answer (its assignee and due date are to be changed in
the tracker; taken only when no other item of the file has the same text), 2 configuration, token, tracker or write errors, an
item NOT LINKED, or a ticket that may exist (UNKNOWN: its answer was lost; run again to find it);
the output says which items got tickets and which did not.
`;

const ticketsCreate: CliCommand = async (argv, io) => {
  const { values, positionals } = parseCommandArgs('tickets create', argv, { 'dry-run': { type: 'boolean' } });
  if (values.help) {
    io.out(TICKETS_CREATE_HELP);
    return EXIT_OK;
  }
  const say = (text: string) => io.err(`postmortem tickets create: ${text}\n`);
  if (positionals.length !== 1) {
    io.err(`${usageMessage('tickets create', 'Expected one post-mortem file')}\n`);
    return EXIT_USAGE;
  }
  const expansion = expandPaths(positionals, io.cwd);
  if (expansion.missing.length || expansion.files.length !== 1) {
    say(`${positionals[0]}: no such file`);
    return EXIT_USAGE;
  }
  const root = findGitRoot(io.cwd) ?? io.cwd;
  const collected = await collectPostmortems(expansion.files, { cwd: io.cwd, root });
  const configErrors = reportConfigProblems(io, 'tickets create', collected.configProblems, ['tracker', 'owners', 'globs', 'sectionAliases']);
  const notRead = reportReadProblems(io, 'tickets create', collected);
  const file = collected.files[0];
  if (configErrors || notRead || !file) return EXIT_USAGE;
  // Asked before any ticket exists: a ticket whose id cannot be written into its item is a duplicate on the next run.
  const refusal = rewriteRefusal(file);
  if (refusal) {
    say(`${file.display}: the ticket ids could not be written back (${refusal}); no tickets created`);
    return EXIT_USAGE;
  }
  const config = collected.configs.get(file.configKey)!;
  if (!config.tracker) {
    say(`no tracker configured for ${file.display}. Add to .postmortemrc.json: "tracker": { "type": "github", "repository": "OWNER/REPO" } (or "gitlab" with "project", or "jira" with "site" and "project").`);
    return EXIT_USAGE;
  }
  const summary = readSummary(file.text, { sectionAliases: config.sectionAliases });
  const lineUrl = lineUrlFromEnvironment(file.rel);
  const plans = planTickets(summary, { path: file.rel, ...(lineUrl ? { lineUrl } : {}) }, config.tracker, config.owners, { redaction: config.redaction });
  const hints = { fix: `\`postmortem lint ${file.display}\` reports each as redaction/*, and --fix redacts the secrets and e-mail addresses.`, allow: 'add it to "redaction.allow" in .postmortemrc.json' };
  const held = heldBackNote(plans.map((p) => p.heldBack), file.display, hints);
  // Every open item left out is named with its ticket, so a link taken for one is seen (trial 15a F8).
  const tracked = alreadyTracked(summary, config.redaction, config.tracker);
  if (tracked.length) io.out(trackedNote(file.display, tracked));
  if (!plans.length) {
    io.out(`${file.display}: every open action item has a ticket already; nothing to create.\n`);
    return EXIT_OK;
  }
  const setup = trackerFromEnvironment(config.tracker);
  const trackerName = setup.ok ? setup.tracker.name : setup.name;
  if (values['dry-run']) {
    io.out(preview(file.display, trackerName, plans, config.tracker.labels));
    if (held) io.out(`${terminalSafeLines(held)}\n`);
    return held ? EXIT_PROBLEMS : EXIT_OK;
  }
  if (!setup.ok) {
    say(setup.message);
    return EXIT_USAGE;
  }
  let outcomes: CreateOutcome[];
  const notes: string[] = [];
  // Tickets already in the file's items: one found by a marker among them is another item's (trial18d F1).
  const linked = summary.actionItems.filter((i) => i.ticket).map((i) => ({ line: i.line, ticket: i.ticket! }));
  try {
    outcomes = await createTickets(setup.tracker, plans, { onOutcome: (o) => io.out(progressLine(file.display, o)), linked, onNote: (n) => notes.push(n) });
  } catch (e) {
    say(`${(e as Error).message}\nNo tickets were created; ${file.display} is unchanged.`);
    return EXIT_USAGE;
  }
  for (const n of notes) io.out(`note: ${terminalSafe(n)}\n`);
  const code = writeBack(io, file, outcomes, say);
  const sentHeld = heldBackNote(outcomes.filter((o) => o.kind === 'created').map((o) => o.plan.heldBack), file.display, hints);
  if (sentHeld) io.out(`${terminalSafeLines(sentHeld)}\n`);
  // A ticket of another item or post-mortem seen beside this item's is said, and asks for a look.
  const noted = outcomes.some((o) => (o.kind === 'created' || o.kind === 'found') && o.notes?.length);
  return code === EXIT_OK && (sentHeld || noted) ? EXIT_PROBLEMS : code;
};

function preview(display: string, trackerName: string, plans: readonly PlannedTicket[], labels: readonly string[]): string {
  const lines = [`Would create ${plans.length} ticket${plans.length === 1 ? '' : 's'} in ${trackerName} (dry run: nothing sent, nothing written):`];
  for (const { item, draft, unmappedOwner, otherOwner, heldBack } of plans) {
    const details = [
      draft.assignee ? `assignee ${draft.assignee}` : unmappedOwner ? `unassigned (@${unmappedOwner} is not in "owners")` : 'unassigned',
      ...(otherOwner ? [`@${otherOwner} not assigned: a ticket gets the item's first owner only`] : []),
      ...(draft.due ? [`due ${draft.due}`] : []),
      ...(draft.priority ? [draft.priority] : []),
      ...(labels.length ? [`labels ${labels.join(', ')}`] : []),
    ];
    lines.push(`  ${display}:${item.line + 1}  ${terminalSafe(draft.title)}  (${terminalSafe(details.join('; '))})`);
    if (heldBack) lines.push(`      held back: ${heldBack.count} value${heldBack.count === 1 ? '' : 's'} (${heldBack.labels.join(', ')}), sent as [redacted: …]`);
  }
  return `${lines.join('\n')}\n`;
}

function trackedNote(display: string, tracked: readonly TrackedItem[]): string {
  const n = tracked.length;
  const lines = [`Skipped ${n} open item${n === 1 ? '' : 's'} that name${n === 1 ? 's' : ''} a ticket already (remove a link that is not the item's ticket to get one):`];
  for (const { item, ticket, elsewhere } of tracked) {
    const why = elsewhere ? ` — ${elsewhere}: if it is a word of the text, not the item's ticket, write it in backticks (\`${ticket}\`) to get one` : '';
    lines.push(`  ${display}:${item.line + 1}  ${terminalSafe(item.description || item.text)}  (already tracked: ${terminalSafe(ticket)}${terminalSafe(why)})`);
  }
  return `${lines.join('\n')}\n`;
}

function progressLine(display: string, o: CreateOutcome): string {
  const where = `${display}:${o.plan.item.line + 1}`;
  const title = terminalSafe(o.plan.draft.title);
  const notes = (o.kind === 'created' || o.kind === 'found') && o.notes ? o.notes.map((n) => `      note: ${terminalSafe(n)}\n`).join('') : '';
  switch (o.kind) {
    case 'created': return `  created ${o.ticket.label}  ${where}  ${title}${o.plan.heldBack ? `  (held back: ${o.plan.heldBack.labels.join(', ')})` : ''}${o.plan.otherOwner ? `  (@${terminalSafe(o.plan.otherOwner)} not assigned)` : ''}\n${notes}`;
    case 'found': return `  found   ${o.ticket.label}  ${where}  ${title} (created by an earlier run)\n${notes}`;
    case 'failed': return `  FAILED  ${where}  ${title}: ${terminalSafe(o.error.message)}\n`;
    case 'refused': return `  NOT LINKED  ${where}  ${title}: ${terminalSafe(o.message)}\n`;
    case 'unknown': return `  UNKNOWN ${where}  ${title}: ${terminalSafe(o.message)}\n`;
    case 'not-tried': return `  skipped ${where}  ${title} (not tried after the error above)\n`;
  }
}

/** Writes the tickets that exist into their items, in one safe write; says what happened to each. */
function writeBack(io: CliIo, file: LoadedFile, outcomes: readonly CreateOutcome[], say: (t: string) => void): number {
  const done = outcomes.filter((o): o is Extract<CreateOutcome, { ticket: unknown }> => o.kind === 'created' || o.kind === 'found');
  const unknown = outcomes.filter((o) => o.kind === 'unknown').length;
  const failed = outcomes.length - done.length - unknown;
  const results = ticketWriteBacks(file.text, done.map((o) => ({ target: { line: o.plan.item.line, text: o.plan.item.text }, writeBack: o.ticket.writeBack })));
  const edits: TextEdit[] = [];
  const notPlaced: string[] = [];
  results.forEach((r, i) => {
    if (r.kind === 'edit') edits.push(r.edit);
    else notPlaced.push(`${done[i]!.ticket.label} (${r.message})`);
  });
  let written = 0;
  if (edits.length) {
    const result = writeFileSafely(file.path, { form: file.form, ...applyEdits(file.text, edits) }, { expected: file.snapshot, roots: [dirname(file.path)] });
    if (result.ok) {
      written = edits.length;
      if (result.otherLinks) say(`note: ${hardLinkNote(file.display, result.otherLinks)}`);
    } else {
      say(`${file.display}: the tickets exist but were not written into the items: ${result.message}. Add them by hand: ${done.map((o) => `line ${o.plan.item.line + 1}: ${o.ticket.writeBack}`).join('; ')}`);
      return EXIT_USAGE;
    }
  }
  for (const n of notPlaced) say(`not written into the item: ${n}`);
  const maybe = unknown ? `; ${unknown} item${unknown === 1 ? '' : 's'} may have a ticket whose answer was lost (run the command again to find ${unknown === 1 ? 'it' : 'them'})` : '';
  io.out(`${written} ticket${written === 1 ? '' : 's'} written into ${file.display}${failed ? `; ${failed} item${failed === 1 ? '' : 's'} without a ticket (see above)` : ''}${maybe}.\n`);
  return failed || unknown || notPlaced.length ? EXIT_USAGE : EXIT_OK;
}

export default ticketsCreate;
