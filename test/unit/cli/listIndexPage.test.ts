import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderedLinks } from '../../shared/renderedLinks';
import { buildOnce, runCli, workspace } from './harness';

const pm = (id: string, started: string) =>
  `---\ntype: postmortem\nid: ${id}\ntitle: Boundary ${id}\nstatus: published\nseverity: SEV2\nstarted_at: ${started}\nresolved_at: ${started.replace('T10', 'T11')}\n---\n\n## Summary\n\nSomething.\n`;

/** Every link of the page at `page` (absolute) leads to a file that exists, read from the page's folder as GitHub does. */
function brokenLinks(md: string, page: string): string[] {
  return renderedLinks(md).map((l) => l.url).filter((url) => url.startsWith('/') || !existsSync(join(dirname(page), decodeURIComponent(url))));
}

// trial13a F29: the help's own example (`> postmortems/README.md` from the repository root) wrote a
// page whose every link was broken; paths outside the working folder became absolute.
describe('postmortem list --format md: links that work from where the page is', function () {
  this.timeout(60_000);
  before(buildOnce);
  const files = {
    'postmortems/LAX.md': pm('PM-LAX', '2026-11-20T10:00:00Z'),
    'postmortems/2026/night shift.md': pm('PM-N', '2026-03-01T10:00:00Z'),
  };

  it('the help\'s example, run as written from the repository root, writes a page whose every link resolves', () => {
    const ws = workspace(files);
    try {
      const example = runCli(ws.dir, 'list', '--help').stdout.split('\n').map((l) => l.trim()).find((l) => l.startsWith('postmortem list') && l.includes('--format md'));
      assert.ok(example, 'the help has a --format md example');
      assert.doesNotMatch(example, />/, 'no redirect: the command must know where the page goes');
      const [command, ...args] = example.split(/\s+/);
      assert.equal(command, 'postmortem');
      const r = runCli(ws.dir, ...args);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      const target = args[args.indexOf('--out') + 1]!;
      assert.match(r.stdout, new RegExp(`^Wrote ${target.replace(/[.]/g, '\\.')}: 2 post-mortems, links relative to its folder\\.$`, 'm'));
      const page = ws.read(target);
      const links = renderedLinks(page).map((l) => l.url);
      assert.deepEqual(links.sort(), ['2026/night%20shift.md', 'LAX.md']);
      assert.deepEqual(brokenLinks(page, join(ws.dir, target)), []);
      // Run again: the page it wrote is replaced (an index is regenerated), and it does not list itself (trial15a F13).
      const again = runCli(ws.dir, ...args);
      assert.equal(again.code, 0);
      assert.match(again.stdout, /: 2 post-mortems, links/);
      // The page sits where the default globs look: it is no post-mortem to lint, fix or count.
      const lint = runCli(ws.dir, 'lint', '--verbose', 'postmortems');
      assert.doesNotMatch(lint.stdout, /README\.md/, lint.stdout);
      assert.match(lint.stderr, /skipped postmortems\/README\.md: the index page `postmortem list --format md` wrote, not a post-mortem/);
      const fixed = runCli(ws.dir, 'lint', '--fix', 'postmortems');
      assert.doesNotMatch(fixed.stdout, /README\.md/);
      assert.equal(ws.read(target), page, 'lint --fix leaves the page as written');
    } finally {
      ws.cleanup();
    }
  });

  // trial19b F9: encodeURI kept `#` and `?` (`f #frag?.md` linked to `f ` with a fragment); `\\` became `/`.
  it('a file name with #, ?, %, parentheses or a backslash (a character of a POSIX name) links to that file', () => {
    const names = ['f #frag?.md', 'g\\back.md', '100% (final).md'];
    const ws = workspace(Object.fromEntries(names.map((n, k) => [`postmortems/${n}`, pm(`PM-${k}`, `2026-03-0${k + 1}T10:00:00Z`)])));
    try {
      const r = runCli(ws.dir, 'list', '--format', 'md', '--out', 'postmortems/README.md', 'postmortems');
      assert.equal(r.code, 0, r.stdout + r.stderr);
      const page = ws.read('postmortems/README.md');
      const links = renderedLinks(page).map((l) => l.url);
      assert.deepEqual(links.map((u) => decodeURIComponent(u)).sort(), [...names].sort());
      assert.ok(links.every((u) => !/[#?()\\ ]/.test(u)), links.join(' '));
      assert.deepEqual(brokenLinks(page, join(ws.dir, 'postmortems/README.md')), []);
    } finally {
      ws.cleanup();
    }
  });

  it('a page re-saved as UTF-16 with CRLF (a Windows editor) is still this command\'s page: replaced in UTF-16, BOM and CRLF', () => {
    const ws = workspace(files);
    try {
      const args = ['list', 'postmortems', '--format', 'md', '--out', 'postmortems/README.md'];
      assert.equal(runCli(ws.dir, ...args).code, 0);
      const page = ws.read('postmortems/README.md');
      const resaved = Buffer.from(`\uFEFF${page.replace(/\n/g, '\r\n')}`, 'utf16le');
      writeFileSync(join(ws.dir, 'postmortems/README.md'), resaved);
      const r = runCli(ws.dir, ...args);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.deepEqual(readFileSync(join(ws.dir, 'postmortems/README.md')), resaved, 'the same page, in the form it was re-saved in');
    } finally {
      ws.cleanup();
    }
  });

  it('--out a hand-written README: refused (exit 2), the file kept', () => {
    const ws = workspace({ ...files, 'postmortems/README.md': '# Our post-mortems\n\nHow we write them.\n' });
    try {
      const r = runCli(ws.dir, 'list', 'postmortems', '--format', 'md', '--out', 'postmortems/README.md');
      assert.equal(r.code, 2);
      assert.match(r.stderr, /postmortems\/README\.md: it exists and was not written by `postmortem list --format md`.*nothing was changed/);
      assert.equal(ws.read('postmortems/README.md'), '# Our post-mortems\n\nHow we write them.\n');
      const text = runCli(ws.dir, 'list', '--out', 'x.md');
      assert.equal(text.code, 2);
      assert.match(text.stderr, /Expected --out with --format md/);
    } finally {
      ws.cleanup();
    }
  });

  it('to stdout from another folder: links relative to the working folder (../), never absolute, and stderr says so', () => {
    const ws = workspace({ ...Object.fromEntries(Object.entries(files).map(([k, v]) => [`mb/${k}`, v])) });
    try {
      const la = join(ws.dir, 'la');
      mkdirSync(la);
      const r = runCli(la, 'list', '../mb/postmortems', '--format', 'md');
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(renderedLinks(r.stdout).map((l) => l.url).sort(), ['../mb/postmortems/2026/night%20shift.md', '../mb/postmortems/LAX.md']);
      assert.ok(!r.stdout.includes(ws.dir), 'no absolute path of the author\'s machine on the page');
      assert.deepEqual(brokenLinks(r.stdout, join(la, 'index.md')), []);
      assert.match(r.stderr, /note: the page's links are relative to the working folder \(.*la\); to save the page elsewhere, write it with --out FILE/);
      // --out from there: relative to the page, wherever the command runs.
      const out = runCli(la, 'list', '../mb/postmortems', '--format', 'md', '--out', '../mb/index.md');
      assert.equal(out.code, 0, out.stderr);
      assert.deepEqual(renderedLinks(ws.read('mb/index.md')).map((l) => l.url).sort(), ['postmortems/2026/night%20shift.md', 'postmortems/LAX.md']);
    } finally {
      ws.cleanup();
    }
  });
});
