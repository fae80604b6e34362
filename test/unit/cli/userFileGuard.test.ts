import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readUserFile } from '../../../src/cli/files/userFile';
import { buildOnce, NOW, repoRoot, workspace } from './harness';

/** A hang detector, not a speed check: a FIFO read used to block forever (trial9 T9). */
const HANG_MS = 60_000;

function run(cwd: string, ...args: string[]): { code: number | null; stderr: string; stdout: string; signal: NodeJS.Signals | null } {
  const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), ...args], { cwd, encoding: 'utf8', timeout: HANG_MS, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', TZ: 'UTC' } });
  return { code: r.status, stderr: r.stderr, stdout: r.stdout, signal: r.signal };
}

const POSTMORTEM = ['---', 'type: postmortem', 'title: Pipes', 'status: draft', 'started_at: 2026-11-01T10:00:00Z', 'resolved_at: 2026-11-01T12:00:00Z', '---', '', '## Timeline', '', '- 2026-11-01 10:00Z [started] Began', ''].join('\n');

/**
 * Every file the CLI reads that a user names (or a folder holds) goes through one guarded reader:
 * a FIFO or /dev/zero is refused at once, named, exit 2 — it hung forever, or died with
 * "internal error: RangeError: Invalid string length" after reading 512 MB (trial9 T9).
 */
describe('a pipe or device named as an input file: refused at once, named, exit 2 (spawned)', function () {
  this.timeout(5 * HANG_MS);
  before(buildOnce);

  const cases: { what: string; args: (input: string) => string[]; expect: (input: string) => RegExp; setup?: (dir: string) => void }[] = [
    { what: 'import-timeline --from csv --input', args: (i) => ['import-timeline', 'postmortems/pm.md', '--from', 'csv', '--input', i, '--zone', 'UTC'], expect: (i) => new RegExp(`Cannot read ${i}: not a regular file \\(a pipe or device\\?\\)\\nNothing was written\\.`) },
    { what: 'import-timeline --from slack --input', args: (i) => ['import-timeline', 'postmortems/pm.md', '--from', 'slack', '--input', i], expect: (i) => new RegExp(`Cannot read ${i}: not a regular file`) },
    { what: 'import-timeline --from alertmanager --input', args: (i) => ['import-timeline', 'postmortems/pm.md', '--from', 'alertmanager', '--input', i], expect: (i) => new RegExp(`Cannot read ${i}: not a regular file`) },
    { what: 'lint --config', args: (i) => ['lint', '--config', i, 'postmortems/pm.md', '--now', NOW], expect: (i) => new RegExp(`config: .*${i.replace(/^.*\//, '')}: could not be read \\(not a regular file \\(a pipe or device\\?\\)\\)`) },
    { what: 'fta', args: (i) => ['fta', i], expect: (i) => new RegExp(`Cannot read ${i}: not a regular file`) },
    { what: 'evidence add', args: (i) => ['evidence', 'add', 'postmortems/pm.md', i], expect: (i) => new RegExp(`Expected ${i} to be a file \\(it is not a regular file`) },
  ];

  for (const c of cases) {
    it(`${c.what} <fifo> and <device>`, () => {
      const ws = workspace({ 'postmortems/pm.md': POSTMORTEM });
      try {
        execFileSync('mkfifo', [join(ws.dir, 'pipe.csv')]);
        for (const input of ['pipe.csv', '/dev/zero']) {
          const r = run(ws.dir, ...c.args(input));
          assert.equal(r.signal, null, `${c.what} ${input}: still running after ${HANG_MS / 1000} s (it waited on the pipe)`);
          assert.equal(r.code, 2, `${c.what} ${input}: ${r.stdout}${r.stderr}`);
          assert.match(r.stderr, c.expect(input), r.stderr);
          assert.doesNotMatch(r.stderr, /internal error/);
        }
        assert.equal(ws.read('postmortems/pm.md'), POSTMORTEM, 'nothing written');
      } finally {
        ws.cleanup();
      }
    });
  }

  it('a Slack export folder holding a FIFO day file, an rc file that is a FIFO, a template that is a FIFO', () => {
    const ws = workspace({ 'postmortems/pm.md': POSTMORTEM, 'slack/channels.json': '[]' });
    try {
      mkdirSync(join(ws.dir, 'slack/incident'), { recursive: true });
      execFileSync('mkfifo', [join(ws.dir, 'slack/incident/2026-11-01.json')]);
      const slack = run(ws.dir, 'import-timeline', 'postmortems/pm.md', '--from', 'slack', '--input', 'slack/incident');
      assert.equal(slack.signal, null, 'slack folder: hung');
      assert.equal(slack.code, 2, slack.stderr);
      assert.match(slack.stderr, /Cannot read slack\/incident\/2026-11-01\.json: not a regular file/);

      execFileSync('mkfifo', [join(ws.dir, 'postmortems/.postmortemrc.json')]);
      const lint = run(ws.dir, 'lint', 'postmortems', '--now', NOW);
      assert.equal(lint.signal, null, 'rc FIFO: hung');
      assert.equal(lint.code, 2, lint.stderr);
      assert.match(lint.stderr, /\.postmortemrc\.json: could not be read \(not a regular file/);
    } finally {
      ws.cleanup();
    }
    const tpl = workspace({ '.postmortem/templates/.keep': '' });
    try {
      execFileSync('mkfifo', [join(tpl.dir, '.postmortem/templates/pipe.md')]);
      writeFileSync(join(tpl.dir, '.postmortem/templates/ok.md'), ['---', 'template:', '  name: Ok', '---', '# {{title}}', ''].join('\n'));
      const r = run(tpl.dir, 'new', 'Pipe probe', '--template', 'pipe', '--dir', 'out', '--now', NOW);
      assert.equal(r.signal, null, 'template FIFO: hung');
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stderr, /pipe\.md.*not a regular file/, r.stderr);
    } finally {
      tpl.cleanup();
    }
  });
});

