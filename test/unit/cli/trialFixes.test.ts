import assert from 'node:assert/strict';
import { buildOnce, fixtureText, NOW, runCli, workspace } from './harness';

/** The clean fixture with an action item lacking owner and due date: warnings, no error. */
const WITH_WARNINGS = fixtureText('clean.md').replace('\n## Lessons learned', '- [ ] Load-test the pool size OPS-125\n\n## Lessons learned');

describe('user trial: CLI messages, help and exit codes (spawned CLI)', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('lint --quiet says warnings were hidden instead of "no problems"', () => {
    const ws = workspace({ 'postmortems/w.md': WITH_WARNINGS });
    try {
      const all = runCli(ws.dir, 'lint', '--now', NOW);
      const warnings = Number(/\((\d+) errors?, (\d+) warnings?/.exec(all.stdout)?.[2]);
      assert.ok(warnings > 0 && /\(0 errors/.test(all.stdout), all.stdout);
      const quiet = runCli(ws.dir, 'lint', '--quiet', '--now', NOW);
      assert.equal(quiet.code, 0, quiet.stderr);
      assert.equal(quiet.stdout.trim(), `✔ 1 post-mortem, no errors (${warnings} warning${warnings === 1 ? '' : 's'} hidden by --quiet)`);
    } finally {
      ws.cleanup();
    }
  });

  it('reports an unknown rule name once, with the nearest code; actions only warns about it', () => {
    const ws = workspace({
      'postmortems/clean.md': '@fixture:clean.md',
      'postmortems/2025/old.md': '@fixture:clean.md',
      '.postmortemrc.json': JSON.stringify({ rules: { 'timline/not-utc': 'off', 'blameless/language': 'eror' } }),
      'postmortems/2025/.postmortemrc.json': '{ "rules": ',
    });
    try {
      const lint = runCli(ws.dir, 'lint', '--now', NOW);
      assert.equal(lint.code, 2);
      const lines = lint.stderr.trim().split('\n');
      assert.equal(lines.filter((l) => /Unknown rule "timline\/not-utc" in "rules"; did you mean timeline\/not-utc\?$/.test(l)).length, 1, lint.stderr);
      assert.equal(lines.filter((l) => /Expected rule "blameless\/language" to be one of/.test(l)).length, 1, lint.stderr);
      assert.equal(lines.filter((l) => /2025\/\.postmortemrc\.json: expected valid JSON/.test(l)).length, 1, lint.stderr);
      assert.equal(lines.length, 3, lint.stderr);

      const fine = workspace({ 'postmortems/clean.md': '@fixture:clean.md', '.postmortemrc.json': JSON.stringify({ rules: { 'nonexistent/rule': 'error' } }) });
      try {
        const actions = runCli(fine.dir, 'actions', '--now', NOW);
        assert.equal(actions.code, 0, 'a lint-severity problem does not change the action items');
        assert.match(actions.stderr, /^postmortem actions: warning: config: .*Unknown rule "nonexistent\/rule" .*\(not used by `postmortem actions`\)$/m);
        assert.match(actions.stdout, /open action items? in 1 post-mortem/);
        const globs = workspace({ 'postmortems/clean.md': '@fixture:clean.md', '.postmortemrc.json': JSON.stringify({ globs: 'postmortems/**' }) });
        try {
          assert.equal(runCli(globs.dir, 'actions', '--now', NOW).code, 2, 'a broken `globs` changes which files are read: still an error');
        } finally {
          globs.cleanup();
        }
      } finally {
        fine.cleanup();
      }
    } finally {
      ws.cleanup();
    }
  });

  it('gives every command a full --help: options, examples, exit codes', () => {
    const ws = workspace({});
    try {
      for (const command of ['lint', 'actions', 'new', 'fta', 'metrics', 'import-timeline', 'convert']) {
        const r = runCli(ws.dir, command, '--help');
        assert.equal(r.code, 0, `${command}: ${r.stderr}`);
        assert.match(r.stdout, new RegExp(`^Usage: postmortem ${command} `), command);
        for (const part of ['Options:', 'Examples:', 'Exit codes: 0 ', '-h, --help']) assert.ok(r.stdout.includes(part), `${command} --help lacks ${part}`);
        assert.match(r.stdout, /\(default[: ]/, `${command} --help names its defaults`);
      }
    } finally {
      ws.cleanup();
    }
  });

  it('turns an unknown option into one line naming the command\'s help (exit 2)', () => {
    const ws = workspace({ 'pm.md': fixtureText('clean.md') });
    try {
      for (const command of ['lint', 'actions', 'new', 'fta', 'metrics', 'import-timeline', 'convert']) {
        const r = runCli(ws.dir, command, 'pm.md', '--bogus');
        assert.equal(r.code, 2, command);
        assert.equal(r.stderr, `postmortem ${command}: Unknown option '--bogus'. Run \`postmortem ${command} --help\`.\n`);
      }
      const missing = runCli(ws.dir, 'lint', '--format');
      assert.equal(missing.stderr, "postmortem lint: Option '--format' needs a value. Run `postmortem lint --help`.\n");
    } finally {
      ws.cleanup();
    }
  });
});
