import assert from 'node:assert/strict';
import { buildOnce, runCli, workspace } from './harness';

/**
 * Trial F19/F25: every usage error of every command has one shape — the command, what was expected
 * and what was found, and where the options are explained — on stderr, nothing on stdout, exit 2.
 * `--severity SEV9` and `--status bogus` in `list` are such errors (they were "0 post-mortems of 1", exit 0).
 */
const BAD: readonly (readonly [command: string, ...args: string[]])[] = [
  ['lint', '--format', 'xml'],
  ['lint', '--workers', 'x'],
  ['lint', '--now', 'yesterday'],
  ['actions', '--format', 'xml'],
  ['new', '--severity', 'SEV9', 'X'],
  ['new'],
  ['fta', '--format', 'xml', 'a.md'],
  ['fta'],
  ['metrics', '--by', 'week'],
  ['metrics', '--format', 'xml'],
  ['list', '--by', 'colour'],
  ['list', '--format', 'xml'],
  ['list', '--severity', 'SEV9'],
  ['list', '--status', 'bogus'],
  ['similar', '--limit', 'abc', 'postmortems/a.md'],
  ['similar', '--format', 'xml', 'postmortems/a.md'],
  ['similar'],
  ['import-timeline', 'postmortems/a.md', '--from', 'excel', '--input', 'x'],
  // One reading of numbers (trial18a F5): "", hex, exponents, fractions, signs and huge numbers are refused, never read as 0, 16 or 1e9.
  ...['', '0x10', '1e9', '1.5', '-5', ' 5', '99999999999999999999', '525601'].map((m) => ['import-timeline', 'postmortems/a.md', '--from', 'csv', '--input', 'x', `--margin=${m}`] as const),
  ['lint', '--workers', ''],
  ['lint', '--workers', '0x2'],
  ['evidence', 'add', 'postmortems/a.md', 'x.log', '--timeline-line', '1e1'],
  ['convert'],
  ['convert', 'a.md', '--out', 'o', '--stdout'],
  ['tickets', 'bogus'],
  ['tickets create'],
  ['tickets status', '--format', 'xml'],
  ['evidence', 'remove'],
  ['evidence', 'add', 'postmortems/a.md'],
];

const COMMANDS = ['lint', 'actions', 'new', 'fta', 'metrics', 'list', 'similar', 'import-timeline', 'convert', 'tickets', 'evidence'];
const SUBCOMMANDS = ['tickets create', 'tickets status', 'evidence add'];

const A = ['---', 'type: postmortem', 'id: PM-1', 'title: A', 'status: draft', 'severity: SEV2', '---', '# A', ''].join('\n');

function assertUsage(command: string, r: { code: number | null; stdout: string; stderr: string }, what: string): void {
  assert.equal(r.code, 2, `${what}: exit ${r.code}\n${r.stdout}${r.stderr}`);
  assert.equal(r.stdout, '', `${what}: nothing on stdout`);
  const escaped = command.replace(/[-]/g, '\\-');
  assert.match(r.stderr, new RegExp(`^postmortem ${escaped}: [A-Z][^\\n]*[.?!] Run \`postmortem ${escaped} --help\`\\.\\n$`), what);
}

describe('usage errors look the same in every command (spawned CLI, trial F19/F25)', function () {
  this.timeout(300_000);
  before(buildOnce);

  it('the list of commands here is the CLI\'s', () => {
    const ws = workspace({});
    try {
      const help = runCli(ws.dir, '--help').stdout;
      const listed = [...help.matchAll(/^ {2}([a-z-]+) {2,}/gm)].map((m) => m[1]);
      assert.deepEqual(listed, COMMANDS);
    } finally {
      ws.cleanup();
    }
  });

  it('an option value or argument that is wrong: the command, expected and found, the help to run', () => {
    const ws = workspace({ 'postmortems/a.md': A });
    try {
      for (const [command, ...args] of BAD) {
        const r = runCli(ws.dir, ...command.split(' '), ...args);
        assertUsage(command, r, `${command} ${args.join(' ')}`);
      }
      assert.match(runCli(ws.dir, 'list', '--severity', 'SEV9').stderr, /Expected --severity to be one of SEV1, SEV2, SEV3, SEV4, found "SEV9"/);
      assert.match(runCli(ws.dir, 'list', '--status', 'bogus').stderr, /Expected --status to be one of draft, in-review, published, found "bogus"/);
      assert.match(runCli(ws.dir, 'import-timeline', 'postmortems/a.md', '--from', 'csv', '--input', 'x', '--margin', '99999999999999999999').stderr,
        /^postmortem import-timeline: Expected --margin as a whole number of minutes \(0 to 525600\), found "99999999999999999999"\. Run/);
      assert.match(runCli(ws.dir, 'lint', '--format', 'xml').stderr, /^postmortem lint: Expected --format to be one of text, json, sarif, found "xml"\. Run `postmortem lint --help`\.\n$/);
    } finally {
      ws.cleanup();
    }
  });

  it('an unknown option, in every command and subcommand', () => {
    const ws = workspace({ 'postmortems/a.md': A });
    try {
      for (const command of [...COMMANDS.filter((c) => c !== 'tickets' && c !== 'evidence'), ...SUBCOMMANDS]) {
        assertUsage(command, runCli(ws.dir, ...command.split(' '), '--bogus'), `${command} --bogus`);
      }
    } finally {
      ws.cleanup();
    }
  });

  it('list still filters on a valid value, any case, and on a value a post-mortem found has', () => {
    const ws = workspace({ 'postmortems/a.md': A, 'postmortems/b.md': A.replace('SEV2', 'SEV0').replace('PM-1', 'PM-2') });
    try {
      const lower = runCli(ws.dir, 'list', '--severity', 'sev2');
      assert.equal(lower.code, 0, lower.stderr);
      assert.match(lower.stdout, /1 post-mortem of 2/);
      const own = runCli(ws.dir, 'list', '--severity', 'SEV0');
      assert.equal(own.code, 0, own.stderr);
      assert.match(own.stdout, /1 post-mortem of 2/);
      const none = runCli(ws.dir, 'list', '--status', 'published');
      assert.equal(none.code, 0, none.stderr);
      assert.match(none.stdout, /0 post-mortems of 2/);
      assert.match(runCli(ws.dir, 'list', '--severity', 'SEV9').stderr, /one of SEV1, SEV2, SEV3, SEV4, SEV0, found "SEV9"/);
    } finally {
      ws.cleanup();
    }
  });
});
