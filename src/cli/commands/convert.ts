import { mkdir } from 'node:fs/promises';
import { basename, dirname, relative } from 'node:path';
import { convertPostmortem } from '../../core/import/convert';
import { isInStandardFormat } from '../../core/document/recognise';
import { REVIEW_STATUSES, type ConvertOptions, type ReviewStatus } from '../../core/import/convert/model';
import { parseCommandArgs, usageMessage } from '../args';
import { formatConvertReport, reviewCount, thingsToReview } from '../../core/import/convert/report';
import { readMarkdownFile } from '../files/read';
import { decodeLegacy } from '../files/legacyEncoding';
import { expandInputs } from './convertInputs';
import { convertedName, convertTarget, fileIdentity, planConversions, realPath, writeConverted } from './convertTarget';
import { readZoneFlag } from '../zoneFlag';
import { noteProcessZone, processZone } from '../processZone';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliIo } from '../io';
import { ConfigLoader, type LoadedConfig } from '../../core/config/load';
import { findGitRoot } from '../files/roots';
import { MAX_CONFIG_BYTES, readOptionalUserText } from '../files/userFile';
import { reportConfigProblems } from '../configProblems';

export const CONVERT_HELP = `Usage: postmortem convert FILE|FOLDER… [options]

Converts post-mortems written in other shapes (other templates, wiki exports, plain Markdown)
into this format: front matter from metadata lines and tables, sections under their standard
names, a timeline in UTC, action items as a task list. No line is dropped: what has no place is
kept under "Notes from the original". A file already in this format (its front matter says
type: postmortem) is left as it is, and said (with --stdout, printed unchanged). Each FILE goes to NAME.postmortem.md beside it; an existing
file is never overwritten (unless --overwrite). A FOLDER is scanned for .md, .markdown and .md.erb files. For each file
a report on stderr says what was read (timeline entries, action items, the incident date and
zone) and what was not (timeline-like lines left as text, dates inferred or ambiguous), then the
details as \`file:line:column  severity  message  code\` (lines of the original), to review.

Options:
  --out <dir>         Write the converted files into this folder (default: beside each FILE;
                      created if missing). A FOLDER's files keep their sub-folders there
                      (wiki/a/index.md → DIR/a/index.postmortem.md); two inputs that would
                      still be written to one file are refused before anything is written.
  --out <file.md>     With one FILE: write the converted text to this file (a path ending in
                      .md or .markdown that is not an existing folder). With several, an error.
  --overwrite         Replace an output file that already exists (default: refuse, exit 2).
                      Never the FILE being converted, nor a file this run wrote.
  --stdout            Print the converted text instead of writing files.
  --zone <zone>       The time zone of times the file does not state (IANA name such as
                      Europe/Berlin, UTC, or an offset like +05:30) (default: the zone the
                      file states — in its text, or its front matter's timezone; else UTC,
                      flagged for review). A zone the file states wins, and the report says so.
  --status <status>   The review status of files whose original states none: draft (the
                      default), in-review or published — published for an archive of finished
                      reviews, so they do not count as overdue drafts. A status the original
                      states wins (a note says so); the fields a published review lacks are
                      listed for review.
  --severity-scale <words>
                      Your scale for severity words, as WORD=SEVn pairs separated by commas
                      (Critical=SEV1,Major=SEV2,Minor=SEV3). Without it a word such as "Major"
                      that the original gives no level beside is written as it is and reported:
                      which level it is depends on the team's scale. The same pairs can be
                      kept in .postmortemrc.json ("severityScale": { "Major": "SEV2" }), read
                      per file as lint reads its settings; a word given here wins.
  --verbose           Also list the files a folder scan skipped, and why.
  -h, --help          Show this help.

Examples:
  postmortem convert wiki/2026-03-outage.md
  postmortem convert old/*.md --out postmortems --zone America/New_York
  postmortem convert wiki/2026-03-outage.md --out postmortems/2026-03-11-db-outage.md
  postmortem convert incident.md --stdout | less
  postmortem convert wiki/ --out postmortems --verbose
  postmortem convert archive/ --out postmortems --status published

Exit codes: 0 every file converted completely; 1 converted, but something timeline-like was left
as text (also times of day given only in sentences, when no timeline entry was read), a date was
inferred or ambiguous, or another warning needs review; 2 usage errors,
unreadable files, a .postmortemrc.json that cannot be read (or a bad severityScale in it),
or an output file that already exists (without --overwrite).
`;