describe('a missing --input file (trial 10, T13)', () => {
  before(buildOnce);

  it('is named in plain words, not as an errno, and nothing is written', () => {
    const ws = workspace({ 'postmortems/pm.md': POSTMORTEM });
    try {
      const r = run(ws.dir, 'import-timeline', 'postmortems/pm.md', '--from', 'csv', '--input', 'nonexist.csv', '--zone', 'UTC');
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /Cannot read nonexist\.csv: no such file\nNothing was written\./);
      assert.doesNotMatch(r.stderr, /ENOENT/);
      assert.equal(ws.read('postmortems/pm.md'), POSTMORTEM);
    } finally {
      ws.cleanup();
    }
  });
});

describe('readUserFile (the guarded reader)', () => {
  it('reads a regular file; refuses a folder, a device and a file over the limit, saying which', () => {
    const ws = workspace({ 'a.txt': 'hello', 'big.txt': 'x'.repeat(3000) });
    try {
      const ok = readUserFile(join(ws.dir, 'a.txt'), 100);
      assert.ok(ok.ok && ok.bytes.toString() === 'hello');
      const big = readUserFile(join(ws.dir, 'big.txt'), 2048);
      assert.deepEqual(big.ok ? undefined : [big.kind, big.reason], ['too-large', 'larger than 2 KB (0.0 MB)']);
      const dir = readUserFile(ws.dir, 100);
      assert.deepEqual(dir.ok ? undefined : [dir.kind, dir.reason], ['not-regular', 'is a folder']);
      const zero = readUserFile('/dev/zero', 100);
      assert.deepEqual(zero.ok ? undefined : [zero.kind, zero.reason], ['not-regular', 'not a regular file (a pipe or device?)']);
      const missing = readUserFile(join(ws.dir, 'nope'), 100);
      // The reason is read by people (`Cannot read x.csv: no such file`); the errno stays in `code`.
      assert.deepEqual(missing.ok ? undefined : [missing.kind, missing.code, missing.reason], ['io', 'ENOENT', 'no such file']);
    } finally {
      ws.cleanup();
    }
  });
});
