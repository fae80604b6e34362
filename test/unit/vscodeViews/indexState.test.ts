import assert from 'node:assert/strict';
import { formatSeconds, indexStateSentence } from '../../../src/vscode/index/indexState';

describe('what the views say while the workspace index is not built (trial14b F6)', () => {
  it('says "Reading the workspace…" before the index is built, never nothing', () => {
    assert.equal(indexStateSentence({ kind: 'idle' }), 'Reading the workspace…');
    assert.equal(indexStateSentence({ kind: 'reading' }), 'Reading the workspace…');
  });

  it('names the time-out of a silent file search and how to try again', () => {
    assert.equal(indexStateSentence({ kind: 'search-silent', seconds: 20 }),
      'The workspace\'s file search did not answer in 20 s, so its post-mortems are not known yet (the views fill in if it answers). Re-read All Post-mortems (in the view\'s … menu) to try again.');
  });

  it('names the error of a failed search', () => {
    assert.match(indexStateSentence({ kind: 'failed', reason: 'EACCES: permission denied' }) ?? '', /^The workspace's post-mortems could not be listed: EACCES: permission denied\. Re-read All/);
  });

  it('says nothing once built: the tree shows what the workspace holds', () => {
    assert.equal(indexStateSentence({ kind: 'built' }), undefined);
  });

  it('writes seconds as a person reads them', () => {
    assert.equal(formatSeconds(20), '20 s');
    assert.equal(formatSeconds(1.5), '1.5 s');
    assert.equal(formatSeconds(0.25), '0.3 s');
  });
});
