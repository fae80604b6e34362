import assert from 'node:assert/strict';
import type { Nodes } from 'mdast';
import { parseSectionMarkdown } from '../../../src/core/document/markdown';
import { MAX_NESTING } from '../../../src/core/document/nesting';
import { lintText } from '../../../src/core/lint/engine';

/**
 * List nesting spread over lines (trial F16): `"  ".repeat(i) + "- [ ] nested"` for i below N nests
 * N levels with one marker per line, and remark's list handling grew with the square of the depth
 * (300 levels, 10 KB: 15 s; 600 levels: 82 s). Past MAX_NESTING the markers are read as spaces, as
 * for nesting on one line, and the lint says so once.
 */
const HEAD = '---\ntype: postmortem\ntitle: Deep\nstatus: draft\n---\n# Deep\n\n## Summary\n\nDeep list.\n\n## Action items\n\n';
const NOW = new Date('2026-12-01T00:00:00Z');

const deep = (n: number) => HEAD + Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- [ ] nested ${i} @bob due:2026-12-20`).join('\n') + '\n';
/** The same bytes, nested at most 40 levels: lines padded to the deep document's widths. */
const shallow = (n: number) => HEAD + Array.from({ length: n }, (_, i) => `${'  '.repeat(i % 40)}- [ ] nested ${i} @bob due:2026-12-20 ${'x'.repeat(2 * i - 2 * (i % 40))}`).join('\n') + '\n';

function listDepth(root: Nodes): number {
  let deepest = 0;
  const stack: [Nodes, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    const d = node.type === 'list' ? depth + 1 : depth;
    deepest = Math.max(deepest, d);
    if ('children' in node) for (const child of node.children) stack.push([child as Nodes, d]);
  }
  return deepest;
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

describe('list nesting over lines is bounded like nesting on one line (trial F16)', function () {
  this.timeout(240_000);

  it('reads 300 levels as 64 and says so once, with how many lines were read flat', () => {
    const text = deep(300);
    assert.equal(listDepth(parseSectionMarkdown(text.slice(text.indexOf('## Action items')))), MAX_NESTING);
    const found = lintText(text, { now: NOW }).diagnostics.filter((d) => d.code === 'document/nesting-too-deep');
    assert.equal(found.length, 1);
    assert.equal(found[0].range.start.line, text.split('\n').indexOf(`${'  '.repeat(MAX_NESTING)}- [ ] nested ${MAX_NESTING} @bob due:2026-12-20`));
    assert.match(found[0].message, /nest more than 64 levels deep over lines here \(and 235 more lines below\)/);
  });

  it('keeps a list nested 64 levels over lines as it is, with no diagnostic', () => {
    const text = deep(MAX_NESTING);
    assert.equal(listDepth(parseSectionMarkdown(text.slice(text.indexOf('## Action items')))), MAX_NESTING);
    assert.equal(lintText(text, { now: NOW }).diagnostics.filter((d) => d.code === 'document/nesting-too-deep').length, 0);
  });

  it('400 levels over lines cost at most 5× a 40-level document of the same bytes (CPU time, not wall clock)', () => {
    const [d, s] = [deep(400), shallow(400)];
    lintText(s, { now: NOW });
    let t0 = cpuMs();
    lintText(s, { now: NOW });
    const a = cpuMs() - t0;
    t0 = cpuMs();
    lintText(d, { now: NOW });
    const b = cpuMs() - t0;
    // Measured: 2× after, 11× before (remark's list handling per level).
    assert.ok(b <= 5 * Math.max(a, 50), `${a.toFixed(0)} ms for 40 levels, ${b.toFixed(0)} ms for 400 (${d.length} and ${s.length} chars)`);
  });
});
