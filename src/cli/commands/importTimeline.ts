import { execFile } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { applyEdits } from '../../core/fix/applyEdits';
import {
  AmbiguousDateOrderError, DATE_ORDERS, decodeExport, ImportError, importSummary, importerFor, importTimelineEvents, MissingZoneError, previewInsertions, readImportTarget, UnknownColumnError, type DateOrder, type ExportSource, type ImportedEvent,
} from '../../core/import';
import { redactionNote } from '../../core/redaction/events';
import { parseCommandArgs, usageMessage, wholeNumber } from '../args';
import { reportConfigProblems } from '../configProblems';
import { collectPostmortems } from '../files/collect';
import { rewriteRefusal } from '../files/encoding';
import { describeIoError } from '../files/read';
import { displayPath, findGitRoot } from '../files/roots';
import { hardLinkNote, writeFileSafely } from '../files/safeWrite';
import { MAX_EXPORT_BYTES, readUserFile, UserFileError } from '../files/userFile';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliIo } from '../io';
import { terminalSafe, terminalSafeLines } from '../style';
import { readZoneFlag } from '../zoneFlag';
import { processZone } from '../processZone';
import { defaultExportZone, type DocumentZone } from '../../core/import/exportZone';
import { sameZone } from '../../core/time/zoneNames';

export const IMPORT_TIMELINE_HELP = `Usage: postmortem import-timeline FILE --from <format> --input <path> [options]

Reads events from an export and merges them into the timeline of the post-mortem FILE: only
events inside the incident's window (started_at to resolved_at, with a margin) and not already in
the timeline, as UTC entries in time order. Shows the entries it would add as a diff; writes FILE
only with --yes.

Options:
  --from <slack|csv|alertmanager|git>  The export's format (required).
  --input <path>          The export (required): a Slack channel folder or day file, a CSV file,
                          Alertmanager JSON, or a git repository folder (runs git log).
  --time-column <c>       CSV: the column with the time (header name or 1-based number), or a
                          date column and a time-of-day column joined by + (Date+Time; found
                          by themselves when the header has Date and Time).
  --text-column <c>       CSV: the column with the text.
  --zone <zone>           CSV: the zone of times written without one (IANA name, UTC, or an
                          offset like +05:30). Default: the post-mortem's timezone:, except
                          timezone: UTC while this machine is elsewhere (then it asks).
  --date-order <order>    CSV: month-first (12/6/2026 is 6 December) or day-first (12 June), for
                          numeric dates when no row has a day above 12 to tell.
  --source <tag>          CSV: the tag written on each entry (default alert).
  --users <file>          Slack: users.json for names (default: found beside or above --input;
                          without one, names come from each message's own profile, else ids).
  --margin <minutes>      Also take events this long before started_at / after resolved_at
                          (default 60).
  --no-redact             Keep secrets and personal data (tokens, keys, e-mail addresses, phone
                          numbers, IP addresses, team patterns) as exported; by default they are
                          replaced with [redacted: <kind>] and listed under the diff.
  --dry-run               Only show the diff (the default; says so).
  -y, --yes               Write the entries into FILE.
  -h, --help              Show this help.

Examples:
  postmortem import-timeline postmortems/2026-11-20-checkout.md --from slack --input export/incident-42
  postmortem import-timeline pm.md --from csv --input pager.csv --time-column created --zone UTC --yes

Exit codes: 0 previewed or written (also when there is nothing to add), 1 previewed or written
with values redacted (listed under the diff), 2 usage errors, unreadable files, an export that
cannot be read (e.g. times without a zone), or FILE changed meanwhile.
`;

const FORMATS = ['slack', 'csv', 'alertmanager', 'git'] as const;
type Format = (typeof FORMATS)[number];

/** `import-timeline`: reads an export, previews the merged timeline, writes only after --yes. */
/** `--margin` at most: a year, in minutes. */
const MAX_MARGIN_MINUTES = 525_600;

