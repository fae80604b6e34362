import { strict as assert } from 'node:assert';
import { applyEdits } from '../../../src/core/fix/applyEdits';
import { lintText } from '../../../src/core/lint/engine';
import { linksMissingFile } from '../../../src/core/rules/links/missingFile';
import { relativeLink, resolveLink, linkTarget } from '../../../src/core/links/resolve';
import { withFolders, type DocumentFiles } from '../../../src/core/links/workspaceFiles';
import { mayLinkToFiles } from '../../../src/core/links/mayLinkToFiles';

const FRONT = '---\ntype: postmortem\nid: PM-1\ntitle: T\nstatus: draft\n---\n\n# T\n\n## Summary\n\n';

function files(list: string[], documentPath = 'postmortems/2026/db.md'): DocumentFiles {
  return { workspace: { paths: withFolders([...list, documentPath]), unlisted: ['node_modules', '.git'] }, documentPath };
}

function check(body: string, f: DocumentFiles | undefined) {
  const text = FRONT + body;
  return { text, diagnostics: lintText(text, { rules: [linksMissingFile], workspace: { knownIds: new Set() }, ...(f ? { files: f } : {}) }).diagnostics };
}

describe('links/missing-file', () => {
  it('is quiet without the host file list (single-file runs, a workspace still being listed)', () => {
    assert.deepEqual(check('[runbook](../../runbooks/gone.md)\n', undefined).diagnostics, []);
  });

  it('offers the one file of that name when the link target moved, keeping the anchor (not automatic)', () => {
    const { text, diagnostics } = check('See the [runbook](../../runbooks/db.md#promote).\n', files(['ops/runbooks/db.md']));
    assert.equal(diagnostics.length, 1);
    assert.match(diagnostics[0].message, /Expected the linked file "runbooks\/db\.md" .* found none; "ops\/runbooks\/db\.md" has that name/);
    const fix = diagnostics[0].fixes![0];
    assert.equal(fix.title, 'Change link to ../../ops/runbooks/db.md');
    assert.notEqual(fix.isPreferred, true);
    assert.ok(applyEdits(text, fix.edits).text.includes('[runbook](../../ops/runbooks/db.md#promote).'));
  });

  it('finds a link whose destination starts on the next line, and skips sections that only link to URLs and anchors', () => {
    const wrapped = check('See the [runbook](\n  ../../runbooks/gone.md) and [the dashboard](https://grafana.example/d/1).\n', files([]));
    assert.deepEqual(wrapped.diagnostics.map((d) => d.range.start.line), [FRONT.split('\n').length - 1]);
    assert.deepEqual(check('See [the dashboard](https://grafana.example/d/1), [above](#timeline) and [mail](mailto:a@b.example).\n', files([])).diagnostics, []);
    assert.equal(mayLinkToFiles('[a](https://x.example) [b](#c) [d]: mailto:e@f.example'), false);
    assert.equal(mayLinkToFiles('[a](\r\n ./runbook.md)'), true);
  });

  it('rewrites a reference definition once, where its path is written, not at each use', () => {
    const { text, diagnostics } = check('Use [the runbook][rb] and [again][rb].\n\n[rb]: <../../run books/DB.md> "DB"\n', files(['run books/db.md']));
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].range.start.line, FRONT.split('\n').length + 1);
    assert.ok(applyEdits(text, diagnostics[0].fixes![0].edits).text.includes('[rb]: <../../run books/db.md> "DB"'));
  });

  it('percent-encodes a space in a plain destination', () => {
    const { text, diagnostics } = check('[handbook](../../handbook.md)\n', files(['docs/on call/handbook.md']));
    assert.ok(applyEdits(text, diagnostics[0].fixes![0].edits).text.includes('[handbook](../../docs/on%20call/handbook.md)'));
  });

  it('accepts files and folders that exist, in any spelling a reader follows', () => {
    const f = files(['runbooks/db.md', 'docs/x y.md']);
    const body = '[a](../../runbooks/db.md) [b](/runbooks/) [c](../../docs/x%20y.md) [d](<../../docs/x y.md>) [e](./db.md) [f](db.md#top) [g](../..)\n';
    assert.deepEqual(check(body, f).diagnostics, []);
  });

  it('does not judge URLs, links out of the workspace, unlisted folders, code or evidence', () => {
    const body = [
      '[u](https://example.com/x.md) [m](mailto:a@b.c) [p](//cdn.example.com/x.md) [w](C:/runbooks/x.md)',
      '[out](../../../../elsewhere.md) [nm](/node_modules/pg/README.md) [ev](db.assets/graph.png)',
      '`[c](../../gone.md)`',
      '',
    ].join('\n');
    assert.deepEqual(check(body, files([])).diagnostics, []);
  });

  it('stays linear on a hostile link line (one link with 150k characters of brackets in its text)', () => {
    const body = `[${'](x'.repeat(50_000)}](../../gone.md)\n`;
    const started = process.cpuUsage();
    const { diagnostics } = check(body, files([]));
    const cpuMs = (process.cpuUsage(started).user + process.cpuUsage(started).system) / 1000;
    assert.ok(diagnostics.length <= 1);
    assert.ok(cpuMs < 20_000, `took ${cpuMs} ms of CPU`);
  });
});

describe('link paths', () => {
  it('resolves against the post-mortem folder, or the root for a leading slash; undefined when it climbs out', () => {
    assert.equal(resolveLink('postmortems/2026', linkTarget('../../runbooks/./db.md#x')!), 'runbooks/db.md');
    assert.equal(resolveLink('postmortems/2026', linkTarget('/runbooks/db.md')!), 'runbooks/db.md');
    assert.equal(resolveLink('postmortems', linkTarget('../../x.md')!), undefined);
    assert.equal(linkTarget('#timeline'), undefined);
    assert.equal(linkTarget('https://x/y.md'), undefined);
  });

  it('writes the shortest relative link', () => {
    assert.equal(relativeLink('postmortems/2026', 'runbooks/db.md'), '../../runbooks/db.md');
    assert.equal(relativeLink('postmortems', 'postmortems/a/b.md'), 'a/b.md');
    assert.equal(relativeLink('', 'docs/x.md'), 'docs/x.md');
  });

  it('lists the folders of the files', () => {
    assert.deepEqual([...withFolders(['a/b/c.md', 'a/d.md', 'e.md'])].sort(), ['a', 'a/b', 'a/b/c.md', 'a/d.md', 'e.md']);
  });
});
