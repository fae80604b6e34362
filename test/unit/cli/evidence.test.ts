/**
 * `postmortem evidence add` and the evidence checks of `postmortem lint`, run as a user runs them
 * (the built CLI in a temporary folder): copies land in `<name>.assets/`, links in `## Evidence`,
 * secrets never reach the copy, and missing or orphaned evidence is reported in every format.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, writeFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { buildOnce, fixtureText, runCli, runCliWithEnv, workspace } from './harness';

const TOKEN = `ghp_${'Lq7W'.repeat(9)}`;
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe('postmortem evidence add (CLI)', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('copies a screenshot into <name>.assets/ and links it under a new ## Evidence with caption and UTC capture time', () => {
    const ws = workspace({ 'postmortems/2026-11-20-checkout.md': fixtureText('clean.md'), 'Screen Shot 1.png': PNG });
    try {
      utimesSync(join(ws.dir, 'Screen Shot 1.png'), new Date('2026-11-20T14:05:30Z'), new Date('2026-11-20T14:05:30Z'));
      const r = runCli(ws.dir, 'evidence', 'add', 'postmortems/2026-11-20-checkout.md', 'Screen Shot 1.png', '--caption', 'Checkout 5xx rate');
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /Attached 2026-11-20-checkout\.assets\/Screen-Shot-1\.png/);
      const copy = join(ws.dir, 'postmortems/2026-11-20-checkout.assets/Screen-Shot-1.png');
      assert.deepEqual(readFileSync(copy), PNG);
      const text = ws.read('postmortems/2026-11-20-checkout.md');
      assert.match(text, /\n## Evidence\n\n- !\[Checkout 5xx rate\]\(2026-11-20-checkout\.assets\/Screen-Shot-1\.png\) — captured 2026-11-20 14:05Z\n$/);
      // The same screenshot again: said, no second copy, the post-mortem unchanged (trial18a F12).
      const same = runCli(ws.dir, 'evidence', 'add', 'postmortems/2026-11-20-checkout.md', 'Screen Shot 1.png');
      assert.equal(same.code, 0, same.stderr);
      assert.equal(same.stdout, 'Screen Shot 1.png is already attached as 2026-11-20-checkout.assets/Screen-Shot-1.png (the same bytes); not copied again.\nNothing new to attach to postmortems/2026-11-20-checkout.md; it was not changed.\n');
      assert.equal(ws.read('postmortems/2026-11-20-checkout.md'), text);
      assert.deepEqual(readdirSync(join(ws.dir, 'postmortems/2026-11-20-checkout.assets')), ['Screen-Shot-1.png']);
      // Another screenshot of the same name gets its own file, says so, and joins the same section.
      writeFileSync(join(ws.dir, 'Screen Shot 1.png'), Buffer.concat([PNG, Buffer.from([0])]));
      const again = runCli(ws.dir, 'evidence', 'add', 'postmortems/2026-11-20-checkout.md', 'Screen Shot 1.png', '--captured', '2026-11-20T16:05:00+01:00');
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stdout, /^Attached 2026-11-20-checkout\.assets\/Screen-Shot-1-2\.png to postmortems\/2026-11-20-checkout\.md, from Screen Shot 1\.png \(Screen-Shot-1\.png is taken\)\.\n$/);
      const after = ws.read('postmortems/2026-11-20-checkout.md');
      assert.equal(after.match(/## Evidence/g)?.length, 1);
      assert.match(after, /- !\[Screen Shot 1\.png\]\(2026-11-20-checkout\.assets\/Screen-Shot-1-2\.png\) — captured 2026-11-20 15:05Z\n$/);
      // Linted clean: the links resolve and nothing in the folder is an orphan.
      const lint = runCli(ws.dir, 'lint', 'postmortems', '--format', 'json');
      assert.doesNotMatch(lint.stdout, /evidence\//, lint.stdout);
    } finally {
      ws.cleanup();
    }
  });

  it('redacts secrets in a copied log (never in the source), links it from a timeline entry, and keeps them with --no-redact', () => {
    const log = `2026-11-20T14:06:01Z deploy using ${TOKEN}\n2026-11-20T14:06:02Z user dana.lee@acme-shop.com saw 502\n`;
    const ws = workspace({ 'pm.md': fixtureText('clean.md'), 'app.log': log });
    try {
      const line = ws.read('pm.md').split('\n').findIndex((l) => l.startsWith('- 2026-11-20 14:00Z')) + 1;
      assert.ok(line > 0);
      const r = runCli(ws.dir, 'evidence', 'add', 'pm.md', 'app.log', '--timeline-line', String(line), '--captured', 'now');
      assert.equal(r.code, 1, `values redacted: exit 1, as tickets create ${r.stderr}`);
      assert.match(r.stdout, /Redacted 1 github-token, 1 email in the copy of app\.log/);
      const copy = readFileSync(join(ws.dir, 'pm.assets/app.log'), 'utf8');
      assert.ok(!copy.includes(TOKEN) && copy.includes('[redacted: github-token]') && copy.includes('[redacted: email]'), copy);
      assert.equal(readFileSync(join(ws.dir, 'app.log'), 'utf8'), log, 'the source is untouched');
      const text = ws.read('pm.md');
      assert.match(text.split('\n')[line - 1], / \(evidence: \[app\.log\]\(pm\.assets\/app\.log\)\)$/);
      assert.match(text, /- \[app\.log\]\(pm\.assets\/app\.log\) — captured \d{4}-\d\d-\d\d \d\d:\d\dZ\n$/);

      const raw = runCli(ws.dir, 'evidence', 'add', 'pm.md', 'app.log', '--no-redact');
      assert.equal(raw.code, 0, raw.stderr);
      assert.match(raw.stderr, /holds 1 github-token, 1 email; copied as it is \(--no-redact\)\. Revoke the secrets/);
      assert.ok(readFileSync(join(ws.dir, 'pm.assets/app-2.log'), 'utf8').includes(TOKEN));
    } finally {
      ws.cleanup();
    }
  });

  it('says which e-mails and IPs the allow list kept in the copy (trial T24: example.com and 203.0.113.7 were kept silently)', () => {
    const log = 'user jane.doe@example.com from 203.0.113.7\nuser bob@acme.io from 81.2.69.160\n';
    const ws = workspace({ 'pm.md': fixtureText('clean.md'), 'app.log': log });
    try {
      const r = runCli(ws.dir, 'evidence', 'add', 'pm.md', 'app.log');
      assert.equal(r.code, 1, `values redacted: exit 1, as tickets create ${r.stderr}`);
      assert.match(r.stdout, /^Redacted 1 email, 1 ip-address in the copy of app\.log/m);
      assert.match(r.stdout, /^Kept 1 email, 1 ip-address in app\.log as written \(jane\.doe@example\.com, 203\.0\.113\.7\): documentation addresses or values in redaction\.allow, not redacted\.$/m);
      assert.equal(readFileSync(join(ws.dir, 'pm.assets/app.log'), 'utf8'), 'user jane.doe@example.com from 203.0.113.7\nuser [redacted: email] from [redacted: ip-address]\n');
    } finally {
      ws.cleanup();
    }
  });

  it('warns about files over 5 MB and suggests Git LFS', () => {
    const ws = workspace({ 'pm.md': fixtureText('clean.md'), 'big.pdf': Buffer.alloc(5 * 1024 * 1024 + 1, 1) });
    try {
      const r = runCli(ws.dir, 'evidence', 'add', 'pm.md', 'big.pdf');
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /big\.pdf is 5\.0 MB.*Git LFS \(git lfs track "pm\.assets\/\*"\)/);
    } finally {
      ws.cleanup();
    }
  });

  // trial13a F14: 2026-02-30T10:00:00Z was written as "captured 2026-03-02 10:00Z", exit 0.
  it('refuses a capture time on a day the month does not have, or after now, saying why (exit 2, nothing attached)', () => {
    const ws = workspace({ 'pm.md': fixtureText('clean.md'), 'old.log': 'ok\n' });
    try {
      const before = ws.read('pm.md');
      const feb30 = runCliWithEnv(ws.dir, { TZ: 'Asia/Kolkata' }, 'evidence', 'add', 'pm.md', 'old.log', '--captured', '2026-02-30T10:00:00Z');
      assert.equal(feb30.code, 2, feb30.stdout + feb30.stderr);
      assert.match(feb30.stderr, /Expected --captured as a time that exists, found "2026-02-30T10:00:00Z" \(2026-02-30 does not exist: February 2026 has 28 days\)/);
      const apr31 = runCli(ws.dir, 'evidence', 'add', 'pm.md', 'old.log', '--captured', '2026-04-31T10:00:00+05:30');
      assert.equal(apr31.code, 2);
      assert.match(apr31.stderr, /found "2026-04-31T10:00:00\+05:30" \(2026-04-31 does not exist: April 2026 has 30 days\)/);
      const hour24 = runCli(ws.dir, 'evidence', 'add', 'pm.md', 'old.log', '--captured', '2026-04-30T24:30:00Z');
      assert.equal(hour24.code, 2, 'hour 24 does not roll over to the next day either');
      const future = runCli(ws.dir, 'evidence', 'add', 'pm.md', 'old.log', '--captured', '2099-01-01T00:00:00Z');
      assert.equal(future.code, 2);
      assert.match(future.stderr, /Expected --captured not after now \(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\), found "2099-01-01T00:00:00Z"/);
      assert.equal(ws.read('pm.md'), before, 'nothing linked');
      assert.deepEqual(existsSync(join(ws.dir, 'pm.assets')) ? readdirSync(join(ws.dir, 'pm.assets')) : [], [], 'nothing copied');
      const lower = runCli(ws.dir, 'evidence', 'add', 'pm.md', 'old.log', '--captured', '2026-02-28t10:00:00z');
      assert.equal(lower.code, 0, lower.stderr);
      assert.match(ws.read('pm.md'), /\[old\.log\]\(pm\.assets\/old\.log\) — captured 2026-02-28 10:00Z\n$/);
    } finally {
      ws.cleanup();
    }
  });

  it('refuses a missing source, a non-entry timeline line and a capture time without zone, attaching nothing', () => {
    const ws = workspace({ 'pm.md': fixtureText('clean.md'), 'a.log': 'ok\n' });
    try {
      const before = ws.read('pm.md');
      assert.equal(runCli(ws.dir, 'evidence', 'add', 'pm.md', 'nope.png').code, 2);
      assert.equal(runCli(ws.dir, 'evidence', 'add', 'pm.md', 'a.log', '--captured', '2026-11-20 14:05').code, 2);
      const wrongLine = runCli(ws.dir, 'evidence', 'add', 'pm.md', 'a.log', '--timeline-line', '1');
      assert.equal(wrongLine.code, 2);
      assert.match(wrongLine.stderr, /Expected line 1 of pm\.md to be a timeline entry/);
      assert.equal(ws.read('pm.md'), before);
      assert.equal(existsSync(join(ws.dir, 'pm.assets')), false, 'no copy, and no empty folder, left behind (trial18a F12)');
    } finally {
      ws.cleanup();
    }
  });

  it('keeps letters of any script in the copy\'s name, its extension, and links an image as an image; a changed name is said (trial18a F2)', () => {
    const ws = workspace({ 'pm.md': fixtureText('clean.md'), 'скриншот.png': PNG, '截图.png': Buffer.concat([PNG, Buffer.from([1])]), '.png': Buffer.concat([PNG, Buffer.from([2])]), 'a b ü ..log': 'ok\n' });
    try {
      const r = runCli(ws.dir, 'evidence', 'add', 'pm.md', 'скриншот.png', '截图.png', '.png', 'a b ü ..log', '--captured', '2026-11-20T14:05:00Z');
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, [
        'Attached pm.assets/скриншот.png to pm.md.',
        'Attached pm.assets/截图.png to pm.md.',
        'Attached pm.assets/evidence.png to pm.md, from .png (characters unsafe in file names or links replaced).',
        'Attached pm.assets/a-b-ü.log to pm.md, from a b ü ..log (characters unsafe in file names or links replaced).',
        '',
      ].join('\n'));
      assert.deepEqual(readdirSync(join(ws.dir, 'pm.assets')).sort(), ['a-b-ü.log', 'evidence.png', 'скриншот.png', '截图.png'].sort());
      assert.match(ws.read('pm.md'), /\n## Evidence\n\n- !\[скриншот\.png\]\(pm\.assets\/скриншот\.png\) — captured 2026-11-20 14:05Z\n- !\[截图\.png\]\(pm\.assets\/截图\.png\) — captured 2026-11-20 14:05Z\n- !\[\.png\]\(pm\.assets\/evidence\.png\) — captured 2026-11-20 14:05Z\n- \[a b ü \.\.log\]\(pm\.assets\/a-b-ü\.log\) — captured 2026-11-20 14:05Z\n$/);
      const lint = runCli(ws.dir, 'lint', 'pm.md', '--format', 'json');
      assert.doesNotMatch(lint.stdout, /evidence\//, 'the links resolve, nothing orphaned');
    } finally {
      ws.cleanup();
    }
  });

  it('never writes the Evidence section inside a code block, comment or <details> left open at the end: refused, exit 2, nothing copied (trial18a F6)', () => {
    const cases: readonly [tail: string, said: RegExp][] = [
      ['\n## Notes\n\n```\nunclosed code\n', /the code block opened on line \d+ is never closed \(no ``` after it\), so the Evidence links would be read as code/],
      ['\n<!-- draft notes\n', /the HTML comment opened on line \d+ is never closed \(no --> after it\), so the Evidence links would be read as part of the comment, hidden/],
      ['\n<details>\n<summary>Raw notes</summary>\n\nsome notes\n', /the <details> opened on line \d+ is never closed \(no <\/details> after it\), so the Evidence links would be folded away inside it/],
      ['\n## Evidence\n\n- [old](pm.assets/old.log)\n\n```\nlog pasted\n', /the code block opened on line \d+ is never closed/],
    ];
    for (const [tail, said] of cases) {
      const text = fixtureText('clean.md') + tail;
      const ws = workspace({ 'pm.md': text, 'ok.log': 'ok\n' });
      try {
        const r = runCli(ws.dir, 'evidence', 'add', 'pm.md', 'ok.log');
        assert.equal(r.code, 2, tail);
        assert.match(r.stderr, /^Cannot attach to pm\.md: /, tail);
        assert.match(r.stderr, said, tail);
        assert.match(r.stderr, /Nothing was attached\.\n$/);
        assert.equal(ws.read('pm.md'), text);
        assert.equal(existsSync(join(ws.dir, 'pm.assets')), false);
      } finally {
        ws.cleanup();
      }
    }
    // Closed blocks, and a <details> closed on its own line, are no obstacle.
    const closed = `${fixtureText('clean.md')}\n<details><summary>x</summary>\n\nnotes\n\n</details>\n\n\`<details>\` in code\n\n\`\`\`\n<details>\n\`\`\`\n`;
    const ws = workspace({ 'pm.md': closed, 'ok.log': 'ok\n' });
    try {
      const r = runCli(ws.dir, 'evidence', 'add', 'pm.md', 'ok.log');
      assert.equal(r.code, 0, r.stderr);
      assert.match(ws.read('pm.md'), /\n```\n<details>\n```\n\n## Evidence\n\n- \[ok\.log\]\(pm\.assets\/ok\.log\)/);
    } finally {
      ws.cleanup();
    }
  });

  it('says what is wrong with a folder source, the post-mortem itself, and a file where the evidence folder goes (trial18a F12)', () => {
    const ws = workspace({ 'pm.md': fixtureText('clean.md'), 'dir/x.log': 'x\n', 'ok.log': 'ok\n', 'other/q.md': fixtureText('clean.md'), 'other/q.assets': 'a file' });
    try {
      const before = ws.read('pm.md');
      const folder = runCli(ws.dir, 'evidence', 'add', 'pm.md', 'dir');
      assert.equal(folder.code, 2);
      assert.match(folder.stderr, /Expected dir to be a file \(it is a folder\)/);
      const itself = runCli(ws.dir, 'evidence', 'add', 'pm.md', './pm.md');
      assert.equal(itself.code, 2);
      assert.match(itself.stderr, /Expected evidence files, found the post-mortem itself \(\.\/pm\.md\)/);
      assert.equal(ws.read('pm.md'), before);
      assert.equal(existsSync(join(ws.dir, 'pm.assets')), false, 'no copy of the post-mortem');
      const blocked = runCli(ws.dir, 'evidence', 'add', 'other/q.md', 'ok.log');
      assert.equal(blocked.code, 2);
      assert.equal(blocked.stderr, 'Cannot create the evidence folder other/q.assets: a file of that name (or above it) is there, not a folder; move it away and attach again.\nNothing was attached.\n');
    } finally {
      ws.cleanup();
    }
  });
});

describe('postmortem lint: evidence checks', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('reports a link to a missing evidence file, an orphaned file and an image without alt text, in text, JSON and SARIF', () => {
    const text = `${fixtureText('clean.md')}\n## Evidence\n\n- ![](pm.assets/graph.png) — captured 2026-11-20 14:05Z\n- [Slack export](pm.assets/gone.json)\n`;
    const ws = workspace({ 'pm.md': text, 'pm.assets/graph.png': PNG, 'pm.assets/unused.log': 'x\n', 'pm.assets/.DS_Store': 'x' });
    try {
      const t = runCli(ws.dir, 'lint', 'pm.md');
      assert.match(t.stdout, /evidence\/image-alt/);
      assert.match(t.stdout, /pm\.assets\/gone\.json.*evidence\/missing-file/);
      assert.match(t.stdout, /pm\.assets\/unused\.log[\s\S]*evidence\/orphan/);
      assert.doesNotMatch(t.stdout, /DS_Store/);
      const json = JSON.parse(runCli(ws.dir, 'lint', 'pm.md', '--format', 'json').stdout);
      const codes = JSON.stringify(json);
      for (const c of ['evidence/image-alt', 'evidence/missing-file', 'evidence/orphan']) assert.ok(codes.includes(c), c);
      const sarif = JSON.parse(runCli(ws.dir, 'lint', 'pm.md', '--format', 'sarif').stdout);
      const ids = sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId);
      for (const c of ['evidence/image-alt', 'evidence/missing-file', 'evidence/orphan']) assert.ok(ids.includes(c), `${c} in ${ids}`);
      // Switched off per code like any rule.
      writeFileSync(join(ws.dir, '.postmortemrc.json'), JSON.stringify({ rules: { 'evidence/orphan': 'off', 'evidence/missing-file': 'error' } }));
      const graded = runCli(ws.dir, 'lint', 'pm.md');
      assert.doesNotMatch(graded.stdout, /evidence\/orphan/);
      assert.match(graded.stdout, /error .*evidence\/missing-file/);
      assert.doesNotMatch(graded.stderr, /Unknown rule/, 'the host-reported codes are known codes');
      assert.equal(graded.code, 1);
    } finally {
      ws.cleanup();
    }
  });

  it('warns about an archive put in an evidence folder by hand, or linked from another: never scanned for secrets', () => {
    // gzip and zip by their bytes (a gzipped log with a token: evidence add would have refused it).
    const GZIP = Buffer.from('1f8b0800000000000003', 'hex');
    const ZIP = Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(26)]);
    const text = `${fixtureText('clean.md')}\n## Evidence\n\n- [Logs](pm.assets/logs.zip)\n- [Shared](shared.assets/all.bin)\n- [Plain](pm.assets/app.log)\n`;
    const ws = workspace({ 'pm.md': text, 'pm.assets/logs.zip': ZIP, 'pm.assets/app.log.gz': GZIP, 'pm.assets/app.log': 'text\n', 'shared.assets/all.bin': ZIP });
    try {
      const t = runCli(ws.dir, 'lint', 'pm.md');
      const archives = t.stdout.split('\n').filter((l) => l.includes('evidence/unscanned-archive')).map((l) => l.trim().split('  ')[0]);
      assert.deepEqual(archives, ['pm.assets/app.log.gz:1:1', 'pm.assets/logs.zip:1:1', 'shared.assets/all.bin:1:1'], t.stdout);
      assert.match(t.stdout, /found "pm\.assets\/app\.log\.gz", an archive \(gzip, by its bytes\): the files in it were never scanned \(`postmortem evidence add` refuses archives unless --unscanned\)/);
      // The unlinked one is an orphan too, said in the same block; the summary counts one post-mortem.
      assert.match(t.stdout, /^pm\.assets\/app\.log\.gz\n.*evidence\/orphan\n.*evidence\/unscanned-archive\n/m);
      assert.match(t.stdout, /in 4 files of 1 post-mortem\n/);
      const sarif = JSON.parse(runCli(ws.dir, 'lint', 'pm.md', '--format', 'sarif').stdout);
      assert.equal(sarif.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === 'evidence/unscanned-archive').length, 3);
      writeFileSync(join(ws.dir, '.postmortemrc.json'), JSON.stringify({ rules: { 'evidence/unscanned-archive': 'off' } }));
      const off = runCli(ws.dir, 'lint', 'pm.md');
      assert.doesNotMatch(off.stdout, /unscanned-archive/);
      assert.doesNotMatch(off.stderr, /Unknown rule/);
    } finally {
      ws.cleanup();
    }
  });

  it('reports planted secrets as redaction/* in SARIF with the Redact fix, and fixes them with --fix', () => {
    const ws = workspace({ 'pm.md': `${fixtureText('clean.md')}\n## Evidence\n\n\`\`\`\nAuthorization: token ${TOKEN}\n\`\`\`\n` });
    try {
      const sarif = JSON.parse(runCli(ws.dir, 'lint', 'pm.md', '--format', 'sarif').stdout);
      const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'redaction/github-token');
      assert.ok(result, JSON.stringify(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)));
      assert.equal(result.level, 'error');
      assert.equal(result.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, '[redacted: github-token]');
      assert.ok(sarif.runs[0].tool.driver.rules.some((r: { id: string }) => r.id === 'redaction/email'));
      const fixed = runCli(ws.dir, 'lint', 'pm.md', '--fix');
      assert.ok(!ws.read('pm.md').includes(TOKEN), fixed.stdout);
      assert.ok(ws.read('pm.md').includes('Authorization: token [redacted: github-token]'));
    } finally {
      ws.cleanup();
    }
  });
});

