import { pathToFileURL } from 'node:url';
import { relative, sep } from 'node:path';
import type { ResolvedConfig } from '../../core/config/config';
import type { Severity } from '../../core/types';
import { ALL_RULES } from '../../core/rules';
import { oneOf, parseCommandArgs, parseNow, wholeNumber } from '../args';
import { reportConfigProblems } from '../configProblems';
import { collectPostmortems } from '../files/collect';
import { expandPaths } from '../files/expand';
import { findGitRoot } from '../files/roots';
import { noteProcessZone } from '../processZone';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliCommand } from '../io';
import { formatJsonPieces } from '../lint/format/json';
import type { FileReport } from '../lint/format/report';
import { formatSarif } from '../lint/format/sarif';
import { formatText } from '../lint/format/text';
import { idRulesMayReport, lintIdRules, lintOne, type PlainDiagnostic } from '../lint/lintOne';
import { compareDiagnostics } from '../../core/lint/engine';
import { LintStream, LintWorkers } from '../lint/pool';
import type { LoadedFile } from '../files/collect';
import type { LintJob } from '../lint/lintOne';
import type { WorkspaceFiles } from '../../core/links/workspaceFiles';
import { rewriteRefusal } from '../files/encoding';
import { encodingDiagnostic } from '../files/encodingDiagnostic';
import { hardLinkNote, writeFileSafely } from '../files/safeWrite';
import { useColor } from '../nodeIo';
import { makeStyle } from '../style';
import { TOOL } from '../version';
import { knownIdsFor } from '../workspace';
import { mayLinkToFiles } from '../../core/links/mayLinkToFiles';
import { listWorkspaceFiles, MAX_LISTED } from '../files/workspaceFiles';
import { checkEvidenceOnDisk } from './evidenceCheck';

export const LINT_HELP = `Usage: postmortem lint [paths or globs…] [options]

Checks post-mortems (Markdown with \`type: postmortem\` front matter, or under a path matching the
configured globs). Folders are searched recursively (node_modules and .git skipped); other Markdown
files are skipped, also when named explicitly (say why on stderr). Defaults to the current folder.

Options:
  --format <text|json|sarif>  Output format (default text). json: one object per problem with
                              1-based file/line/column/endLine/endColumn; sarif: SARIF 2.1.0.
  --fix                       Apply the safe fixes in place and report what was fixed. Each file
                              is replaced atomically, and not at all when it changed during the
                              run, is not valid UTF-8, or is a symlink out of the folders given
                              (said on stderr, exit 2).
  --config <file>             Use this .postmortemrc.json instead of searching upward from each file.
  --now <ISO date-time>       Take this as the current time (review deadline, overdue items).
  --quiet                     Report errors only.
  --verbose                   Also say why each skipped file was skipped.
  --all-markdown              Check every Markdown file as a post-mortem (e.g. a folder of imports);
                              --fix still writes only post-mortems (type: postmortem, or in the globs).
  --require-approvals         A \`published\` post-mortem without its approvals (review/not-approved,
                              requiredApprovals, at least 1) is an error: the CI gate for
                              publications changed in a pull request (pass those files). An
                              approval counts when dated between the incident's end and now; a
                              reviewer's request for changes still open fails the gate.
  --workers <n>               Worker threads besides the main thread, which lints too (default:
                              one per core less one; 0 = lint in-process).
  -h, --help                  Show this help.

Examples:
  postmortem lint                                  every post-mortem under the current folder
  postmortem lint postmortems/2026-11-20-checkout.md --fix
  postmortem lint --format sarif > postmortem.sarif

Exit codes: 0 no errors, 1 problems at error level (a file holding NUL bytes is one), 2 usage or
I/O errors (an unreadable file, a broken .postmortemrc.json, a fix that was not written).
`;

