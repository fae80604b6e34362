import assert from 'node:assert/strict';
import { computeMetrics, renderMetricsMarkdown as renderMarkdown, renderMetricsText as renderText } from '../../../src/core/metrics';

const pm = (id: string, started: string, fm: string, items = '') =>
  ({ uri: `file:///${id}.md`, text: `---\ntype: postmortem\nid: ${id}\ntitle: ${id}\nseverity: SEV2\nstatus: published\nservices: [checkout]\nincident_type: outage\nstarted_at: ${started}\nresolved_at: ${started.replace('T10', 'T11')}\n${fm}---\n\n## Action items\n\n${items}\n` });

describe('metrics: contributing factors and action-item kinds', () => {
  const sources = [
    pm('PM-1', '2026-01-10T10:00:00Z', 'factors: [capacity, change]\n', '- [x] Cap queries @a kind:prevent done:2026-01-20\n- [ ] Runbook step @b kind:runbook'),
    pm('PM-2', '2026-02-10T10:00:00Z', 'factors: [Capacity]\n', '- [ ] Train on-call @c kind:training\n- [ ] Plain item @d'),
    pm('PM-3', '2026-02-20T10:00:00Z', 'factors: [dependency]\n'),
  ];
  const m = computeMetrics(sources, { now: '2026-03-01T00:00:00Z', by: 'month' });

  it('counts factors per period and among repeat incidents, case-insensitively', () => {
    assert.deepEqual(m.periods, ['2026-01', '2026-02']);
    assert.deepEqual(m.factors.map((f) => [f.factor, f.incidents, f.byPeriod, f.repeats]), [
      ['capacity', 2, [1, 1], 1],
      ['change', 1, [1, 0], 0],
      ['dependency', 1, [0, 1], 1],
    ]);
  });

  it('reports closure by kind, unmarked items as none, and says both in text and Markdown', () => {
    assert.deepEqual(m.actionKinds.map((k) => [k.kind, k.done, k.total]), [['prevent', 1, 1], ['runbook', 0, 1], ['training', 0, 1], ['none', 0, 1]]);
    assert.match(renderText(m), /by kind: prevent 1\/1 done, runbook 0\/1 done, training 0\/1 done, none 0\/1 done/);
    assert.match(renderText(m), /Contributing factors: capacity 2 \(1 repeat\), change 1, dependency 1 \(1 repeat\)/);
    assert.match(renderMarkdown(m), /^\| capacity \| 2 \| 1 \| 1 \| 1 \|$/m);
  });
});
