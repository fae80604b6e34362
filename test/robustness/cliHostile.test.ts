import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOnce, runCli } from '../unit/cli/harness';
import { CLEAN, FIXABLE, lineEndings, windows1252, withEscapes, withNul } from './hostile';
import { tempDir } from './tempDir';

const NOW = '2026-11-27T12:00:00Z';

/** True when every line of `before` (except the `changed` ones) is still there, in order, in `after`. */
function keptOutsideFixes(before: string, after: string, changed: RegExp): boolean {
  const a = before.split(/\r\n|\r|\n/).filter((l) => !changed.test(l));
  const b = after.split(/\r\n|\r|\n/);
  let j = 0;
  for (const line of b) if (j < a.length && line === a[j]) j++;
  return j === a.length;
}

/** The spawned `postmortem` command on real hostile files (issue 9, parts 1, 2, 5, 6, 10). */
describe('CLI on hostile files (spawned, real files)', function () {
  this.timeout(120_000);
  before(() => buildOnce());
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => {
    t = tempDir();
    mkdirSync(t.path('postmortems'));
  });
  afterEach(() => t.cleanup());
  const put = (rel: string, content: string | Buffer) => writeFileSync(t.path(rel), content);
  const bytes = (rel: string) => readFileSync(t.path(rel));

  it('lint --fix never writes through a symlink out of the folders given: target untouched, said, exit 2', () => {
    mkdirSync(t.path('outside'));
    put('outside/authorized_keys', 'ssh-ed25519 AAAA key\n');
    symlinkSync('../outside/authorized_keys', t.path('postmortems/x.md'));
    put('postmortems/q.md', FIXABLE);
    const r = runCli(t.dir, 'lint', 'postmortems', '--fix', '--now', NOW);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /not written postmortems\/x\.md: it leads to .*outside.*authorized_keys, outside the folders given/);
    assert.equal(bytes('outside/authorized_keys').toString(), 'ssh-ed25519 AAAA key\n');
    assert.match(bytes('postmortems/q.md').toString(), /status: in-review/, 'the other file is still fixed');
  });

  it('a symlink beside its target is checked and fixed once', () => {
    put('postmortems/q.md', FIXABLE);
    symlinkSync('q.md', t.path('postmortems/alias.md'));
    const r = runCli(t.dir, 'lint', 'postmortems', '--fix', '--now', NOW);
    assert.notEqual(r.code, 2, r.stderr);
    assert.match(r.stdout, /of 1 post-mortem/);
  });

  for (const eol of ['mixed', 'crlf-bom'] as const) {
    it(`lint --fix leaves a file with nothing to fix byte-identical (${eol})`, () => {
      const original = Buffer.from(lineEndings(CLEAN, eol), 'utf8');
      put('postmortems/c.md', original);
      const r = runCli(t.dir, 'lint', '--fix', '--now', NOW);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.deepEqual(bytes('postmortems/c.md'), original);
    });
  }

  it('CR-only line endings: lint warns file/lone-cr; --fix fixes and keeps every line break a lone CR', () => {
    const original = Buffer.from(lineEndings(FIXABLE, 'cr'), 'utf8');
    put('postmortems/c.md', original);
    const lint = runCli(t.dir, 'lint', '--now', NOW);
    assert.match(lint.stdout, /postmortems\/c\.md:1:4 +warning +a line break that is a lone CR .* at line 1 \(\d+ in the file\): checked with it read as a line break, as Markdown reads it; --fix writes its line breaks back as they are.*file\/lone-cr/);
    const fix = runCli(t.dir, 'lint', '--fix', '--now', NOW);
    assert.equal(fix.code, 0, fix.stdout + fix.stderr);
    const after = bytes('postmortems/c.md').toString('utf8');
    assert.match(after, /\rstatus: in-review\r/);
    assert.ok(!after.includes('\n'), 'no LF written into a CR-only file');
    assert.ok(keptOutsideFixes(original.toString('utf8'), after, /^(status|severity|detected_at):/), 'lines outside the fixes are unchanged');
  });

  it('lint --fix on CRLF + BOM changes only the fixed lines, keeps the BOM and every CRLF', () => {
    const original = lineEndings(FIXABLE, 'crlf-bom');
    put('postmortems/q.md', original);
    const r = runCli(t.dir, 'lint', '--fix', '--now', NOW);
    assert.match(r.stdout, /fixed \d+ problems/);
    const after = bytes('postmortems/q.md').toString('utf8');
    assert.ok(after.startsWith('\uFEFF---\r\n'));
    assert.doesNotMatch(after.replace(/\r\n/g, ''), /[\r\n]/, 'no bare LF or CR introduced');
    assert.ok(keptOutsideFixes(original, after, /^(status|severity|detected_at):/), 'lines outside the fixes are unchanged');
  });

  it('Windows-1252 bytes: plain lint warns file/not-utf8 with line and byte; --fix leaves every byte, says so, exit 2', () => {
    const latin = windows1252();
    put('postmortems/w.md', latin);
    const json = runCli(t.dir, 'lint', '--format', 'json', '--now', NOW);
    const diags = JSON.parse(json.stdout) as { code: string; line: number; severity: string; message: string }[];
    const enc = diags.find((d) => d.code === 'file/not-utf8');
    assert.ok(enc, json.stdout);
    assert.equal(enc.severity, 'warning');
    assert.equal(enc.line, 18);
    assert.match(enc.message, /byte 0xE9 at line 18, byte \d+ of the line \(3 invalid sequences/);
    const fix = runCli(t.dir, 'lint', '--fix', '--now', NOW);
    assert.equal(fix.code, 2);
    assert.match(fix.stderr, /not written postmortems\/w\.md: not valid UTF-8 \(line 18\)/);
    assert.deepEqual(bytes('postmortems/w.md'), latin, 'not one byte changed');
  });

  it('UTF-16 with a BOM (PowerShell, Notepad "Unicode"): read as its text, checked, warned file/utf16, fixed and written back as UTF-16 with its BOM', () => {
    const text = FIXABLE.replace('The consumer fleet', 'The café in Zürich: a naïve consumer fleet');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    put('postmortems/u.md', le);
    const json = runCli(t.dir, 'lint', '--format', 'json', '--now', NOW);
    const diags = JSON.parse(json.stdout) as { code: string; line: number; severity: string; message: string }[];
    assert.ok(!diags.some((d) => d.code === 'file/nul'), 'not called binary: ' + json.stdout);
    const enc = diags.find((d) => d.code === 'file/utf16');
    assert.ok(enc, json.stdout);
    assert.equal(enc.severity, 'warning');
    assert.match(enc.message, /UTF-16 \(little-endian, with a byte-order mark\).*--fix writes it back in the same encoding, and its byte-order mark.*re-save it as UTF-8 if yours does not/);
    // Its content was read: the same schema problems as the UTF-8 file (status and severity spelled wrong).
    assert.ok(diags.some((d) => d.code === 'schema/enum'), json.stdout);
    const fix = runCli(t.dir, 'lint', '--fix', '--now', NOW);
    assert.equal(fix.code, 0, fix.stdout + fix.stderr);
    const fixed = bytes('postmortems/u.md');
    assert.deepEqual([fixed[0], fixed[1]], [0xff, 0xfe]);
    assert.match(fixed.toString('utf16le'), /^\uFEFF---\ntype: postmortem\n[^]*status: in-review\n[^]*The café in Zürich/);
    const be = Buffer.from(le.map((_, i) => le[i ^ 1]));
    put('postmortems/u.md', be);
    const list = runCli(t.dir, 'list', '--format', 'json');
    assert.match(list.stdout, /Queue backlog/);
  });

  for (const endian of ['LE', 'BE'] as const) {
    it(`UTF-16 ${endian} without a BOM: checked like the UTF-8 file, warned file/utf16 naming the inference; --fix writes it back as UTF-16 ${endian}, no BOM`, () => {
      const text = FIXABLE.replace('The consumer fleet', 'The café in Zürich: a naïve consumer fleet');
      const lint = (content: Buffer) => {
        put('postmortems/u.md', content);
        const r = runCli(t.dir, 'lint', '--format', 'json', '--now', NOW);
        return JSON.parse(r.stdout) as { code: string; line: number; column: number; severity: string; message: string }[];
      };
      const asUtf8 = lint(Buffer.from(text, 'utf8')).map((d) => `${d.line}:${d.column} ${d.code}`);
      const le = Buffer.from(text, 'utf16le');
      const utf16 = endian === 'LE' ? le : Buffer.from(le.map((_, i) => le[i ^ 1]));
      const diags = lint(utf16);
      assert.ok(!diags.some((d) => d.code === 'file/nul'), 'not called binary');
      const enc = diags.find((d) => d.code === 'file/utf16');
      assert.ok(enc, JSON.stringify(diags));
      assert.equal(enc.severity, 'warning');
      const endianWord = endian === 'LE' ? 'little-endian' : 'big-endian';
      assert.match(enc.message, new RegExp(`UTF-16 \\(${endianWord}, inferred: no byte-order mark; every other byte is NUL\\).*--fix writes it back in the same encoding, without a byte-order mark`));
      // The same problems at the same places as in the UTF-8 file: its text was read, accents and all.
      assert.deepEqual(diags.filter((d) => d.code !== 'file/utf16').map((d) => `${d.line}:${d.column} ${d.code}`), asUtf8);
      assert.ok(asUtf8.some((d) => d.endsWith('schema/enum')), asUtf8.join('\n'));
      const fix = runCli(t.dir, 'lint', '--fix', '--now', NOW);
      assert.equal(fix.code, 0, fix.stdout + fix.stderr);
      const fixed = bytes('postmortems/u.md');
      const asLe = endian === 'LE' ? fixed : Buffer.from(fixed.map((_, i) => fixed[i ^ 1]));
      assert.match(asLe.toString('utf16le'), /^---\ntype: postmortem\n[^]*status: in-review\n[^]*The café in Zürich/, 'fixed, no BOM added, its byte order kept');
      const list = runCli(t.dir, 'list', '--format', 'json');
      assert.match(list.stdout, /Queue backlog/);
    });
  }

  it('a NUL byte: lint reports "contains NUL at line N" (exit 1); actions and metrics say the file was not read (exit 2)', () => {
    put('postmortems/n.md', withNul());
    put('postmortems/ok.md', CLEAN.replace('PM-2026-016', 'PM-2026-017'));
    const lint = runCli(t.dir, 'lint', '--now', NOW);
    assert.equal(lint.code, 1);
    assert.match(lint.stdout, /postmortems\/n\.md:14:6 +error +contains NUL at line 14 .*file\/nul/);
    assert.doesNotMatch(lint.stdout, /no problems/);
    const fix = runCli(t.dir, 'lint', '--fix', '--now', NOW);
    assert.notEqual(fix.code, 0);
    assert.deepEqual(bytes('postmortems/n.md'), withNul());
    for (const command of ['actions', 'metrics']) {
      const r = runCli(t.dir, command, '--now', NOW);
      assert.equal(r.code, 2, `${command}: ${r.stderr}`);
      assert.match(r.stderr, new RegExp(`postmortem ${command}: not read postmortems/n\\.md: contains NUL at line 14`));
    }
  });

  it('escape sequences in a title and an item reach the terminal escaped (actions, metrics, lint)', () => {
    put('postmortems/e.md', withEscapes());
    for (const args of [['actions'], ['metrics'], ['lint']]) {
      const r = runCli(t.dir, ...args, '--now', NOW);
      assert.doesNotMatch(r.stdout + r.stderr, /[\u0007\u001b]/, `${args[0]} printed a raw control character`);
    }
    const actions = runCli(t.dir, 'actions', '--now', NOW);
    assert.match(actions.stdout, /Evil \\x1B\]0;pwned\\x07\\x1B\[2J title/);
    assert.match(actions.stdout, /Rotate \\x1B\[31mred\\x1B\[0m keys/);
  });

  it('import-timeline never writes NUL/ESC/BEL from messages into the document, and says it dropped them', () => {
    const pm = `${CLEAN.replace('status: draft', 'status: draft\nresolved_at: 2026-11-20T10:00:00Z')}`;
    put('postmortems/i.md', pm);
    put('pager.csv', `time,text\n2026-11-20T09:05:00Z,"Alert\u0000 \u001b[31mred\u001b[0m \u0007bell"\n`);
    const r = runCli(t.dir, 'import-timeline', 'postmortems/i.md', '--from', 'csv', '--input', 'pager.csv', '--yes');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /removed 4 control characters \(NUL, ESC, BEL…\) from 1 imported message/);
    const after = bytes('postmortems/i.md').toString('utf8');
    assert.match(after, /Alert \[31mred\[0m bell/);
    assert.doesNotMatch(after, /[\u0000\u0007\u001b]/);
  });

  it('metrics --format md: a lone CR or a newline in a title injects no heading and no Mermaid block', () => {
    const evil = CLEAN.replace('title: Nothing to fix', 'title: "A\\r# Injected heading\\r```mermaid\\rpie\\r```\\n## Another"')
      .replace('started_at: 2026-11-20T09:00:00Z', 'started_at: 2026-11-20T09:00:00Z\ndetected_at: 2026-11-20T09:10:00Z\nresolved_at: 2026-11-20T10:00:00Z');
    put('postmortems/m.md', evil);
    const clean = runCli(t.dir, 'metrics', '--format', 'md', '--now', NOW);
    const lines = clean.stdout.split(/\r\n|\r|\n/);
    assert.ok(!lines.some((l) => /^#+ (Injected|Another)/.test(l)), 'no injected heading');
    assert.ok(!lines.includes('pie'), 'no injected Mermaid source');
    assert.doesNotMatch(clean.stdout, /\r/);
    assert.ok(lines.some((l) => l.includes('# Injected heading') && l.startsWith('|')), 'the title is still shown, in its table cell');
  });

  it('a pipe named *.md is not read (a read would block forever): said, exit 2, no "no problems"', () => {
    put('postmortems/ok.md', CLEAN);
    execFileSync('mkfifo', [t.path('postmortems/p.md')]);
    const r = runCli(t.dir, 'lint', 'postmortems/p.md', 'postmortems/ok.md', '--now', NOW);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot read postmortems\/p\.md: not a regular file/);
    assert.match(r.stdout, /1 file could not be read/);
    assert.doesNotMatch(r.stdout, /no problems/);
  });

  it('new with a multi-line title writes one heading, no injected task line, and says so', () => {
    const r = runCli(t.dir, 'new', 'Outage\n- [ ] Injected @mallory due:2026-01-01\rmore', '--now', NOW, '--dir', 'postmortems');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /title had line breaks or control characters; written as one line/);
    const text = readFileSync(join(t.dir, r.stdout.trim()), 'utf8');
    assert.doesNotMatch(text, /^- \[ \] Injected/m);
    // The heading is Markdown text: the brackets are escaped, so no code host draws a checkbox there.
    assert.match(text, /^# Outage - \\\[ \\\] Injected @mallory due:2026-01-01 more$/m);
  });
});

/** Issue 10 item 1: every command reads each file with its own folder's .postmortemrc.json. */
describe('CLI configuration per file (spawned)', function () {
  this.timeout(120_000);
  before(() => buildOnce());

  it('actions and import-timeline use the section names of the file\'s own .postmortemrc.json, not the first one found', () => {
    const t = tempDir();
    try {
      const withItems = (heading: string, id: string) => CLEAN.replace('PM-2026-016', id).replace('## Timeline', `## ${heading}\n\n- [ ] Item under ${heading} @dana due:2030-01-01\n\n## Timeline`);
      mkdirSync(t.path('a/postmortems'), { recursive: true });
      mkdirSync(t.path('b/postmortems'), { recursive: true });
      writeFileSync(t.path('a/.postmortemrc.json'), JSON.stringify({ sectionAliases: { 'action-items': ['Follow-ups'] } }));
      writeFileSync(t.path('a/postmortems/x.md'), withItems('Follow-ups', 'PM-2026-101'));
      writeFileSync(t.path('b/.postmortemrc.json'), JSON.stringify({ sectionAliases: { 'action-items': ['Remediation'] } }));
      writeFileSync(t.path('b/postmortems/y.md'), withItems('Remediation', 'PM-2026-102'));
      const r = runCli(t.dir, 'actions', '--format', 'json', '--now', NOW);
      assert.equal(r.code, 0, r.stderr);
      const items = (JSON.parse(r.stdout) as { description: string }[]).map((i) => i.description).sort();
      assert.deepEqual(items, ['Item under Follow-ups', 'Item under Remediation']);

      writeFileSync(t.path('b/.postmortemrc.json'), JSON.stringify({ sectionAliases: { timeline: ['Sequence of events'] } }));
      writeFileSync(t.path('b/postmortems/y.md'), CLEAN.replace('status: draft', 'status: draft\nresolved_at: 2026-11-20T10:00:00Z').replace('## Timeline', '## Sequence of events'));
      writeFileSync(t.path('pager.csv'), 'time,text\n2026-11-20T09:05:00Z,Backlog alert fired\n');
      const imp = runCli(t.dir, 'import-timeline', 'b/postmortems/y.md', '--from', 'csv', '--input', 'pager.csv', '--yes');
      assert.equal(imp.code, 0, imp.stderr);
      const after = readFileSync(t.path('b/postmortems/y.md'), 'utf8');
      assert.match(after, /## Sequence of events[\s\S]*Backlog alert fired/);
      assert.doesNotMatch(after, /^## Timeline/m, 'no second timeline section added');
    } finally {
      t.cleanup();
    }
  });
});
