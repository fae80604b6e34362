// The `postmortem` command. The build adds the shebang; dist/cli.js is package.json's `bin`.
import { EXIT_OK, EXIT_USAGE, UsageError, type CliCommand, type CliIo } from './io';
import { tuneJitForShortRun } from './jitBudget';
import { nodeIo } from './nodeIo';
import { TOOL } from './version';

interface CommandEntry {
  readonly summary: string;
  /** Loaded on use, so `postmortem new` does not pay for the lint engine's start-up. */
  readonly load: () => Promise<{ default: CliCommand }>;
}

/** Every subcommand: adding one is one line here. */
const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  lint: { summary: 'Check post-mortems (text, JSON or SARIF output; --fix)', load: () => import('./commands/lint') },
  actions: { summary: 'List open action items (--owner, --overdue, JSON)', load: () => import('./commands/actions') },
  new: { summary: 'Create a post-mortem from the template', load: () => import('./commands/new') },
  fta: { summary: 'Fault-tree analysis of the diagrams in a post-mortem', load: () => import('./commands/fta') },
  metrics: { summary: 'MTTD/MTTR and other metrics over post-mortems', load: () => import('./commands/metrics') },
  list: { summary: 'List the post-mortems, grouped by service, severity, status, year or factor', load: () => import('./commands/list') },
  similar: { summary: 'The earlier post-mortems most like one, with the reasons (services, factors, words)', load: () => import('./commands/similar') },
  'import-timeline': { summary: 'Import a timeline from chat or alert exports', load: () => import('./commands/importTimeline') },
  convert: { summary: 'Convert other post-mortem formats to this one', load: () => import('./commands/convert') },
  tickets: { summary: 'Create tracker tickets for action items; check their states (GitHub, GitLab, Jira)', load: () => import('./commands/tickets') },
  evidence: { summary: 'Attach screenshots, logs and chat exports (redacted) as evidence', load: () => import('./commands/evidence') },
};

function help(): string {
  const width = Object.keys(COMMANDS).reduce((w, c) => Math.max(w, c.length), 0);
  return `Usage: postmortem <command> [options]

Write and check blameless incident post-mortems kept as Markdown in your repository.

Commands:
${Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`).join('\n')}

Run \`postmortem <command> --help\` for a command's options.
Options: --help, --version
Exit codes: 0 clean, 1 problems at error level, 2 usage or I/O errors.
`;
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${TOOL.version}\n`);
    return EXIT_OK;
  }
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!entry) {
    io.err(`postmortem: unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(', ')}. Run \`postmortem --help\`.\n`);
    return EXIT_USAGE;
  }
  try {
    const command = (await entry.load()).default;
    const code = await command(rest, io);
    await settled();
    const dropped = io.droppedOutput?.();
    if (dropped) io.err(`postmortem ${name}: note: standard output was closed by its reader (as \`| head\` does) before ${dropped.writes === 1 ? 'one write' : `${dropped.writes} writes`} to it; that output was not shown. The command ran to the end (files it writes were written; its messages here are complete).\n`);
    return code;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n`);
      return EXIT_USAGE;
    }
    io.err(`postmortem ${name}: internal error (please report it):\n${(e as Error).stack ?? String(e)}\n`);
    return EXIT_USAGE;
  }
}

/** Lets a failed write to a closed stdout report its EPIPE (an 'error' event on a later turn) before the note. */
function settled(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

// A run of seconds, not a server: see jitBudget.ts. Before any command's code is loaded.
tuneJitForShortRun();

// Flush output before exiting: process.exit() right after a large write to a pipe would cut it off.
void run(process.argv.slice(2), nodeIo()).then((code) => {
  process.exitCode = code;
});
