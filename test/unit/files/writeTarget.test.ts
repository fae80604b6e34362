import assert from 'node:assert/strict';
import { isInsideFolder, writeTargetRefusal } from '../../../src/core/files/writeTarget';

describe('the write-target decision both hosts ask (src/core/files/writeTarget.ts)', () => {
  it('a path is inside a folder only below a separator: /w/pm2 is not inside /w/pm', () => {
    assert.equal(isInsideFolder('/w/pm/a.md', '/w/pm'), true);
    assert.equal(isInsideFolder('/w/pm/a.md', '/w/pm/'), true);
    assert.equal(isInsideFolder('/w/pm', '/w/pm'), true);
    assert.equal(isInsideFolder('/w/pm2/a.md', '/w/pm'), false);
    assert.equal(isInsideFolder('/etc/passwd', '/w/pm'), false);
    assert.equal(isInsideFolder('/etc/passwd', '/'), true);
  });

  it('on POSIX a backslash is part of a name: the file `pm\\evil` beside the folder `pm` is outside it', () => {
    assert.equal(isInsideFolder('/tmp/pm\\evil', '/tmp/pm'), false);
    assert.equal(isInsideFolder('/tmp/pm/a\\b.md', '/tmp/pm'), true);
  });

  it('Windows paths: either separator, any case of drive and names (realpath says C:, VS Code c:)', () => {
    assert.equal(isInsideFolder('C:\\Work\\PM\\a.md', 'c:\\work\\pm'), true);
    assert.equal(isInsideFolder('c:/work/pm/a.md', 'C:\\Work\\PM\\'), true);
    assert.equal(isInsideFolder('C:\\Work\\PM2\\a.md', 'C:\\Work\\PM'), false);
    assert.equal(isInsideFolder('D:\\a.md', 'C:\\'), false);
    assert.equal(isInsideFolder('C:\\a.md', 'C:\\'), true);
  });

  it('says where a link leads and which folders it left; then read-only; nothing when both are fine', () => {
    const out = writeTargetRefusal({ target: '/home/me/.ssh/authorized_keys', roots: ['/w'], rootsLabel: 'the workspace folders', readOnly: true });
    assert.deepEqual(out, { reason: 'outside-roots', message: 'it leads to /home/me/.ssh/authorized_keys, outside the workspace folders (/w); a symlink out of the tree is never written through' });
    assert.equal(writeTargetRefusal({ target: '/w/a.md', roots: ['/w'], readOnly: true })?.reason, 'read-only');
    assert.equal(writeTargetRefusal({ target: '/w/a.md', roots: ['/w'], readOnly: false }), undefined);
    assert.equal(writeTargetRefusal({ target: '/anywhere/a.md', readOnly: false }), undefined, 'no roots: no containment check');
  });
});
