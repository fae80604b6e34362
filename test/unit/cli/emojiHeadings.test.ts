import assert from 'node:assert/strict';
import { sectionIdOf } from '../../../src/core/document/sectionNames';
import { buildOnce, runCli, workspace } from './harness';

/** Trial 14a F19: `## 📋 Action items` (Notion/Confluence exports) was not the Action items section. */
const FILE = [
  '---',
  'type: postmortem',
  'id: PM-2026-001',
  'title: Checkout outage',
  'status: draft',
  'severity: SEV2',
  'started_at: 2026-11-20T10:00:00Z',
  'resolved_at: 2026-11-20T11:00:00Z',
  'timezone: UTC',
  '---',
  '',
  '## 🕐 Timeline',
  '',
  '- 2026-11-20 10:00Z [started] Errors rise',
  '- 2026-11-20 11:00Z [resolved] Rolled back',
  '',
  '## 📋 Action items',
  '',
  '- [ ] Add a canary @kim due:2026-12-20',
  '',
].join('\n');

describe('section headings with an emoji before the name', () => {
  before(buildOnce);

  it('are the section, for the one function every reader asks', () => {
    assert.equal(sectionIdOf('📋 Action items'), 'action-items');
    assert.equal(sectionIdOf('🕐 Timeline'), 'timeline');
    assert.equal(sectionIdOf('⚠️ Root cause'), sectionIdOf('Root cause'));
    assert.equal(sectionIdOf('👩‍💻 Action items'), 'action-items');
    assert.equal(sectionIdOf('📋'), undefined);
  });

  it('lint, actions and the list agree: the item is read, nothing reported as outside the section', () => {
    const ws = workspace({ 'postmortems/x.md': FILE });
    try {
      const actions = runCli(ws.dir, 'actions', 'postmortems/x.md');
      assert.equal(actions.code, 0, actions.stderr);
      assert.match(actions.stdout, /Add a canary/);
      assert.doesNotMatch(actions.stderr, /Not action items/);
      const lint = runCli(ws.dir, 'lint', 'postmortems/x.md');
      assert.doesNotMatch(lint.stdout + lint.stderr, /actions\/outside-section|sections\/missing.*(?:Timeline|Action)/);
      const list = runCli(ws.dir, 'list', 'postmortems');
      assert.match(list.stdout, /1 open/, list.stdout);
    } finally {
      ws.cleanup();
    }
  });
});
