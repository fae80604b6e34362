/**
 * Every CLI command that writes back a post-mortem it read keeps the file's encoding, byte-order
 * mark and line breaks: a review a Windows editor saved as UTF-16 (PowerShell's `Out-File`, Notepad's
 * "Unicode") with CRLF comes back UTF-16 with CRLF, a classic-Mac file keeps its lone CRs. Each
 * command is run twice, on the file as UTF-8 with LF and on the same text in another form: the second
 * file's bytes must be the first's result in that form. A file whose bytes do not decode without loss
 * is refused, not one byte changed. Spawned, on real files (tickets create in-process, against the
 * GitHub stand-in).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import tickets from '../../../src/cli/commands/tickets';
import { ticketEnvironment } from '../../../src/cli/commands/ticketsTracker';
import { runInProcess } from '../../robustness/inProcess';
import { GitHubStandIn } from '../../trackers/githubStandIn';
import { buildOnce, NOW, runCli, workspace } from './harness';

type Form = { readonly name: string; readonly encoding: 'utf8' | 'utf16le' | 'utf16be'; readonly bom: boolean; readonly eol: '\n' | '\r\n' | '\r' };

const FORMS: readonly Form[] = [
  { name: 'UTF-8 with a BOM, CRLF', encoding: 'utf8', bom: true, eol: '\r\n' },
  { name: 'UTF-8, lone CRs (classic Mac)', encoding: 'utf8', bom: false, eol: '\r' },
  { name: 'UTF-16LE with a BOM, CRLF (PowerShell Out-File)', encoding: 'utf16le', bom: true, eol: '\r\n' },
  { name: 'UTF-16LE without a BOM, CRLF', encoding: 'utf16le', bom: false, eol: '\r\n' },
  { name: 'UTF-16BE with a BOM, LF', encoding: 'utf16be', bom: true, eol: '\n' },
  { name: 'UTF-16BE without a BOM, lone CRs', encoding: 'utf16be', bom: false, eol: '\r' },
];

function encodeAs(textLf: string, form: Form): Buffer {
  const text = (form.bom ? '\uFEFF' : '') + textLf.replace(/\n/g, form.eol);
  if (form.encoding === 'utf8') return Buffer.from(text, 'utf8');
  const le = Buffer.from(text, 'utf16le');
  return form.encoding === 'utf16le' ? le : le.swap16();
}

/** Wrong status and severity spellings, a zone-less detected_at, missing sections: --fix changes lines and adds some; accents and an astral character in the text. */
const FIXABLE = `---
type: postmortem
id: PM-2026-015
title: Queue backlog in Zürich
status: In Review
severity: sev3
started_at: 2026-11-20T09:00:00Z
detected_at: 2026-11-20 09:20
mitigated_at: 2026-11-20T10:00:00Z
resolved_at: 2026-11-20T10:30:00Z
timezone: UTC
facilitator: Dana Lee
---

# Queue backlog in Zürich

## Summary

The café 🚀 consumer fleet scaled in too far and a backlog built up.

## Timeline

- 2026-11-20 09:20Z [detected] Lag alert fired

## Action items

- [ ] Add a lag alert per partition @dana due:2026-12-20
`;