export default async function importTimeline(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('import-timeline', argv, {
    from: { type: 'string' }, input: { type: 'string' }, 'time-column': { type: 'string' }, 'text-column': { type: 'string' },
    zone: { type: 'string' }, source: { type: 'string' }, users: { type: 'string' }, margin: { type: 'string' }, 'date-order': { type: 'string' },
    'dry-run': { type: 'boolean' }, yes: { type: 'boolean', short: 'y' }, 'no-redact': { type: 'boolean' },
  });
  if (values.help) {
    io.out(IMPORT_TIMELINE_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) return usage(io, 'Expected exactly one post-mortem FILE');
  if (!FORMATS.includes(values.from as Format)) return usage(io, `Expected --from to be one of ${FORMATS.join(', ')}, found ${values.from === undefined ? 'nothing' : `"${values.from}"`}`);
  if (!values.input) return usage(io, 'Expected --input PATH (the export file or folder)');
  if (values['dry-run'] && values.yes) return usage(io, 'Expected either --dry-run or --yes, not both');
  // Bounded: a window of more than a year around the incident is no margin (and 1e20 minutes is no date).
  const margin = wholeNumber('import-timeline', '--margin', values.margin as string | undefined, { min: 0, max: MAX_MARGIN_MINUTES, what: 'a whole number of minutes' }) ?? 60;
  const dateOrder = values['date-order'] as string | undefined;
  if (dateOrder !== undefined && !DATE_ORDERS.includes(dateOrder as DateOrder)) return usage(io, `Expected --date-order to be ${DATE_ORDERS.join(' or ')}, found "${dateOrder}"`);
  if (values.source !== undefined && !/^[a-z][a-z-]{1,15}$/.test(values.source)) return usage(io, `Expected --source as a lowercase word such as alert or chat, found "${values.source}"`);

  const zone = readZoneFlag('import-timeline', values.zone as string | undefined, 'reading');
  const file = resolve(io.cwd, positionals[0]);
  const input = resolve(io.cwd, values.input);
  const display = relative(io.cwd, file) || basename(file);
  // Read as lint reads it: its own folder's .postmortemrc.json (section names), the bytes' snapshot, the encoding.
  const root = findGitRoot(io.cwd) ?? io.cwd;
  const collected = await collectPostmortems([{ path: file, explicit: true }], { cwd: io.cwd, root, allMarkdown: true });
  if (reportConfigProblems(io, 'import-timeline', collected.configProblems, ['sectionAliases', 'redaction']) > 0) return EXIT_USAGE;
  const loaded = collected.files[0];
  if (!loaded) {
    const why = collected.errors[0]?.message ?? collected.notRead[0]?.issue.message ?? collected.skipped[0]?.reason ?? 'not readable';
    io.err(`Cannot read ${positionals[0]}: ${why}\n`);
    return EXIT_USAGE;
  }
  // Never rewrite a file we could not decode exactly: the write would change bytes far from the timeline.
  // Asked for the preview too: it must not invite a --yes that would be refused.
  const refusal = rewriteRefusal(loaded);
  if (refusal && values.yes) {
    io.err(`${display}: the entries could not be written into it: ${refusal}.\nNothing was written.\n`);
    return EXIT_USAGE;
  }
  // UTF-16 or lone CRs: read (and written back) as they are, said, since the reading was a choice.
  if (loaded.encoding) io.err(`warning: ${display}: ${loaded.encoding.message}\n`);
  const fileConfig = collected.configs.get(loaded.configKey);
  const sectionAliases = fileConfig?.sectionAliases;
  const text = loaded.text;
  // The one pipeline of both hosts (core/import/registry.ts) reads the file once, with its own section
  // names: the window, the merge into its Timeline and the zone below all come from that read.
  const target = readImportTarget(text, sectionAliases);
  // Zone-less times (a CSV of alerts): --zone, else the document's own zone, as the editor decides;
  // a document saying UTC while this machine is elsewhere is asked about, not guessed (exportZone.ts).
  const docZone = target.zone;
  const writerZone = processZone().zone;
  const settled = defaultExportZone(zone, docZone, writerZone);
  try {
    const { events, result, redactions, skipped, notes: readNotes, zoneLessTimes } = await importTimelineEvents(target, importerFor(values.from as Format)!, {
      input,
      csv: {
        timeColumn: values['time-column'] as string | undefined, textColumn: values['text-column'] as string | undefined,
        zone: settled?.zone, source: values.source as string | undefined, ...(dateOrder ? { dateOrder: dateOrder as DateOrder } : {}),
      },
      ...(values.users ? { users: resolve(io.cwd, values.users as string) } : {}),
    }, diskExports(io.cwd), {
      marginMinutes: margin, clean: (read) => withoutControls(read, io),
      redact: !values['no-redact'], ...(fileConfig ? { redaction: fileConfig.redaction } : {}),
    });
    const redacted = terminalSafeLines(redactionNote(redactions, 'run again with --no-redact'));
    // Said only when some time was read in it: an export whose every time has its zone needs no word on zones.
    const zoneNote = values.from === 'csv' && settled && !zone && zoneLessTimes > 0 ? [`times without a zone were read in ${settled.zone} (${settled.because}); pass --zone if the export was written in another zone`] : [];
    const notes = [...zoneNote, ...readNotes].map((n) => `note: ${n}\n`).join('');
    const summary = importSummary(events.length, result, skipped);
    if (result.edits.length === 0) {
      io.out(`${summary}\n${terminalSafeLines(notes)}Nothing to add to ${display}.\n`);
      return EXIT_OK;
    }
    io.out(terminalSafeLines(previewInsertions(text, result.edits, display)));
    io.out(`${summary}\n`);
    if (notes) io.out(terminalSafeLines(notes));
    if (redacted) io.out(redacted);
    // The product's rule for what the tool changed or held back of what the user gave (redacted
    // values here, in evidence add and in tickets create): it is listed, and the exit is 1, "done,
    // but look at this", for CI; the preview exits as the write would.
    const done = redacted ? EXIT_PROBLEMS : EXIT_OK;
    if (!values.yes) {
      if (refusal) {
        io.err(`Nothing written${values['dry-run'] ? ' (--dry-run)' : ''}, and --yes would not write these entries either: ${refusal}.\n`);
        return EXIT_USAGE;
      }
      io.out(`Nothing written${values['dry-run'] ? ' (--dry-run)' : ''}. Run again with --yes to add these entries to ${display}.\n`);
      return done;
    }
    // The safe writer refuses when the file changed while the export was read (no insert at stale lines).
    const written = writeFileSafely(file, { form: loaded.form, ...applyEdits(text, result.edits) }, { expected: loaded.snapshot, roots: [dirname(file)] });
    if (!written.ok) {
      io.err(`${display} not written: ${written.message}.${written.reason === 'changed' ? ' Run the command again.' : ''}\n`);
      return EXIT_USAGE;
    }
    io.out(`Added ${result.added.length} entries to ${display}.\n`);
    if (written.otherLinks) io.err(`note: ${hardLinkNote(display, written.otherLinks)}\n`);
    return done;
  } catch (e) {
    if (e instanceof ImportError) {
      // Core messages name no host controls; the CLI adds its own flag for what was missing.
      const hint = e instanceof MissingZoneError
        ? missingZoneHint(docZone, writerZone)
        : e instanceof UnknownColumnError ? `\nName it with --${e.which}-column (a header name or a column number).`
        : e instanceof AmbiguousDateOrderError ? `\nOr pass --date-order month-first (${e.example.value} is ${e.example.monthFirst}) or --date-order day-first (${e.example.dayFirst}).` : '';
      io.err(`${e.message}${hint}\nNothing was written.\n`);
      return EXIT_USAGE;
    }
    if (e instanceof UserFileError) {
      io.err(`Cannot read ${displayPath(io.cwd, e.path)}: ${e.message}\nNothing was written.\n`);
      return EXIT_USAGE;
    }
    const code = (e as NodeJS.ErrnoException).code;
    if (code) {
      io.err(`Cannot read ${values.input}: ${describeIoError(e)}\nNothing was written.\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}

/**
 * What to pass when the export's times have no zone and none was settled: the front matter's value
 * and why it was not used (several meanings: one --zone per meaning), or the document's zone against
 * this machine's, or an example.
 */
function missingZoneHint(doc: DocumentZone, writerZone: string | undefined): string {
  if (doc.problem) {
    const meant = doc.meanings?.length ? doc.meanings.map((z) => `--zone ${z}`) : ['--zone Europe/Berlin', '--zone UTC'];
    return `\n${doc.problem[0].toUpperCase()}${doc.problem.slice(1)}: pass the zone the export was written in, such as ${meant.slice(0, -1).join(', ')} or ${meant[meant.length - 1]}.`;
  }
  if (doc.zone && writerZone && !sameZone(doc.zone, writerZone)) {
    return `\nThe post-mortem says timezone: ${doc.zone} and this machine is in ${writerZone}: pass --zone ${doc.zone} if the export's times are ${doc.zone}, or --zone ${writerZone} if they are local.`;
  }
  return '\nPass the zone with --zone, for example --zone Europe/Berlin or --zone UTC.';
}

/** Exports on the local disk (decoded as decodeExport says, named from `cwd` when refused), and git run on a repository folder. */
const diskExports = (cwd: string): ExportSource<string> => ({
  readText: async (path) => {
    const read = readUserFile(path, MAX_EXPORT_BYTES);
    if (!read.ok) throw new UserFileError(path, read);
    return decodeExport(terminalSafe(displayPath(cwd, path)), read.bytes);
  },
  isDirectory: async (path) => (await stat(path)).isDirectory(),
  isFile: (path) => stat(path).then((s) => s.isFile(), () => false),
  list: (folder) => readdir(folder),
  child: (folder, name) => join(folder, name),
  parent: (path) => dirname(path),
  baseName: (path) => basename(path),
  gitLog: (folder, since, until, format) => gitLog(folder, since, until, format),
});

async function gitLog(folder: string, since: string, until: string | undefined, format: string): Promise<string> {
  const args = ['-C', folder, 'log', '--all', `--since=${since}`, ...(until ? [`--until=${until}`] : []), '--date=iso-strict', `--pretty=format:${format}`];
  try {
    const { stdout } = await promisify(execFile)('git', args, { maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new ImportError(`git log in ${folder} failed: ${(err.stderr || err.message).trim().split('\n')[0]}`);
  }
}

/**
 * Chat and alert exports carry control characters (NUL, ESC colour codes, BEL): they are dropped from
 * the imported text (tabs and line breaks become spaces), and the user is told how many and where the first was.
 */
function withoutControls(events: ImportedEvent[], io: CliIo): ImportedEvent[] {
  let removed = 0;
  let touched = 0;
  let first: string | undefined;
    const controls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
  const spaces = /[\t\r\n\u2028\u2029]/g;
  const out = events.map((e) => {
    const n = e.text.match(controls)?.length ?? 0;
    spaces.lastIndex = 0;
    if (n === 0 && !spaces.test(e.text)) return e;
    if (n > 0) {
      removed += n;
      touched++;
      first ??= e.origin;
    }
    return { ...e, text: e.text.replace(controls, '').replace(spaces, ' ') };
  });
  if (removed) io.err(`warning: removed ${removed} control character${removed === 1 ? '' : 's'} (NUL, ESC, BEL…) from ${touched} imported message${touched === 1 ? '' : 's'}, first in ${terminalSafe(first!)}.\n`);
  return out;
}

function usage(io: CliIo, message: string): number {
  io.err(`${usageMessage('import-timeline', message)}\n`);
  return EXIT_USAGE;
}
