import assert from 'node:assert/strict';
import { parsePostmortem } from '../../../src/core/document/parse';
import { computeMetrics } from '../../../src/core/metrics';

const TEXT = [
  '---',
  'type: postmortem',
  'id: PM-1',
  'started_at: 2026-10-01T10:00:00Z',
  'detected_at: 2026-10-01T10:05:00Z',
  'resolved_at: 2026-10-01T11:00:00Z',
  '---',
  '## Action items',
  '- [ ] Make the deploy tool retry @ana due:2026-10-20',
  '  when the registry times out, with backoff',
  '- [ ] Page the owner @bo due:2026-10-21',
  '',
].join('\n');

describe('metrics: action items written over several lines', () => {
  it('lists an overdue item with its whole description, as the full parse reads it', () => {
    const now = '2026-11-27T12:00:00Z';
    const fromText = computeMetrics([{ uri: 'a.md', text: TEXT }], { now });
    const descriptions = fromText.actions.overdueItems.map((i) => i.description);
    assert.deepEqual(descriptions, ['Make the deploy tool retry when the registry times out, with backoff', 'Page the owner']);
    assert.deepEqual(parsePostmortem(TEXT).actionItems.map((i) => i.description), descriptions);
  });
});
