import { DEFAULT_CONFIG } from '../../core/config/config';
import { isNotReadProblem, readSummary } from '../../core/index';
import { computeMetrics, MetricsOptionError, renderMetricsMarkdown, renderMetricsText, windowStartDay, type MetricsSource } from '../../core/metrics';
import { parseInstant } from '../../core/time/instant';
import { parseCommandArgs, usageMessage, wholeNumber } from '../args';
import { collectPostmortems, reportReadProblems } from '../files/collect';
import { expandPaths } from '../files/expand';
import { findGitRoot } from '../files/roots';
import { noteProcessZone, processZone } from '../processZone';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliIo } from '../io';
import { terminalSafeLines } from '../style';

export const METRICS_HELP = `Usage: postmortem metrics [paths or globs…] [options]

Metrics over the post-mortems found (same file selection as \`postmortem lint\`; default the current
folder): time to detect, time to mitigate and MTTR from the front-matter times (median, p90 and
mean; by incident type, severity and service; a trend per month or quarter), repeat incidents,
review completion, action-item follow-through and root-cause categories. Post-mortems missing a
time are counted as missing, not guessed; times written without a zone in a file without
\`timezone:\` (or with \`timezone: UTC\`) are read as UTC, and when your zone (this process's, TZ
included) is not UTC each such file is named in a note. Per-period tables list the periods with incidents and say
how many empty ones they left out; the JSON and the md charts keep every period of the span.

Options:
  --since <date>            Only incidents started on or after this date (YYYY-MM-DD or ISO time).
  --last <months>           Only incidents of the last N months, as the dashboard's "Last N months":
                            from the same day N months ago on your calendar (on 2026-12-06,
                            --last 12 starts on 2025-12-06); the trend runs to this month.
  --until <date>            Only incidents started on or before this date.
  --by <month|quarter>      Trend periods (default month).
  --format <text|json|md>   Output format (default text); md is a Markdown report with charts.
                            Lines in json (actions.overdueItems[].line) are 1-based, as in lint.
  --now <ISO date-time>     Take this as the current time (review and action deadlines).
  --repeat-window <days>    Incidents sharing a service and a type or tag that start this close
                            count as repeats (default 90).
  --review-deadline <hours> Hours after resolved_at to publish the review (default
                            reviewDeadlineHours of .postmortemrc.json, else 48).
  --all-markdown            Treat every Markdown file as a post-mortem.
  -h, --help                Show this help.

Examples:
  postmortem metrics postmortems --since 2026-01-01 --by quarter
  postmortem metrics --last 12
  postmortem metrics --format md > docs/incident-metrics.md

Files that share an \`id\` are one incident when they also share the start: a copy is left out
of every count (the first file, in path order, counts); with different starts each counts. A note
names the files either way.

Exit codes: 0 metrics printed (also for no post-mortems), 1 printed, but a value of a post-mortem
was not read or not used (its front matter, a time after now or out of order, a copy left out or
an id shared: a note names the file and why), 2 usage or I/O errors (also when a file could not be read: the metrics are printed without
it, and stderr names it).
`;

/** `postmortem metrics`: reads the post-mortems under the paths and prints the metrics (exit 0, or 2 on usage errors). */
export default async function metrics(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('metrics', argv, {
    since: { type: 'string' }, last: { type: 'string' }, until: { type: 'string' }, by: { type: 'string', default: 'month' },
    format: { type: 'string', default: 'text' }, now: { type: 'string' },
    'repeat-window': { type: 'string' }, 'review-deadline': { type: 'string' }, 'all-markdown': { type: 'boolean' },
  });
  if (values.help) {
    io.out(METRICS_HELP);
    return EXIT_OK;
  }
  if (values.by !== 'month' && values.by !== 'quarter') return usage(io, `Expected --by to be one of month, quarter, found "${values.by}"`);
  if (!['text', 'json', 'md'].includes(values.format!)) return usage(io, `Expected --format to be one of text, json, md, found "${values.format}"`);
  const repeatWindowDays = numberOption(values['repeat-window']);
  const reviewDeadlineHours = numberOption(values['review-deadline']);
  if (repeatWindowDays === null || reviewDeadlineHours === null) return usage(io, 'Expected --repeat-window and --review-deadline as positive numbers');

  const lastMonths = wholeNumber('metrics', '--last', values.last as string | undefined, { min: 1, max: 1200, what: 'a whole number of months' });
  if (lastMonths !== undefined && values.since !== undefined) return usage(io, 'Expected --since or --last, not both');
  const writerZone = processZone().zone;
  noteProcessZone(io, 'metrics');
  const now = values.now ?? io.now();
  const nowMs = now instanceof Date ? now.getTime() : parseInstant(now.trim(), 'UTC')?.ms ?? Number.NaN;
  // The dashboard's window on the writer's calendar (the process's zone), the same function.
  const since = lastMonths !== undefined && !Number.isNaN(nowMs) ? windowStartDay(nowMs, lastMonths, writerZone) : values.since;

  // Same file selection as `postmortem lint`: globs and `type: postmortem`, .postmortemrc.json found upward.
  const expansion = expandPaths(positionals, io.cwd);
  if (expansion.missing.length) {
    for (const m of expansion.missing) io.err(`postmortem metrics: ${m}: no such file, folder or matching file\n`);
    return EXIT_USAGE;
  }
  const collected = await collectPostmortems(expansion.files, { cwd: io.cwd, root: findGitRoot(io.cwd) ?? io.cwd, allMarkdown: values['all-markdown'] === true });
  for (const p of collected.configProblems) io.err(`postmortem metrics: config: ${p}\n`);
  const notRead = reportReadProblems(io, 'metrics', collected);
  const config = collected.configs.values().next().value ?? DEFAULT_CONFIG;
  // Each file read once by the summary reader (the same reading as `actions`, the tree and the dashboard).
  // Each with its own folder's section names (.postmortemrc.json is per file).
  const sources: MetricsSource[] = collected.files.map((f) => ({ uri: f.display, summary: readSummary(f.text, { sectionAliases: (collected.configs.get(f.configKey) ?? config).sectionAliases }) }));
  try {
    const result = computeMetrics(sources, {
      now, since, until: values.until, by: values.by,
      repeatWindowDays, reviewDeadlineHours: reviewDeadlineHours ?? config.reviewDeadlineHours,
      // Zone-less times read as UTC while the writer is elsewhere are listed under problems.
      writerZone,
    });
    if (values.format === 'json') io.out(`${JSON.stringify(result, null, 2)}\n`);
    else if (values.format === 'md') io.out(renderMetricsMarkdown(result));
    else io.out(terminalSafeLines(renderMetricsText(result)));
    // The metrics are printed, but without the files that could not be read: not a clean run. Nor
    // are they when a value of a file was not read or not used (a front matter, a time after now):
    // exit 1, as `list`, `lint` and `actions` (trial12 T10); the notes name the file and why.
    // So do files sharing an id: copies left out, or incidents under one id (the notes say which).
    return notRead ? EXIT_USAGE : result.sharedIds.length || result.problems.some((p) => isNotReadProblem(p.message)) ? EXIT_PROBLEMS : EXIT_OK;
  } catch (e) {
    if (e instanceof MetricsOptionError) return usage(io, e.message);
    throw e;
  }
}

function numberOption(value: string | undefined): number | undefined | null {
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : null;
}

function usage(io: CliIo, message: string): number {
  io.err(`${usageMessage('metrics', message)}\n`);
  return EXIT_USAGE;
}
