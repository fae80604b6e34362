import assert from 'node:assert/strict';
import { DEFAULT_GLOBS } from '../../../src/core/config/config';
import { isPostmortem } from '../../../src/core/document/recognise';

describe('evidence attached in NAME.assets/ is never a post-mortem (trial C24)', () => {
  const chat = '# Slack export\n\n- [ ] someone should look\n10:05 alice: it is down\n';
  const earlier = '---\ntype: postmortem\nid: PM-2026-001\ntitle: The earlier one\n---\n\n## Action items\n\n- [ ] Fix it @a due:2026-01-01\n';

  it('a chat export under postmortems/NAME.assets/ matched the default glob: lint failed CI on it, list counted an incident', () => {
    assert.equal(isPostmortem('postmortems/2026-12-31-cert.assets/chat.md', chat, DEFAULT_GLOBS), false);
    assert.equal(isPostmortem('team/post-mortems/x.assets/deep/notes.md', chat, DEFAULT_GLOBS), false);
  });

  it('an earlier post-mortem attached as evidence is not counted twice (its id and open items)', () => {
    assert.equal(isPostmortem('postmortems/2026-12-31-cert.assets/earlier.md', earlier, DEFAULT_GLOBS), false);
    assert.equal(isPostmortem('notes/x.assets/earlier.md', earlier, DEFAULT_GLOBS), false);
  });

  it('the post-mortem beside its folder still is one, and so is a folder merely named .assets', () => {
    assert.equal(isPostmortem('postmortems/2026-12-31-cert.md', earlier, DEFAULT_GLOBS), true);
    assert.equal(isPostmortem('postmortems/.assets/x.md', earlier, DEFAULT_GLOBS), true);
  });
});
