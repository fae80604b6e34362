import assert from 'node:assert/strict';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { computeMetrics, renderMetricsMarkdown, renderMetricsText } from '../../../src/core/metrics';
import { mermaidString } from '../../../src/core/metrics/render/markdown';
import { HAND_SET, NOW } from './handSet';

const FISHBONE = `---
id: F
title: Login failed
severity: SEV2
incident_type: outage
services: [auth]
started_at: 2026-03-01T10:00:00Z
resolved_at: 2026-03-01T11:00:00Z
tags: [certificates]
---

## Root cause analysis

\`\`\`mermaid
ishikawa-beta
  Login failed
    People
    Process
      Manual "renewal" step
    Measurement
      No expiry alert
\`\`\`
`;

describe('metrics reports', () => {
  const m = computeMetrics([...HAND_SET, { uri: 'f.md', text: FISHBONE }], { now: NOW });

  it('takes root-cause categories from a fishbone when there is no cause: tag (empty categories ignored)', () => {
    assert.deepEqual(m.incidents.find((i) => i.id === 'F')?.rootCauseCategories, ['Process', 'Measurement']);
  });

  it('writes Markdown with trend charts, root-cause bars (with how many incidents have a category) and the missing-data list', () => {
    const md = renderMetricsMarkdown(m);
    const blocks = [...md.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((b) => b[1]);
    assert.ok(blocks.some((b) => /^xychart-beta$/m.test(b) && b.includes('x-axis ["2026-01", "2026-02", "2026-03"')));
    const causes = blocks.find((b) => /accTitle: Incidents per root-cause category/.test(b));
    assert.match(causes ?? '', /x-axis \[.*"Capacity".*\]/);
    assert.match(md, /## Root-cause categories\n\n\d+ incidents? of \d+ ha(s|ve) a root-cause category/);
    assert.match(md, /3 incidents without detected_at: f.md, d.md, e.md/);
    assert.match(md, /\| C \| Search slow \|/);
  });

  it('keeps every xychart series as long as its x-axis', () => {
    for (const block of renderMetricsMarkdown(m).matchAll(/```mermaid\nxychart-beta\n([\s\S]*?)```/g)) {
      const axis = /x-axis \[(.*)\]/.exec(block[1])![1].split(',').length;
      for (const series of block[1].matchAll(/(?:bar|line) \[(.*)\]/g)) assert.equal(series[1].split(',').length, axis);
    }
  });

  it('escapes labels for Mermaid strings and table cells', () => {
    assert.equal(mermaidString('say "hi"\nthere {x}'), `"say 'hi' there x"`);
    const tricky = computeMetrics([{ uri: 't.md', text: '---\nid: "T|1"\ntitle: "a | b"\nstarted_at: 2026-01-01T00:00:00Z\n---\n' }], { now: NOW });
    assert.match(renderMetricsMarkdown(tricky), /\| T\\\|1 \| a \\\| b \|/);
  });

  it('prints a text summary naming overdue reviews and missing fields', () => {
    const text = renderMetricsText(m);
    assert.match(text, /overdue: C "Search slow"/);
    assert.match(text, /3 incidents without detected_at/);
    assert.match(text, /Repeat incidents: 2 of 5/);
  });

  it('says which owners the text table leaves out (nothing open), so its done column adds up with "N of M done" (trial T8)', () => {
    const settled = { uri: 's.md', text: '---\ntype: postmortem\nid: S\ntitle: Settled\nstarted_at: 2026-03-02T10:00:00Z\n---\n\n## Action items\n\n- [x] Rotate the keys @dana done:2026-03-05\n' };
    const text = renderMetricsText(computeMetrics([...HAND_SET, settled], { now: NOW }));
    assert.match(text, /^ {2}1 owner with nothing open not listed \(1 done\): dana$/m);
    assert.doesNotMatch(text, /^ {2}dana +\d/m);
  });
});

describe('metrics --format md keeps a title text: no live link or remote image (trial C17)', () => {
  it('escapes [ and ] in titles, as list --format md does', () => {
    const text = '---\ntype: postmortem\nid: PM-MD\ntitle: "See [link](http://evil) ![img](http://evil/x.png) a\\\\b"\nstarted_at: 2026-11-20T10:00:00Z\nresolved_at: 2026-11-20T11:00:00Z\n---\n# x\n';
    const md = renderMetricsMarkdown(computeMetrics([{ uri: 'x.md', text }], { now: '2026-12-01T00:00:00Z' }));
    assert.doesNotMatch(md, /[^\\]\[link\]\(http:\/\/evil\)/);
    assert.doesNotMatch(md, /!\[img\]\(/);
    assert.match(md, /See \\\[link\\\]\(http\\:\/\/evil\) !\\\[img\\\]\(http\\:\/\/evil\/x\.png\) a\\\\b/);
  });

  it('shows a title as written where GitHub renders it: *em*, _em_, `code`, ~~struck~~, # and \\ stay text in the table', () => {
    const title = '*em* and _em_, `rm -rf` ~~struck~~ # 50% \\ C:\\Temp | &amp; $5';
    const text = `---\ntype: postmortem\nid: PM-MD\ntitle: ${JSON.stringify(title)}\nstarted_at: 2026-11-20T10:00:00Z\nresolved_at: 2026-11-20T11:00:00Z\n---\n# x\n`;
    const md = renderMetricsMarkdown(computeMetrics([{ uri: 'x.md', text }], { now: '2026-12-01T00:00:00Z' }));
    const tree = unified().use(remarkParse).use(remarkGfm).parse(md);
    const cells: string[][] = [];
    const visit = (node: Root | Root['children'][number]) => {
      if (node.type === 'tableRow') cells.push(node.children.map((c) => (c.children.every((k) => k.type === 'text') ? toString(c) : `(markup: ${c.children.map((k) => k.type).join(', ')})`)));
      else if ('children' in node) for (const c of node.children) visit(c as Root['children'][number]);
    };
    visit(tree);
    const row = cells.find((r) => r[0] === 'PM-MD');
    assert.ok(row, md);
    assert.equal(row[1], title, 'the title cell renders as the title, in its own cell');
  });
});
