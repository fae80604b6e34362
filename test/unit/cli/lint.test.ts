import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinTemplateSource } from '../../../src/core/template/builtinSource';
import { buildOnce, fixtureText, NOW, runCli, workspace } from './harness';

describe('postmortem lint (spawned CLI)', function () {
  this.timeout(60_000);
  before(buildOnce);

  it('exits 0 and prints a ✔ summary for a clean post-mortem', () => {
    const ws = workspace({ 'postmortems/clean.md': '@fixture:clean.md' });
    try {
      const r = runCli(ws.dir, 'lint', '--now', NOW);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout.trim(), '✔ 1 post-mortem, no problems');
    } finally {
      ws.cleanup();
    }
  });

  it('exits 1 on error-level problems, with file:line:col, severity, message, code and a summary', () => {
    const ws = workspace({ 'postmortems/q.md': '@fixture:needs-fixes.md', 'postmortems/clean.md': '@fixture:clean.md' });
    try {
      const r = runCli(ws.dir, 'lint', '--now', NOW);
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stdout, /^postmortems\/q\.md$/m);
      assert.match(r.stdout, /postmortems\/q\.md:5:9 +error +Expected `status` to be one of "draft", "in-review", "published", found "In Review" +schema\/enum/);
      assert.match(r.stdout, /^✖ \d+ problems \(\d+ errors, \d+ warnings?\) in 1 file of 2 post-mortems$/m);
      assert.doesNotMatch(r.stdout, /clean\.md/);
      assert.doesNotMatch(r.stdout, /\u001b\[/, 'no colours when not on a terminal');
    } finally {
      ws.cleanup();
    }
  });

  it('--quiet reports errors only', () => {
    const ws = workspace({ 'postmortems/q.md': '@fixture:needs-fixes.md' });
    try {
      const r = runCli(ws.dir, 'lint', '--quiet', '--format', 'json', '--now', NOW);
      const diags = JSON.parse(r.stdout) as { severity: string }[];
      assert.ok(diags.length > 0);
      assert.ok(diags.every((d) => d.severity === 'error'));
    } finally {
      ws.cleanup();
    }
  });

  it('--format json gives one object per diagnostic with 1-based positions', () => {
    const ws = workspace({ 'postmortems/q.md': '@fixture:needs-fixes.md' });
    try {
      const r = runCli(ws.dir, 'lint', '--format', 'json', '--now', NOW);
      assert.equal(r.code, 1);
      const diags = JSON.parse(r.stdout) as Record<string, unknown>[];
      for (const d of diags) {
        assert.deepEqual(Object.keys(d).sort(), ['code', 'column', 'endColumn', 'endLine', 'file', 'fixes', 'line', 'message', 'severity']);
      }
      const status = diags.find((d) => d.code === 'schema/enum' && d.line === 5);
      assert.deepEqual({ ...status, fixes: undefined }, {
        file: 'postmortems/q.md', line: 5, column: 9, endLine: 5, endColumn: 18, severity: 'error', code: 'schema/enum',
        message: 'Expected `status` to be one of "draft", "in-review", "published", found "In Review"', fixes: undefined,
      });
    } finally {
      ws.cleanup();
    }
  });

  it('--format sarif is SARIF 2.1.0 with rules and located results', () => {
    const ws = workspace({ 'postmortems/q.md': '@fixture:needs-fixes.md' });
    try {
      const r = runCli(ws.dir, 'lint', '--format', 'sarif', '--now', NOW);
      assert.equal(r.code, 1);
      const sarif = JSON.parse(r.stdout);
      assert.equal(sarif.version, '2.1.0');
      assert.match(sarif.$schema, /sarif-2\.1\.0/);
      assert.equal(sarif.runs.length, 1);
      const run = sarif.runs[0];
      assert.equal(run.tool.driver.name, 'postmortem');
      const ruleIds = run.tool.driver.rules.map((rule: { id: string }) => rule.id);
      assert.ok(ruleIds.includes('schema/enum') && ruleIds.includes('actions/overdue'));
      for (const rule of run.tool.driver.rules) assert.ok(rule.shortDescription.text.length > 0, rule.id);
      assert.ok(run.results.length > 0);
      for (const res of run.results) {
        assert.ok(['error', 'warning', 'note'].includes(res.level));
        assert.equal(run.tool.driver.rules[res.ruleIndex].id, res.ruleId);
        assert.ok(res.message.text.length > 0);
        const loc = res.locations[0].physicalLocation;
        assert.equal(loc.artifactLocation.uri, 'postmortems/q.md');
        assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
        assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1);
        assert.ok(loc.region.endLine >= loc.region.startLine);
      }
      assert.match(run.originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*\/$/);
    } finally {
      ws.cleanup();
    }
  });

  it('--fix rewrites the file, reports what it fixed, and keeps CRLF and the BOM', () => {
    const crlf = `\uFEFF${fixtureText('needs-fixes.md').replace(/\n/g, '\r\n')}`;
    const ws = workspace({ 'postmortems/q.md': crlf, 'postmortems/clean.md': '@fixture:clean.md' });
    try {
      const cleanBefore = ws.read('postmortems/clean.md');
      const r = runCli(ws.dir, 'lint', '--fix', '--now', NOW);
      assert.match(r.stdout, /fixed \d+ problems: .*schema\/enum ×2/);
      const after = ws.read('postmortems/q.md');
      assert.match(after, /^\uFEFF---\r\n/);
      assert.match(after, /\r\nstatus: in-review\r\n/);
      assert.match(after, /\r\nseverity: SEV3\r\n/);
      assert.match(after, /\r\ndetected_at: 2026-11-20T09:20:00Z\r\n/);
      assert.doesNotMatch(after.replace(/\r\n/g, ''), /\n/, 'every inserted line break is CRLF');
      assert.equal(ws.read('postmortems/clean.md'), cleanBefore);
      const again = runCli(ws.dir, 'lint', '--format', 'json', '--now', NOW);
      const codes = (JSON.parse(again.stdout) as { code: string }[]).map((d) => d.code);
      assert.ok(!codes.includes('schema/enum') && !codes.includes('schema/format'));
    } finally {
      ws.cleanup();
    }
  });

  it('names the true reason for skipping a template or evidence that says `type: postmortem` (trial T23)', () => {
    const ws = workspace({
      '.postmortem/templates/default.md': builtinTemplateSource(),
      'postmortems/db.assets/earlier.md': '---\ntype: postmortem\ntitle: An earlier one\n---\n# Earlier\n',
    });
    try {
      const r = runCli(ws.dir, 'lint', '.postmortem/templates/default.md', 'postmortems/db.assets/earlier.md', '--now', NOW);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /skipped \.postmortem\/templates\/default\.md: a post-mortem template \(its front matter has a `template:` block\), not a post-mortem: templates are not linted/);
      assert.match(r.stderr, /skipped postmortems\/db\.assets\/earlier\.md: evidence of a post-mortem \(in its `NAME\.assets\/` folder\)/);
      assert.doesNotMatch(r.stderr, /no `type: postmortem`/, 'both files have it: that is not why they were skipped');
    } finally {
      ws.cleanup();
    }
  });

  it('skips Markdown that is not a post-mortem; says why for named files and with --verbose', () => {
    const ws = workspace({ 'README.md': '# Project\n', 'docs/guide.md': '# Guide\n', 'docs/incident.md': '@fixture:clean.md', 'notes/a.md': '# A\n' });
    try {
      const all = runCli(ws.dir, 'lint', '--now', NOW);
      assert.equal(all.code, 0);
      // The summary counts what was passed over, and why (the files themselves are listed by --verbose).
      assert.equal(all.stdout.trim(), '✔ 1 post-mortem, no problems; 3 files skipped (3 not a post-mortem; --verbose lists them)', 'found by `type: postmortem` outside postmortems/');
      assert.equal(all.stderr, '');
      const verbose = runCli(ws.dir, 'lint', '--verbose', '--now', NOW);
      assert.match(verbose.stderr, /skipped README\.md: not a post-mortem \(no `type: postmortem`/);
      const named = runCli(ws.dir, 'lint', 'README.md', '--now', NOW);
      assert.equal(named.code, 0);
      assert.match(named.stderr, /skipped README\.md: not a post-mortem/);
      assert.equal(named.stdout.trim(), 'No post-mortem found, so nothing was checked');
      const folder = runCli(ws.dir, 'lint', 'notes', '--now', NOW);
      assert.equal(folder.stdout.trim(), 'No post-mortem found, so nothing was checked');
      assert.match(folder.stderr, /no post-mortem found: 1 Markdown file was skipped as not post-mortems .*--verbose lists them; `postmortem convert` rewrites/);
      const forced = runCli(ws.dir, 'lint', 'README.md', '--all-markdown', '--format', 'json', '--now', NOW);
      assert.ok((JSON.parse(forced.stdout) as { code: string }[]).some((d) => d.code === 'front-matter/missing'));
    } finally {
      ws.cleanup();
    }
  });

  it('reports a post-mortem holding NUL bytes as an error (not skipped as binary), and an oversized post-mortem as not read (exit 2)', () => {
    const big = `---\ntype: postmortem\n---\n${'x'.repeat(10 * 1024 * 1024)}`;
    const ws = workspace({ 'postmortems/bin.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0xff, 0x01]), 'postmortems/huge.md': big, 'postmortems/clean.md': '@fixture:clean.md', 'docs/blob.md': Buffer.from([0x89, 0x50, 0x00, 0x0a]) });
    try {
      const r = runCli(ws.dir, 'lint', '--now', NOW);
      assert.equal(r.code, 2, 'a post-mortem that could not be read is a failure');
      assert.match(r.stdout, /postmortems\/bin\.md:2:1 +error +contains NUL at line 2 .* file\/nul/);
      assert.match(r.stderr, /cannot read postmortems\/huge\.md: larger than 10 MB \(10\.0 MB\), not checked/);
      assert.match(r.stderr, /skipped docs\/blob\.md: binary file \(contains NUL at line 1/, 'a binary file that is no post-mortem is only skipped');
      assert.doesNotMatch(r.stdout, /no problems/);
    } finally {
      ws.cleanup();
    }
  });

  it('says a post-mortem over 10 MB was not read and exits 2 in lint, actions, metrics and list; a large file that is no post-mortem is only skipped (trial F24)', () => {
    const big = `---\ntype: postmortem\ntitle: Big\n---\n# Big\n${'x'.repeat(10 * 1024 * 1024)}`;
    const ws = workspace({ 'b/big.md': big, 'b/log.md': 'y'.repeat(10 * 1024 * 1024 + 10) });
    try {
      for (const command of ['lint', 'actions', 'metrics', 'list']) {
        const r = runCli(ws.dir, command, 'b', ...(command === 'list' ? [] : ['--now', NOW]));
        assert.equal(r.code, 2, `${command}: ${r.stderr}`);
        assert.match(r.stderr, new RegExp(`postmortem ${command}: cannot read b/big\\.md: larger than 10 MB`), command);
        assert.match(r.stderr, /skipped b\/log\.md: larger than 10 MB/, command);
        assert.doesNotMatch(r.stdout, /no problems/, command);
      }
    } finally {
      ws.cleanup();
    }
  });

  it('exits 2 with a clear message for a missing path, a bad option or a bad --format', () => {
    const ws = workspace({ 'postmortems/clean.md': '@fixture:clean.md' });
    try {
      const missing = runCli(ws.dir, 'lint', 'postmortems/nope.md');
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /postmortem lint: postmortems\/nope\.md: no such file/);
      const glob = runCli(ws.dir, 'lint', 'reviews/**/*.md');
      assert.equal(glob.code, 2);
      const option = runCli(ws.dir, 'lint', '--colour');
      assert.equal(option.code, 2);
      assert.match(option.stderr, /Unknown option '--colour'/);
      const format = runCli(ws.dir, 'lint', '--format', 'xml');
      assert.equal(format.code, 2);
      assert.match(format.stderr, /--format to be one of text, json, sarif, found "xml"/);
    } finally {
      ws.cleanup();
    }
  });

  it('expands globs relative to the working folder', () => {
    const ws = workspace({ 'a/postmortems/one.md': '@fixture:needs-fixes.md', 'b/postmortems/two.md': '@fixture:clean.md' });
    try {
      const r = runCli(ws.dir, 'lint', 'b/**/*.md', '--now', NOW);
      assert.equal(r.code, 0);
      assert.equal(r.stdout.trim(), '✔ 1 post-mortem, no problems');
    } finally {
      ws.cleanup();
    }
  });

  it('reads .postmortemrc.json upward from each file, and reports a broken one by name (exit 2)', () => {
    const ws = workspace({
      'postmortems/q.md': '@fixture:needs-fixes.md',
      'postmortems/.postmortemrc.json': JSON.stringify({ rules: { 'schema/enum': 'off', 'schema/format': 'warning', 'sections/missing': 'off' } }),
    });
    try {
      const r = runCli(ws.dir, 'lint', '--format', 'json', '--now', NOW);
      const codes = (JSON.parse(r.stdout) as { code: string; severity: string }[]);
      assert.ok(!codes.some((d) => d.code === 'schema/enum'));
      assert.ok(codes.filter((d) => d.code === 'schema/format').every((d) => d.severity === 'warning'));
      const broken = workspace({ 'postmortems/clean.md': '@fixture:clean.md', '.postmortemrc.json': '{ "rules": ' });
      try {
        const b = runCli(broken.dir, 'lint', '--now', NOW);
        assert.equal(b.code, 2);
        assert.match(b.stderr, /config: .*\.postmortemrc\.json: expected valid JSON/);
      } finally {
        broken.cleanup();
      }
    } finally {
      ws.cleanup();
    }
  });

  it('checks `related` ids against the other post-mortems of the repository', () => {
    const related = (ids: string) => fixtureText('clean.md').replace('id: PM-2026-014', `id: PM-2026-020\nrelated: [${ids}]`);
    const ws = workspace({ '.git/HEAD': 'ref: refs/heads/main\n', 'old/postmortems/clean.md': '@fixture:clean.md', 'new/postmortems/r.md': related('PM-2026-014, PM-1999-001') });
    try {
      const r = runCli(ws.dir, 'lint', 'new', '--format', 'json', '--now', NOW);
      const unknown = (JSON.parse(r.stdout) as { code: string; message: string }[]).filter((d) => d.code === 'related/unknown-id');
      assert.equal(unknown.length, 1, JSON.stringify(unknown));
      assert.match(unknown[0].message, /PM-1999-001/);
    } finally {
      ws.cleanup();
    }
  });

  it('warns on both files when two post-mortems share an id, naming the other (T4)', () => {
    const copy = fixtureText('clean.md').replace('title:', 'title: Copy of');
    const ws = workspace({ 'postmortems/a.md': '@fixture:clean.md', 'postmortems/b.md': copy, 'postmortems/c.md': fixtureText('clean.md').replace('id: PM-2026-014', 'id: PM-2026-099') });
    try {
      for (const workers of ['0', '1']) {
        const r = runCli(ws.dir, 'lint', 'postmortems', '--format', 'json', '--workers', workers, '--now', NOW);
        const found = (JSON.parse(r.stdout) as { file: string; code: string; message: string }[]).filter((d) => d.code === 'front-matter/duplicate-id');
        assert.deepEqual(found.map((d) => [d.file.replace(/\\/g, '/').replace(/^.*postmortems\//, ''), /also in (\S+?);/.exec(d.message)?.[1].replace(/^.*postmortems\//, '')]), [['a.md', 'b.md'], ['b.md', 'a.md']], workers);
        assert.match(found[0].message, /"PM-2026-014"/);
      }
    } finally {
      ws.cleanup();
    }
  });

  it('reports shared and unknown ids found by the lint threads themselves, with and without --fix (ids are gathered during the lint, not before)', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) files[`postmortems/pm-${String(i).padStart(3, '0')}.md`] = fixtureText(i % 2 ? 'clean.md' : 'needs-fixes.md').replace(/^id: .*$/m, `id: PM-T-${i}`);
    // Two files share an id; one lists a related id no file has and one every file has.
    files['postmortems/pm-007.md'] = files['postmortems/pm-007.md'].replace(/^id: .*$/m, 'id: PM-T-3');
    files['postmortems/pm-010.md'] = files['postmortems/pm-010.md'].replace(/^id: .*$/m, 'id: PM-T-10\nrelated: [PM-T-11, PM-NOPE-1]');
    const ws = workspace(files);
    try {
      const found = (stdout: string) => (JSON.parse(stdout) as { file: string; code: string; message: string }[])
        .filter((d) => d.code === 'front-matter/duplicate-id' || d.code === 'related/unknown-id')
        .map((d) => `${d.file.replace(/\\/g, '/').replace(/^.*postmortems\//, '')} ${d.code} ${/"([^"]+)"/.exec(d.message)?.[1]}`).sort();
      const expected = ['pm-003.md front-matter/duplicate-id PM-T-3', 'pm-007.md front-matter/duplicate-id PM-T-3', 'pm-010.md related/unknown-id PM-NOPE-1'];
      for (const workers of ['0', '1']) assert.deepEqual(found(runCli(ws.dir, 'lint', '--format', 'json', '--workers', workers, '--now', NOW).stdout), expected, workers);
      // --fix: the remaining problems still name them (the fixed files are linted for ids as fixed).
      const fixed = runCli(ws.dir, 'lint', '--fix', '--format', 'json', '--workers', '1', '--now', NOW);
      assert.deepEqual(found(fixed.stdout), expected);
      assert.notEqual(readFileSync(join(ws.dir, 'postmortems/pm-000.md'), 'utf8'), files['postmortems/pm-000.md'], 'needs-fixes.md was fixed');
    } finally {
      ws.cleanup();
    }
  });

  it('gives each file its own folder\'s configuration and checks links found late in the run, on worker threads as in-process', () => {
    const files: Record<string, string> = { 'b/.postmortemrc.json': '{ "rules": { "sections/missing": "off", "review/overdue": "error" } }', 'runbooks/db.md': '# DB\n' };
    for (let i = 0; i < 120; i++) files[`${i % 2 ? 'a' : 'b'}/postmortems/pm-${String(i).padStart(3, '0')}.md`] = fixtureText('needs-fixes.md').replace(/^id: .*$/m, `id: PM-C-${i}`);
    // Links read after the workers have started: the file list reaches them before these files.
    for (let i = 100; i < 120; i += 2) files[`b/postmortems/pm-${i}.md`] += '\nSee [the runbook](../../runbooks/db.md) and [the old one](../../runbooks/gone.md).\n';
    const ws = workspace(files);
    try {
      const single = runCli(ws.dir, 'lint', '--format', 'json', '--workers', '0', '--now', NOW);
      const found = JSON.parse(single.stdout) as { file: string; code: string; severity: string }[];
      const inB = found.filter((d) => /b[\\/]postmortems/.test(d.file));
      assert.ok(inB.length > 0 && !inB.some((d) => d.code === 'sections/missing'), 'b/ turns sections/missing off');
      assert.ok(inB.filter((d) => d.code === 'review/overdue').every((d) => d.severity === 'error'));
      assert.ok(found.some((d) => /a[\\/]postmortems/.test(d.file) && d.code === 'sections/missing'), 'a/ keeps it');
      assert.deepEqual(found.filter((d) => d.code === 'links/missing-file').map((d) => d.file.replace(/\\/g, '/').replace(/^.*\/b\//, 'b/')), Array.from({ length: 10 }, (_, k) => `b/postmortems/pm-${100 + 2 * k}.md`));
      for (const workers of ['1', '2']) assert.equal(runCli(ws.dir, 'lint', '--format', 'json', '--workers', workers, '--now', NOW).stdout, single.stdout, workers);
    } finally {
      ws.cleanup();
    }
  });

  it('gives the same results on worker threads as in-process', () => {
    const files: Record<string, string> = {};
    // Each copy its own id, as real post-mortems have (a shared id is a finding of its own, front-matter/duplicate-id).
    for (let i = 0; i < 80; i++) files[`postmortems/pm-${String(i).padStart(3, '0')}.md`] = (i % 2 ? fixtureText('clean.md') : fixtureText('needs-fixes.md')).replace(/^id: .*$/m, `id: PM-T-${i}`);
    const ws = workspace(files);
    try {
      const single = runCli(ws.dir, 'lint', '--format', 'json', '--workers', '0', '--now', NOW);
      // One worker beside the main thread (the default on two cores), and two.
      for (const workers of ['1', '2']) {
        const threaded = runCli(ws.dir, 'lint', '--format', 'json', '--workers', workers, '--now', NOW);
        assert.equal(threaded.code, 1, workers);
        assert.equal(threaded.stdout, single.stdout, workers);
      }
      assert.equal(new Set((JSON.parse(single.stdout) as { file: string }[]).map((d) => d.file)).size, 40);
    } finally {
      ws.cleanup();
    }
  });
});
