import assert from 'node:assert/strict';
import { repeatMetrics } from '../../../src/core/metrics/repeats';
import type { DatedIncident } from '../../../src/core/metrics/durations';
import type { IncidentRecord } from '../../../src/core/metrics/incident';

const incident = (uri: string, id: string, started: number, related: string[] = []): DatedIncident => ({
  label: id, period: '2026-01',
  record: { uri, id, title: uri, services: [], tags: [], related, startedAt: started } as unknown as IncidentRecord,
});
const start = (d: DatedIncident) => (d.record as unknown as { startedAt: number }).startedAt;

describe('repeat chains: a related id two post-mortems carry (trial18d F15)', () => {
  it('links to both and says that which one is meant is not known, instead of picking the last file read', () => {
    const a = incident('a.md', 'PM-005', 1);
    const b = incident('b.md', 'PM-005', 2);
    const c = incident('c.md', 'PM-011', 3, ['PM-005']);
    const r = repeatMetrics([a, b, c], new Set([a, b, c]), 90, start);
    assert.equal(r.chains.length, 1);
    assert.deepEqual(r.chains[0].members.map((m) => m.uri).sort(), ['a.md', 'b.md', 'c.md']);
    assert.deepEqual(r.chains[0].reasons, ['PM-011 lists PM-005 as related (2 post-mortems carry that id: linked to each, which one is meant is not known)']);
  });

  it('says nothing more when one post-mortem carries the id', () => {
    const a = incident('a.md', 'PM-005', 1);
    const c = incident('c.md', 'PM-011', 3, ['PM-005']);
    assert.deepEqual(repeatMetrics([a, c], new Set([a, c]), 90, start).chains[0].reasons, ['PM-011 lists PM-005 as related']);
  });

  it('joins a chain of 20,000 linked incidents without recursing per link', () => {
    // Each links to the next one: the earlier recursive find walked the whole chain, one frame per link.
    const all = Array.from({ length: 20_000 }, (_, i) => incident(`${i}.md`, `PM-${i}`, i, [`PM-${i + 1}`]));
    const r = repeatMetrics(all, new Set(all), 90, start);
    assert.equal(r.chains.length, 1);
    assert.equal(r.chains[0].members.length, 20_000);
  });
});
