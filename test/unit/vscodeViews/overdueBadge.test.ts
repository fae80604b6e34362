import assert from 'node:assert/strict';
import { overdueBadge } from '../../../src/vscode/tree/overdueBadge';

// trial19a F5: 18.6 s after opening a 300-file workspace the badge read 128; it settled at 600 (the
// CLI's count) a few seconds later. A partial count read as the workspace's.
describe('the overdue badge shows no partial count while the workspace is first read (trial19a F5)', () => {
  it('shows nothing while the first read is under way, whatever was counted so far', () => {
    for (const state of ['idle', 'reading', 'search-silent', 'failed'] as const) {
      assert.equal(overdueBadge({ overdue: 128, unread: 0, state, everBuilt: false }), undefined, state);
    }
  });

  it('shows the count once every file was read', () => {
    assert.deepEqual(overdueBadge({ overdue: 600, unread: 0, state: 'built', everBuilt: true }), { value: 600, tooltip: '600 overdue action items in the workspace' });
    assert.deepEqual(overdueBadge({ overdue: 29, owner: 'ana', ownerOverdue: 3, unread: 1, state: 'built', everBuilt: true }),
      { value: 29, tooltip: "29 overdue action items in the workspace; 3 of them @ana's (the view shows only those) (1 post-mortem not read: not counted)" });
    assert.equal(overdueBadge({ overdue: 0, unread: 0, state: 'built', everBuilt: true }), undefined);
  });

  it('keeps the count while the workspace is read again, and says it may change', () => {
    const badge = overdueBadge({ overdue: 538, unread: 0, state: 'reading', everBuilt: true });
    assert.equal(badge?.value, 538);
    assert.match(badge!.tooltip, /reading the workspace again: the count may change when it is done$/);
  });
});
