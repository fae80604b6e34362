import assert from 'node:assert/strict';
import { computeMetrics, renderMetricsMarkdown } from '../../../src/core/metrics';
import { HAND_SET, NOW } from './handSet';
import { useMermaidInJsdom } from '../helpers/mermaidInJsdom';


/** Root-cause categories written by users end up as bar labels: they must not break the chart. */
const HOSTILE = ['say "hi"', 'a : 5', '%%{init: {"theme":"dark"}}%%', '#35; entity', 'x}y{z', '<b>bold</b>'];

describe('metrics report charts are accepted by Mermaid itself', function () {
  this.timeout(60_000);
  const getMermaid = useMermaidInJsdom();

  it('parses every xychart, the root-cause bars with one bar per hostile category', async () => {
    const hostile = HOSTILE.map((c, i) => ({
      uri: `h${i}.md`,
      text: `---\nid: H${i}\nstarted_at: 2026-0${1 + (i % 6)}-10T10:00:00Z\ntags:\n  - 'cause:${c.replace(/'/g, "''")}'\n---\n`,
    }));
    const md = renderMetricsMarkdown(computeMetrics([...HAND_SET, ...hostile], { now: NOW }));
    const blocks = [...md.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]);
    assert.equal(blocks.filter((b) => /^xychart-beta$/m.test(b)).length, 4);
    for (const b of blocks) await getMermaid().parse(b);
    const causes = blocks.find((b) => /accTitle: Incidents per root-cause category/.test(b))!;
    const { db } = await getMermaid().mermaidAPI.getDiagramFromText(causes);
    const data = (db as { getChartConfig?: unknown; getXYChartData?: unknown });
    assert.ok(data, 'parsed');
    const axis = /x-axis \[(.*)\]/.exec(causes)![1];
    const bars = /bar "incidents" \[(.*)\]/.exec(causes)![1].split(',');
    assert.equal(bars.length, HOSTILE.length + 2, 'Capacity, Change and one per hostile label: nothing injected or merged');
    assert.equal(axis.match(/"(?:[^"]*)"/g)!.length, HOSTILE.length + 2, axis);
  });
});
