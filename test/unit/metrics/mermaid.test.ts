import assert from 'node:assert/strict';
import { computeMetrics, renderMetricsMarkdown } from '../../../src/core/metrics';
import { HAND_SET, NOW } from './handSet';
import { useMermaidInJsdom } from '../helpers/mermaidInJsdom';


/** Root-cause categories written by users end up as pie labels: they must not break the chart. */
const HOSTILE = ['say "hi"', 'a : 5', '%%{init: {"theme":"dark"}}%%', '#35; entity', 'x}y{z', '<b>bold</b>'];

describe('metrics report charts are accepted by Mermaid itself', function () {
  this.timeout(60_000);
  const getMermaid = useMermaidInJsdom();

  it('parses every xychart and the pie, with one slice per hostile category', async () => {
    const hostile = HOSTILE.map((c, i) => ({
      uri: `h${i}.md`,
      text: `---\nid: H${i}\nstarted_at: 2026-0${1 + (i % 6)}-10T10:00:00Z\ntags:\n  - 'cause:${c.replace(/'/g, "''")}'\n---\n`,
    }));
    const md = renderMetricsMarkdown(computeMetrics([...HAND_SET, ...hostile], { now: NOW }));
    const blocks = [...md.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]);
    assert.equal(blocks.filter((b) => /^xychart-beta$/m.test(b)).length, 3);
    for (const b of blocks) await getMermaid().parse(b);
    const pie = blocks.find((b) => /^pie showData$/m.test(b))!;
    const { db } = await getMermaid().mermaidAPI.getDiagramFromText(pie);
    const sections = (db as { getSections(): Map<string, number> }).getSections();
    assert.equal(sections.size, HOSTILE.length + 2, 'Capacity, Change and one per hostile label: nothing injected or merged');
  });
});
