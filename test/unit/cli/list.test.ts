import assert from 'node:assert/strict';
import { renderedLinks } from '../../shared/renderedLinks';
import { buildOnce, runCli, workspace } from './harness';

const pm = (id: string, service: string, severity: string, started: string, extra = '') =>
  `---\ntype: postmortem\nid: ${id}\ntitle: Incident ${id} | pipes\nstatus: published\nseverity: ${severity}\nservices:\n  - ${service}\nstarted_at: ${started}\nresolved_at: ${started.replace('T10', 'T11')}\n${extra}---\n\n## Summary\n\nSomething about ${service}.\n\n## Action items\n\n- [ ] Fix it @bob due:2027-01-01\n`;

describe('postmortem list (spawned CLI)', function () {
  this.timeout(60_000);
  before(buildOnce);
  const files = {
    'postmortems/a.md': pm('PM-A', 'checkout', 'SEV1', '2026-11-20T10:00:00Z', 'factors:\n  - capacity\n'),
    'postmortems/b.md': pm('PM-B', 'search', 'SEV3', '2025-03-01T10:00:00Z'),
    'postmortems/c.md': pm('PM-C', 'checkout', 'SEV2', '2026-01-01T10:00:00Z'),
    'README.md': '# not a post-mortem\n',
  };

  it('groups by service (default), newest first, with date, severity, duration and open items', () => {
    const ws = workspace(files);
    try {
      const r = runCli(ws.dir, 'list');
      assert.equal(r.code, 0, r.stderr);
      const lines = r.stdout.split('\n');
      assert.equal(lines[0], 'checkout (2)');
      assert.equal(lines[1], '  PM-A · Incident PM-A | pipes  2026-11-20 · SEV1 · 1h · 1 open item');
      assert.equal(lines[2], '    postmortems/a.md');
      assert.match(lines[3], /^ {2}PM-C /);
      assert.match(r.stdout, /^search \(1\)$/m);
      assert.match(r.stdout, /^3 post-mortems$/m);
    } finally {
      ws.cleanup();
    }
  });

  it('groups by year, severity and factor, filters, and writes JSON and a Markdown page', () => {
    const ws = workspace(files);
    try {
      assert.deepEqual(runCli(ws.dir, 'list', '--by', 'year').stdout.split('\n').filter((l) => /^\S/.test(l)), ['2026 (2)', '2025 (1)', '3 post-mortems']);
      assert.deepEqual(runCli(ws.dir, 'list', '--by', 'factor').stdout.split('\n').filter((l) => /^\S/.test(l)), ['capacity (1)', 'No factors (2)', '3 post-mortems']);
      const json = JSON.parse(runCli(ws.dir, 'list', '--by', 'severity', '--service', 'CHECKOUT', '--format', 'json').stdout) as { group: string; postmortems: { id: string; durationMinutes: number; file: string; openItems: number }[] }[];
      assert.deepEqual(json.map((g) => [g.group, g.postmortems.map((p) => p.id)]), [['SEV1', ['PM-A']], ['SEV2', ['PM-C']]]);
      assert.equal(json[0].postmortems[0].durationMinutes, 60);
      assert.equal(json[0].postmortems[0].openItems, 1);
      const md = runCli(ws.dir, 'list', '--format', 'md', '--text', 'PM-B').stdout;
      assert.match(md, /^## search$/m);
      assert.match(md, /^\| 2025-03-01 \| PM-B \| \[Incident PM-B \\\| pipes\]\(postmortems\/b\.md\) \| SEV3 \| published \| 1h \| 1 \|$/m);
      assert.match(runCli(ws.dir, 'list', '--text', 'nothing-like-this').stdout, /^0 post-mortems of 3$/m);
    } finally {
      ws.cleanup();
    }
  });

  it('--format md keeps titles and services text: no raw HTML, no control bytes (trial F17)', () => {
    const evil = `---\ntype: postmortem\nid: PM-X\ntitle: "Pipe | title <script>alert(1)</script> \\u001b[31mred ](http://x) \`tick"\nservices: ["a|b", "<img src=x>"]\nstarted_at: 2026-11-20T10:00:00Z\n---\n# x\n`;
    const ws = workspace({ 'postmortems/x.md': evil });
    try {
      const md = runCli(ws.dir, 'list', '--format', 'md').stdout;
      assert.doesNotMatch(md, /(?<!\\)<(?:script|img)/);
      assert.doesNotMatch(md, /\u001b/);
      assert.match(md, /^## \\<img src=x\\>$/m);
      assert.match(md, /^## a\\\|b$/m);
      // Listed under each of its two services, both times as written (the ESC a space).
      const shown = { text: 'Pipe | title <script>alert(1)</script>  [31mred ](http://x) `tick', url: 'postmortems/x.md', inside: ['text'] };
      assert.deepEqual(renderedLinks(md), [shown, shown]);
    } finally {
      ws.cleanup();
    }
  });

  it('--format md shows a title as written: *em*, _em_, `code`, ~~struck~~, # and \\ are not Markdown', () => {
    const title = '*em* and _em_, `rm -rf` ~~struck~~ # 50% \\ C:\\Temp &amp; $5';
    const ws = workspace({ 'postmortems/x.md': `---\ntype: postmortem\nid: PM-X\ntitle: ${JSON.stringify(title)}\nstarted_at: 2026-11-20T10:00:00Z\n---\n# x\n` });
    try {
      const md = runCli(ws.dir, 'list', '--format', 'md').stdout;
      assert.deepEqual(renderedLinks(md), [{ text: title, url: 'postmortems/x.md', inside: ['text'] }], md);
    } finally {
      ws.cleanup();
    }
  });

  it('rejects an unknown grouping and a missing path with exit 2', () => {
    const ws = workspace(files);
    try {
      const bad = runCli(ws.dir, 'list', '--by', 'owner');
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /Expected --by to be one of service, severity, status, year, factor, found "owner"/);
      const missing = runCli(ws.dir, 'list', 'nope');
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /nope: no such file/);
    } finally {
      ws.cleanup();
    }
  });
});