describe('CLI commands write a post-mortem back in the encoding, BOM and line breaks they read', function () {
  this.timeout(180_000);
  before(buildOnce);

  /** The command's result on the UTF-8, LF file: what every other form must hold, in its form. */
  function asUtf8(setup: Record<string, string | Buffer>, file: string, ...args: string[]): { text: string; code: number | null } {
    const ws = workspace({ ...setup, [file]: FIXABLE });
    try {
      const r = runCli(ws.dir, ...args);
      return { text: ws.read(file), code: r.code };
    } finally {
      ws.cleanup();
    }
  }

  function sameAsUtf8(setup: Record<string, string | Buffer>, file: string, args: readonly string[], check: (fixed: string) => void): void {
    const expected = asUtf8(setup, file, ...args);
    assert.notEqual(expected.text, FIXABLE, 'the command changed the UTF-8 file');
    check(expected.text);
    for (const form of FORMS) {
      const ws = workspace({ ...setup, [file]: encodeAs(FIXABLE, form) });
      try {
        const r = runCli(ws.dir, ...args);
        assert.equal(r.code, expected.code, `${form.name}: ${r.stdout}${r.stderr}`);
        assert.deepEqual(readFileSync(join(ws.dir, file)), encodeAs(expected.text, form), `${form.name}: the UTF-8 file's result, in its own form\n${r.stderr}`);
      } finally {
        ws.cleanup();
      }
    }
  }

  it('lint --fix', () => {
    sameAsUtf8({}, 'postmortems/q.md', ['lint', 'postmortems', '--fix', '--now', NOW], (fixed) => {
      assert.match(fixed, /^status: in-review$/m);
      assert.match(fixed, /^## Impact$/m, 'a section was added: new lines, written in the file\'s line breaks');
    });
  });

  it('evidence add (the link and the Evidence section written into the post-mortem)', () => {
    sameAsUtf8({ 'app.log': 'pool exhausted at 09:20\n' }, 'pm.md', ['evidence', 'add', 'pm.md', 'app.log', '--captured', '2026-11-20T09:30:00Z'], (fixed) => {
      assert.match(fixed, /pm\.assets\/app\.log/);
    });
  });

  it('import-timeline --yes (entries merged into the Timeline)', () => {
    const csv = 'Timestamp,Alert\n2026-11-20 09:40:00,consumer lag back under 1000\n';
    sameAsUtf8({ 'a.csv': csv }, 'pm.md', ['import-timeline', 'pm.md', '--from', 'csv', '--input', 'a.csv', '--zone', 'UTC', '--yes'], (fixed) => {
      assert.match(fixed, /consumer lag back under 1000/);
    });
  });

  it('a mixed file (CRLF, LF and lone CRs) in UTF-16LE: every line keeps its own ending; added lines take the first line\'s', () => {
    const lines = FIXABLE.split('\n');
    const ends = ['\r\n', '\n', '\r'];
    const mixed = lines.map((l, i) => l + (i < lines.length - 1 ? ends[i % 3] : '')).join('');
    const ws = workspace({ 'postmortems/m.md': Buffer.from(`\uFEFF${mixed}`, 'utf16le') });
    try {
      const r = runCli(ws.dir, 'lint', 'postmortems', '--fix', '--now', NOW);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      const after = readFileSync(join(ws.dir, 'postmortems/m.md'));
      assert.deepEqual([after[0], after[1]], [0xff, 0xfe], 'still UTF-16LE with its BOM');
      const text = after.toString('utf16le').slice(1);
      const withEnds = (s: string) => s.match(/[^\r\n]*(?:\r\n|\r|\n|$)/g)!.filter((l) => l !== '');
      const before = withEnds(mixed).filter((l) => !/^(status|severity|detected_at):/.test(l));
      let j = 0;
      for (const line of withEnds(text)) if (j < before.length && line === before[j]) j++;
      assert.equal(j, before.length, `every unfixed line, with its own line ending, in order:\n${JSON.stringify(text)}`);
      assert.match(text, /## Impact\r\n/, 'an added line ends as the first line does (CRLF)');
      assert.match(text, /^status: in-review\n/m, 'a fixed line keeps its ending (LF here)');
    } finally {
      ws.cleanup();
    }
  });

  const REFUSED: { name: string; bytes: Buffer; says: RegExp }[] = [
    { name: 'Windows-1252 (invalid UTF-8, valid Latin-1)', bytes: Buffer.from(FIXABLE.replace(' 🚀', ''), 'latin1'), says: /not valid UTF-8 \(line 4\): writing it would replace its undecodable bytes/ },
    { name: 'UTF-16LE with a lone surrogate', bytes: Buffer.from(`\uFEFF${FIXABLE.replace('🚀', '\uD83D')}`, 'utf16le'), says: /read as UTF-16 \(little-endian, with a byte-order mark\), some of its bytes do not decode \(line 19, read as U\+FFFD\)/ },
    { name: 'UTF-16LE with a NUL character', bytes: Buffer.from(`\uFEFF${FIXABLE.replace('🚀', '\0')}`, 'utf16le'), says: /it holds a NUL character at line 19/ },
  ];
  for (const c of REFUSED) {
    it(`lint --fix, evidence add, import-timeline (--yes and its preview) refuse ${c.name}: exit 2, not one byte changed`, () => {
      const ws = workspace({ 'postmortems/b.md': c.bytes, 'app.log': 'x\n', 'a.csv': 'Timestamp,Alert\n2026-11-20 09:40:00,back\n' });
      try {
        const runs = [
          runCli(ws.dir, 'lint', 'postmortems', '--fix', '--now', NOW),
          runCli(ws.dir, 'evidence', 'add', 'postmortems/b.md', 'app.log'),
          runCli(ws.dir, 'import-timeline', 'postmortems/b.md', '--from', 'csv', '--input', 'a.csv', '--zone', 'UTC', '--yes'),
        ];
        for (const r of runs) {
          assert.equal(r.code, 2, r.stdout + r.stderr);
          assert.match(r.stderr, c.says);
        }
        assert.match(runs[0].stderr, /not written postmortems\/b\.md: .*; nothing was written/);
        assert.match(runs[1].stderr, /Nothing was attached\./);
        // The preview does not invite a --yes that would be refused: it says so, and exits as the write would.
        const preview = runCli(ws.dir, 'import-timeline', 'postmortems/b.md', '--from', 'csv', '--input', 'a.csv', '--zone', 'UTC');
        assert.equal(preview.code, 2, preview.stdout + preview.stderr);
        assert.match(preview.stderr, /Nothing written, and --yes would not write these entries either: /);
        assert.doesNotMatch(preview.stdout, /Run again with --yes/);
        assert.deepEqual(readFileSync(join(ws.dir, 'postmortems/b.md')), c.bytes, 'not one byte changed');
      } finally {
        ws.cleanup();
      }
    });
  }
});

describe('tickets create writes the ticket addresses back in the file\'s encoding and line breaks', function () {
  this.timeout(60_000);
  let server: GitHubStandIn;
  const saved = ticketEnvironment.env;
  const RC = JSON.stringify({ tracker: { type: 'github', repository: 'acme/shop' } });
  beforeEach(async () => {
    server = await new GitHubStandIn().start();
    ticketEnvironment.env = { GITHUB_TOKEN: server.token, GITHUB_API_URL: server.url };
  });
  afterEach(async () => {
    ticketEnvironment.env = saved;
    await server.stop();
  });

  for (const form of FORMS.filter((f) => f.encoding !== 'utf8')) {
    it(form.name, async () => {
      const ws = workspace({ '.postmortemrc.json': RC, 'postmortems/q.md': encodeAs(FIXABLE, form) });
      try {
        const r = await runInProcess(tickets, ws.dir, 'create', 'postmortems/q.md');
        assert.equal(r.code, 0, r.stdout + r.stderr);
        const expected = FIXABLE.replace('due:2026-12-20', 'due:2026-12-20 https://github.com/acme/shop/issues/1');
        assert.deepEqual(readFileSync(join(ws.dir, 'postmortems/q.md')), encodeAs(expected, form));
      } finally {
        ws.cleanup();
      }
    });
  }
});
