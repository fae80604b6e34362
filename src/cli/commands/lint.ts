import { pathToFileURL } from 'node:url';
import { writeFileSync } from 'node:fs';
import { DEFAULT_CONFIG } from '../../core/config/config';
import type { Severity } from '../../core/types';
import { ALL_RULES } from '../../core/rules';
import { oneOf, parseCommandArgs, parseNow } from '../args';
import { reportConfigProblems } from '../configProblems';
import { collectPostmortems } from '../files/collect';
import { expandPaths } from '../files/expand';
import { findGitRoot } from '../files/roots';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliCommand } from '../io';
import { formatJson } from '../lint/format/json';
import type { FileReport } from '../lint/format/report';
import { formatSarif } from '../lint/format/sarif';
import { formatText } from '../lint/format/text';
import { lintAll } from '../lint/pool';
import { useColor } from '../nodeIo';
import { makeStyle } from '../style';
import { TOOL } from '../version';
import { knownIdsFor } from '../workspace';

export const LINT_HELP = `Usage: postmortem lint [paths or globs…] [options]

Checks post-mortems (Markdown with \`type: postmortem\` front matter, or under a path matching the
configured globs). Folders are searched recursively (node_modules and .git skipped); other Markdown
files are skipped, also when named explicitly (say why on stderr). Defaults to the current folder.

Options:
  --format <text|json|sarif>  Output format (default text). json: one object per problem with
                              1-based file/line/column/endLine/endColumn; sarif: SARIF 2.1.0.
  --fix                       Apply the safe fixes in place and report what was fixed.
  --config <file>             Use this .postmortemrc.json instead of searching upward from each file.
  --now <ISO date-time>       Take this as the current time (review deadline, overdue items).
  --quiet                     Report errors only.
  --verbose                   Also say why each skipped file was skipped.
  --all-markdown              Treat every Markdown file as a post-mortem (e.g. a folder of imports).
  --workers <n>               Worker threads to use (default: one per core; 0 = lint in-process).
  -h, --help                  Show this help.

Examples:
  postmortem lint                                  every post-mortem under the current folder
  postmortem lint postmortems/2026-11-20-checkout.md --fix
  postmortem lint --format sarif > postmortem.sarif

Exit codes: 0 no errors, 1 problems at error level, 2 usage or I/O errors (an unreadable file,
a broken .postmortemrc.json).
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
    workers: { type: 'string' },
  });
  if (values.help) {
    io.out(LINT_HELP);
    return EXIT_OK;
  }
  const format = oneOf(values.format as string | undefined, ['text', 'json', 'sarif'] as const, 'text', '--format');
  const now = parseNow(values.now as string | undefined, io.now, 'lint');
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0)) {
    io.err(`postmortem lint: expected --workers to be a whole number, found "${String(values.workers)}"\n`);
    return EXIT_USAGE;
  }

  const expansion = expandPaths(positionals, io.cwd);
  if (expansion.missing.length) {
    for (const m of expansion.missing) io.err(`postmortem lint: ${m}: no such file, folder or matching file\n`);
    return EXIT_USAGE;
  }
  const root = findGitRoot(io.cwd) ?? io.cwd;
  const collected = await collectPostmortems(expansion.files, {
    cwd: io.cwd, root, configFile: values.config as string | undefined, allMarkdown: values['all-markdown'] === true,
  });
  let exit = EXIT_OK;
  if (reportConfigProblems(io, 'lint', collected.configProblems, 'all') > 0) exit = EXIT_USAGE;
  for (const s of collected.skipped) {
    if (s.explicit || s.notable || values.verbose) io.err(`postmortem lint: skipped ${s.display}: ${s.reason}\n`);
  }
  for (const e of collected.errors) io.err(`postmortem lint: cannot read ${e.display}: ${e.message}\n`);
  if (collected.errors.length) exit = EXIT_USAGE;

  const firstConfig = collected.configs.values().next().value ?? DEFAULT_CONFIG;
  const knownIds = knownIdsFor(collected.files, root, firstConfig);
  const run = await lintAll(
    collected.files.map((f, i) => ({ index: i, text: f.text, configKey: f.configKey })),
    { configs: collected.configs, now, knownIds, fix: values.fix === true },
    { workers },
  );
  for (const c of run.crashes) {
    io.err(`postmortem lint: internal error while checking ${collected.files[c.index].display} (please report it):\n${c.error}\n`);
    exit = EXIT_USAGE;
  }

  const reports: FileReport[] = [];
  const hidden: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const outcome of run.outcomes.sort((a, b) => a.index - b.index)) {
    const file = collected.files[outcome.index];
    if (outcome.fixedText !== undefined) {
      try {
        writeFileSync(file.path, outcome.fixedText);
      } catch (e) {
        io.err(`postmortem lint: cannot write ${file.display}: ${(e as Error).message}\n`);
        exit = EXIT_USAGE;
        continue;
      }
    }
    const diagnostics = values.quiet ? outcome.diagnostics.filter((d) => d.severity === 'error') : outcome.diagnostics;
    if (values.quiet) for (const d of outcome.diagnostics) if (d.severity !== 'error') hidden[d.severity]++;
    reports.push({ display: file.display, rel: file.rel, diagnostics, ...(outcome.fixed ? { fixed: outcome.fixed } : {}) });
  }

  if (format === 'json') io.out(formatJson(reports));
  else if (format === 'sarif') io.out(formatSarif(reports, ALL_RULES, TOOL, pathToFileURL(root).href));
  else io.out(formatText(reports, makeStyle(useColor()), { hidden }));

  if (exit !== EXIT_OK) return exit;
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? EXIT_PROBLEMS : EXIT_OK;
};

export default lint;