const lint: CliCommand = async (argv, io) => {
  const { values, positionals } = parseCommandArgs('lint', argv, {
    format: { type: 'string' },
    fix: { type: 'boolean' },
    config: { type: 'string' },
    now: { type: 'string' },
    quiet: { type: 'boolean' },
    verbose: { type: 'boolean' },
    'all-markdown': { type: 'boolean' },
    'require-approvals': { type: 'boolean' },
    workers: { type: 'string' },
  });
  if (values.help) {
    io.out(LINT_HELP);
    return EXIT_OK;
  }
  const format = oneOf('lint', values.format as string | undefined, ['text', 'json', 'sarif'] as const, 'text', '--format');
  const now = parseNow(values.now as string | undefined, io.now, 'lint');
  const workers = wholeNumber('lint', '--workers', values.workers as string | undefined, { min: 0, max: 256 });

  const expansion = expandPaths(positionals, io.cwd);
  if (expansion.missing.length) {
    for (const m of expansion.missing) io.err(`postmortem lint: ${m}: no such file, folder or matching file\n`);
    return EXIT_USAGE;
  }
  // Workers load while the files are read (their start-up is wall time otherwise); unreferenced until used.
  const pool = workers === 0 ? undefined : LintWorkers.start(expansion.files.length, { workers });
  const root = findGitRoot(io.cwd) ?? io.cwd;
  const fix = values.fix === true;
  const gate = values['require-approvals'] === true ? requireApprovals : (config: ResolvedConfig) => config;
  // A first pass without the workspace's ids (the files' own ids come out of it), started on each
  // file as soon as it is read: the workers lint while the main thread reads the rest.
  const stream = new LintStream({ now, fix }, pool);
  // Links to runbooks and docs (links/missing-file): the files under the root, listed once, when a post-mortem first links to a path.
  const links: { listing: 'not needed' | 'too many' | WorkspaceFiles } = { listing: 'not needed' };
  const jobOf = (f: LoadedFile, i: number): LintJob => ({ index: i, text: f.text, configKey: f.configKey, ...(isOutside(f.rel) ? {} : { documentPath: f.rel }), idPath: f.display, ...(f.notPostmortem ? { checkOnly: true } : {}), ...(format === 'json' ? { jsonFile: f.display } : {}) });
  const collected = await collectPostmortems(expansion.files, {
    cwd: io.cwd, root, configFile: values.config as string | undefined, allMarkdown: values['all-markdown'] === true,
    onFile: (file, index, config) => {
      if (links.listing === 'not needed' && !isOutside(file.rel) && mayLinkToFiles(file.text)) {
        links.listing = listWorkspaceFiles(root) ?? 'too many';
        if (links.listing !== 'too many') stream.setWorkspaceFiles(links.listing);
      }
      stream.setConfig(file.configKey, gate(config));
      stream.add(jobOf(file, index));
    },
  });
  const run = await stream.finish();
  let exit = EXIT_OK;
  // Zone-less times are questioned against the writer's zone (the lint threads read the same TZ).
  noteProcessZone(io, 'lint');
  if (reportConfigProblems(io, 'lint', collected.configProblems, 'all') > 0) exit = EXIT_USAGE;
  for (const s of collected.skipped) {
    if (s.explicit || s.notable || values.verbose) io.err(`postmortem lint: skipped ${s.display}: ${s.reason}\n`);
  }
  for (const e of collected.errors) io.err(`postmortem lint: cannot read ${e.display}: ${e.message}\n`);
  if (collected.errors.length) exit = EXIT_USAGE;
  const quietlySkipped = collected.skipped.filter((s) => !(s.explicit || s.notable)).length;
  if (collected.files.length === 0 && collected.notRead.length === 0 && quietlySkipped > 0 && !values.verbose) {
    io.err(`postmortem lint: no post-mortem found: ${quietlySkipped} Markdown ${quietlySkipped === 1 ? 'file was' : 'files were'} skipped as not post-mortems ` +
      '(a post-mortem has `type: postmortem` in its front matter, or sits where the `postmortems` globs say). --verbose lists them; ' +
      '`postmortem convert` rewrites post-mortems written in another shape into this format.\n');
  }
  const configs = new Map([...collected.configs].map(([key, config]) => [key, gate(config)]));
  if (links.listing === 'too many') io.err(`postmortem lint: links to workspace files not checked: more than ${MAX_LISTED.toLocaleString('en-US')} files under ${root}\n`);
  const workspaceFiles = typeof links.listing === 'object' ? links.listing : undefined;
  const firstPass = { configs, now, fix, ...(workspaceFiles ? { workspaceFiles } : {}) };
  // --all-markdown checks every Markdown file, --fix writes only post-mortems: said once, not per file.
  const otherMarkdown = collected.files.filter((f) => f.notPostmortem).length;
  const checkOnly = fix ? otherMarkdown : 0;
  if (checkOnly) io.err(`postmortem lint: --fix left ${checkOnly} ${checkOnly === 1 ? 'file' : 'files'} unchanged: not a post-mortem (no \`type: postmortem\` front matter, outside the post-mortem globs). --all-markdown checks every Markdown file; --fix writes only post-mortems\n`);
  for (const c of run.crashes) {
    io.err(`postmortem lint: internal error while checking ${collected.files[c.index].display} (please report it):\n${c.error}\n`);
    exit = EXIT_USAGE;
  }
  const byIndex = new Map(run.outcomes.map((o) => [o.index, o]));
  const ids = await knownIdsFor(collected.files, (i) => byIndex.get(i)?.ids, root, collected.configFor);
  const settings = { ...firstPass, ids };
  // Second pass, only where they can report: the rules that need the workspace's ids.
  for (const [i, outcome] of byIndex) {
    if (!outcome.ids || !idRulesMayReport(outcome.ids, ids)) continue;
    const more = lintIdRules(jobOf(collected.files[i], i), outcome.fixedText ?? collected.files[i].text, settings);
    if (more.length) {
      // The elements formatted in the first pass lack these: formatted again at the end.
      const { jsonElements: _formattedWithout, ...rest } = outcome;
      byIndex.set(i, { ...rest, diagnostics: [...outcome.diagnostics, ...more].sort(compareDiagnostics) });
    }
  }

  const reports: FileReport[] = [];
  const hidden: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let notWritten = 0;
  const addReport = (display: string, rel: string, all: readonly PlainDiagnostic[], fixed?: Readonly<Record<string, number>>, fixNotes?: readonly string[], formatted?: { readonly of: readonly PlainDiagnostic[]; readonly jsonElements?: string }, evidenceFile?: true) => {
    const diagnostics = values.quiet ? all.filter((d) => d.severity === 'error') : all;
    if (values.quiet) for (const d of all) if (d.severity !== 'error') hidden[d.severity]++;
    // The elements formatted where the file was linted stand only for the very diagnostics reported.
    const jsonElements = formatted?.jsonElements !== undefined && sameDiagnostics(formatted.of, diagnostics) ? formatted.jsonElements : undefined;
    reports.push({ display, rel, diagnostics, ...(evidenceFile ? { evidence: true as const } : {}), ...(fixed ? { fixed } : {}), ...(fixed && fixNotes ? { fixNotes } : {}), ...(jsonElements !== undefined ? { jsonElements } : {}) });
  };
  // Evidence beside the files (links to missing files, files nothing links to): the disk is the CLI's to read.
  const evidence = checkEvidenceOnDisk(collected.files, configs);
  for (let outcome of [...byIndex.values()].sort((a, b) => a.index - b.index)) {
    const file = collected.files[outcome.index];
    if (outcome.fixedText !== undefined) {
      // Written back in the file's own encoding, BOM and line breaks (UTF-8 or UTF-16; a lone CR stays a CR);
      // never when its text does not give back its bytes (invalid UTF-8 read as U+FFFD would replace them).
      const refusal = rewriteRefusal(file);
      const written = refusal
        ? { ok: false as const, message: `${refusal}; nothing was written` }
        : writeFileSafely(file.path, { form: file.form, text: outcome.fixedText, kept: outcome.fixedKept ?? [] }, { expected: file.snapshot, roots: expansion.roots });
      if (written.ok && written.otherLinks) io.err(`postmortem lint: note: ${hardLinkNote(file.display, written.otherLinks)}\n`);
      if (!written.ok) {
        io.err(`postmortem lint: not written ${file.display}: ${written.message}\n`);
        exit = EXIT_USAGE;
        notWritten++;
        // Report the file as it still is: its fixable problems are still there.
        outcome = lintOne(jobOf(file, outcome.index), { ...settings, fix: false });
      }
    }
    addReport(file.display, file.rel, [...(file.encoding ? [encodingDiagnostic(file.encoding)] : []), ...outcome.diagnostics, ...(evidence.perFile.get(file.path) ?? [])], outcome.fixed, outcome.fixNotes, { of: outcome.diagnostics, jsonElements: outcome.jsonElements });
  }
  // One block per evidence file, whatever it was reported for (an orphan that is an archive: both in one).
  const onFiles = new Map<string, PlainDiagnostic[]>();
  for (const o of evidence.onFiles) {
    const list = onFiles.get(o.path);
    if (list) list.push(o.diagnostic);
    else onFiles.set(o.path, [o.diagnostic]);
  }
  for (const [path, diagnostics] of onFiles) addReport(relative(io.cwd, path) || path, relative(root, path).split(sep).join('/'), diagnostics, undefined, undefined, undefined, true);
  // Files with NUL bytes were not read: one error each, where CI and editors look for problems.
  for (const n of collected.notRead) addReport(n.display, n.rel, [encodingDiagnostic(n.issue)]);
  reports.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));

  if (format === 'json') for (const piece of formatJsonPieces(reports)) io.out(piece);
  else if (format === 'sarif') io.out(formatSarif(reports, ALL_RULES, TOOL, pathToFileURL(root).href));
  else {
    // What was checked and what was passed over, in the summary: READMEs checked under --all-markdown are not post-mortems.
    const skipped = new Map<string, number>();
    for (const s of collected.skipped) if (!(s.explicit || s.notable || values.verbose)) {
      const why = s.reason.split(' (')[0];
      skipped.set(why, (skipped.get(why) ?? 0) + 1);
    }
    io.out(formatText(reports, makeStyle(useColor()), { hidden, notWritten, notRead: collected.errors.length, otherMarkdown, skipped }));
  }

  if (exit !== EXIT_OK) return exit;
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? EXIT_PROBLEMS : EXIT_OK;
};

/** Whether two lists hold the same diagnostic objects in the same order. */
function sameDiagnostics(a: readonly PlainDiagnostic[], b: readonly PlainDiagnostic[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** A file named on the command line outside the root (`../elsewhere/x.md`): its links have no workspace to be checked against. */
function isOutside(rel: string): boolean {
  return rel === '' || rel === '..' || rel.startsWith('../') || /^[A-Za-z]:|^\//.test(rel);
}

export default lint;

/** `--require-approvals`: a file's config with review/not-approved at error and at least one approval required. */
function requireApprovals(config: ResolvedConfig): ResolvedConfig {
  return { ...config, requiredApprovals: Math.max(1, config.requiredApprovals), rules: { ...config.rules, 'review/not-approved': 'error' } };
}