/** The output name: `incident.md` → `incident.postmortem.md` (recognised by the default globs). */
export { convertedName };

/** Output collisions listed before the refusal; more are counted. */
const MAX_COLLISIONS_SHOWN = 10;

/** `--severity-scale Critical=SEV1,Major=SEV2`: the words and their levels, or what is wrong with it. */
export function readSeverityScale(given: string | undefined): Record<string, string> | string | undefined {
  if (given === undefined) return undefined;
  const scale: Record<string, string> = {};
  for (const pair of given.split(',')) {
    const m = /^\s*(\p{L}[\p{L}-]{0,30})\s*=\s*(sev[1-4])\s*$/iu.exec(pair);
    if (!m) return `Expected --severity-scale as WORD=SEVn pairs separated by commas (Major=SEV2,Minor=SEV3), found "${pair.trim().slice(0, 60)}"`;
    scale[m[1]] = m[2].toUpperCase();
  }
  return scale;
}

/** `postmortem convert`: exit 0 when all converted completely, 1 when something was not read or was guessed, 2 on errors. */
export default async function convert(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('convert', argv, { out: { type: 'string' }, stdout: { type: 'boolean' }, zone: { type: 'string' }, status: { type: 'string' }, 'severity-scale': { type: 'string' }, verbose: { type: 'boolean' }, overwrite: { type: 'boolean' } });
  if (values.help) {
    io.out(CONVERT_HELP);
    return EXIT_OK;
  }
  if (positionals.length === 0) {
    io.err(`${usageMessage('convert', 'Expected at least one FILE')}\n`);
    return EXIT_USAGE;
  }
  if (values.out && values.stdout) {
    io.err(`${usageMessage('convert', 'Expected either --out or --stdout, not both')}\n`);
    return EXIT_USAGE;
  }
  if (values.overwrite && values.stdout) {
    io.err(`${usageMessage('convert', 'Expected either --overwrite or --stdout, not both (--stdout writes no file)')}\n`);
    return EXIT_USAGE;
  }
  const givenStatus = values.status as string | undefined;
  if (givenStatus !== undefined && !(REVIEW_STATUSES as readonly string[]).includes(givenStatus)) {
    io.err(`${usageMessage('convert', `Expected --status to be ${REVIEW_STATUSES.join(', ')}, found "${givenStatus}"`)}\n`);
    return EXIT_USAGE;
  }
  const reviewStatus = givenStatus as ReviewStatus | undefined;
  const scale = readSeverityScale(values['severity-scale'] as string | undefined);
  if (typeof scale === 'string') {
    io.err(`${usageMessage('convert', scale)}\n`);
    return EXIT_USAGE;
  }
  const zone = readZoneFlag('convert', values.zone as string | undefined, 'reading');
  // The writer's zone settles what IST/CST/BST in an original mean (Asia/Kolkata: India's).
  const writer = zone !== undefined ? { writerZone: zone, writerZoneFrom: 'your zone (--zone)' } : processZone().zone ? { writerZone: processZone().zone!, writerZoneFrom: 'your zone (TZ)' } : {};
  if (zone === undefined) noteProcessZone(io, 'convert');
  let status = EXIT_OK;
  let assumedDrafts = 0;
  const inputs = expandInputs(positionals, io.cwd);
  const out = convertTarget(values.out as string | undefined, io.cwd);
  // One file cannot hold several conversions: refused before anything is read or written.
  if (out.kind === 'file' && (inputs.files.length > 1 || positionals.length > 1)) {
    const n = Math.max(inputs.files.length, positionals.length);
    io.err(`${usageMessage('convert', `Expected one FILE with --out ${values.out} (a file), found ${n} inputs; for several, name a folder: --out DIR`)}\n`);
    return EXIT_USAGE;
  }
  if (values.verbose) for (const s of inputs.skipped) io.err(`skipped ${s.path}: ${s.why}\n`);
  else if (inputs.skipped.length) io.err(`${inputs.skipped.length} file${inputs.skipped.length === 1 ? '' : 's'} skipped in the folder scan (--verbose lists them, and why)\n`);
  const plan = planConversions(inputs.files, out, io.cwd);
  for (const p of plan.repeated) io.err(`note: ${p} is named more than once; converted once\n`);
  // Two inputs, one output: refused before anything is written, so no conversion replaces another (trial 14a F31).
  if (!values.stdout && plan.collisions.length > 0) {
    for (const c of plan.collisions.slice(0, MAX_COLLISIONS_SHOWN)) {
      io.err(`Cannot convert ${c.first} and ${c.second}: both would be written to ${relative(io.cwd, c.target) || c.target}\n`);
    }
    if (plan.collisions.length > MAX_COLLISIONS_SHOWN) io.err(`… and ${plan.collisions.length - MAX_COLLISIONS_SHOWN} more such pairs\n`);
    io.err(`Nothing was written: each input needs its own output file. Convert them in separate runs with different --out folders, or rename one (a FOLDER named as input keeps its sub-folders under --out).\n`);
    return EXIT_USAGE;
  }
  // Each file's own .postmortemrc.json chain (its severityScale), as lint reads it: read before
  // anything is written, so a broken setting stops the run instead of converting without it.
  const configs = await configsFor(plan.conversions.map((c) => c.file), io.cwd);
  const problems = [...configs.values()].flatMap((c) => c.config.problems);
  if (reportConfigProblems(io, 'convert', problems, ['severityScale']) > 0) return EXIT_USAGE;
  // The files this run wrote, by identity: --overwrite replaces only files that were there before the run.
  const writtenBy = new Map<string, string>();
  for (const { input, file, target } of plan.conversions) {
    const p = input.path;
    const read = readMarkdownFile(file, { keepBytes: true });
    if (read.kind !== 'text' || read.encoding?.code === 'file/nul') {
      io.err(`Cannot read ${p}: ${read.kind === 'error' ? read.message : read.kind === 'skip' ? read.reason : read.encoding!.message}\n`);
      status = EXIT_USAGE;
      continue;
    }
    // Not valid UTF-8 (trial C18: every accent became U+FFFD, exit 0): decoded as Windows-1252 when
    // the bytes evidently are, and said as a warning of the conversion; otherwise refused.
    let text = read.text;
    let decoded: ConvertOptions['decoded'];
    if (read.encoding?.code === 'file/not-utf8') {
      // The bytes the check read: decoded once more in memory, never read again (the file may have changed since).
      const legacy = read.bytes ? decodeLegacy(read.bytes) : undefined;
      if (!legacy) {
        io.err(`Cannot convert ${p}: ${read.encoding.fact ?? read.encoding.message} It is not Windows-1252 text either; nothing was written. Re-save it as UTF-8 and convert again.\n`);
        status = EXIT_USAGE;
        continue;
      }
      text = legacy.text;
      decoded = { encoding: legacy.encoding, line: read.encoding.at.line, characters: legacy.decidedBytes };
    } else if (read.encoding) io.err(`${p}: warning: ${read.encoding.message}\n`);
    // A file in this format already (its front matter says `type: postmortem`) is left as it is:
    // converted again, its entries were rewritten and its notes nested a level deeper (trial18a F10).
    if (isInStandardFormat(text)) {
      io.err(`${p}: already in the standard format (type: postmortem in its front matter); not converted, ${values.stdout ? 'printed as it is' : 'nothing written'}. \`postmortem lint ${p}\` checks it.\n`);
      if (values.stdout) io.out(text);
      continue;
    }
    const severity = severityScaleFor(configs.get(file), scale, io.cwd);
    const result = convertPostmortem(text, { fileName: basename(file), defaultZone: zone, ...writer, ...(decoded ? { decoded } : {}), ...(reviewStatus ? { status: reviewStatus } : {}), ...severity });
    const assumedDraft = result.report.status.assumed && result.report.status.value === 'draft';
    // What was read and what was not, first: the user judges the result by it.
    for (const line of formatConvertReport(p, result)) io.err(`${line}\n`);
    for (const d of result.diagnostics) {
      io.err(`${p}:${d.range.start.line + 1}:${d.range.start.character + 1}  ${d.severity}  ${d.message}  ${d.code}\n`);
    }
    // Derived values are not problems (no effect on the exit code), but the user must know.
    for (const n of result.notes) io.err(`${p}:${n.line + 1}:1  note  ${n.message}\n`);
    if ((!result.report.complete || result.diagnostics.some((d) => d.severity !== 'info')) && status === EXIT_OK) status = EXIT_PROBLEMS;
    if (values.stdout) {
      io.out(result.text);
      if (assumedDraft) assumedDrafts++;
      continue;
    }
    const shown = relative(io.cwd, target) || target;
    if (sameFile(target, file)) {
      io.err(`Cannot write ${shown}: it is the file being converted; the original is never replaced. Name another --out file.\n`);
      status = EXIT_USAGE;
      continue;
    }
    try {
      await mkdir(dirname(target), { recursive: true });
    } catch (e) {
      io.err(`Cannot write ${shown}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      status = EXIT_USAGE;
      continue;
    }
    const earlier = writtenBy.get(fileIdentity(target) ?? '');
    if (earlier !== undefined) {
      // The plan keeps paths apart; one file under two names (letter case, a symbolic link) is caught here.
      io.err(`Cannot write ${shown}: this run wrote it from ${earlier}; ${p} not written (two inputs, one output file)\n`);
      status = EXIT_USAGE;
      continue;
    }
    // The folder the user named (or the input's): a symlink in it that leads out is not written through.
    const root = out.kind === 'folder' ? out.dir : dirname(target);
    const written = writeConverted(target, result.text, values.overwrite === true, [root]);
    if (!written.ok) {
      io.err(written.reason === 'exists' ? `${shown} already exists; not overwritten. Remove it, pass --overwrite to replace it, or use --out or --stdout.\n`
        : written.reason === 'outside-roots' ? `${shown} not written: ${written.message}.\n` : `Cannot write ${shown}: ${written.message}\n`);
      status = EXIT_USAGE;
      continue;
    }
    const identity = fileIdentity(target);
    if (identity !== undefined) writtenBy.set(identity, p);
    // Counted once written: the closing line says how many files were written as drafts (trial18a F7).
    if (assumedDraft) assumedDrafts++;
    io.out(`${p} → ${shown}${reviewCount(result) ? ` (${thingsToReview(result)})` : ''}\n`);
  }
  // An archive converted as drafts reads as years of overdue reviews in the metrics: the way out is said once.
  if (assumedDrafts > 0) io.err(`${assumedDrafts === 1 ? '1 file was' : `${assumedDrafts} files were`} written as status: draft (no review status was read from the original); if ${assumedDrafts === 1 ? 'it is a finished review' : 'they are finished reviews'} (an archive), convert with --status published, so the metrics do not count ${assumedDrafts === 1 ? 'it as an overdue draft' : 'them as overdue drafts'}\n`);
  return status;
}

/** The configuration of each input, by path: every `.postmortemrc.json` from its folder up to the repository root (else the working folder). */
async function configsFor(files: readonly string[], cwd: string): Promise<Map<string, LoadedConfig>> {
  const loader = new ConfigLoader(async (path) => readOptionalUserText(path, MAX_CONFIG_BYTES));
  const root = (findGitRoot(cwd) ?? cwd).replace(/\\/g, '/');
  const out = new Map<string, LoadedConfig>();
  for (const file of files) if (!out.has(file)) out.set(file, await loader.loadFor(file.replace(/\\/g, '/'), { root }));
  return out;
}

/**
 * The severity scale for one file: its configuration's `severityScale`, then `--severity-scale`,
 * whose words win (compared without case); each word with where it came from, for the note.
 */
function severityScaleFor(loaded: LoadedConfig | undefined, flag: Record<string, string> | undefined, cwd: string): Pick<ConvertOptions, 'severityScale' | 'severityScaleFrom'> {
  const scale: Record<string, string> = {};
  const from: Record<string, string> = {};
  const files = loaded?.files ?? [];
  const rcName = files.length === 1 ? relative(cwd, files[0]) || files[0] : '.postmortemrc.json';
  for (const [word, level] of Object.entries(loaded?.config.severityScale ?? {})) {
    scale[word] = level;
    from[word] = `severityScale in ${rcName}`;
  }
  for (const [word, level] of Object.entries(flag ?? {})) {
    for (const k of Object.keys(scale)) {
      if (k.toLowerCase() !== word.toLowerCase()) continue;
      delete scale[k];
      delete from[k];
    }
    scale[word] = level;
    from[word] = '--severity-scale';
  }
  return Object.keys(scale).length ? { severityScale: scale, severityScaleFrom: from } : {};
}

/** Whether two paths are one file (symlinks resolved): a conversion never replaces its original. */
function sameFile(a: string, b: string): boolean {
  return realPath(a) === realPath(b);
}
