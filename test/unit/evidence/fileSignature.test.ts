/**
 * The one decision of the editor's Attach Evidence and the CLI's `evidence add` about what a file is:
 * by its bytes, never by its name (trial15a F11). An archive is never handed back as a copy to make.
 */
import { strict as assert } from 'node:assert';
import { gzipSync } from 'node:zlib';
import { fileSignatureOf } from '../../../src/core/evidence/fileSignature';
import { evidenceCopy } from '../../../src/core/evidence/textCopy';
import { DEFAULT_REDACTION } from '../../../src/core/redaction/config';

const LOG = `token=ghp_${'Lq7W'.repeat(9)} user jane@corp.io\n`;

describe('fileSignatureOf / evidenceCopy: what evidence is, by its bytes', () => {
  it('names archives and compressed files whatever they are called', () => {
    assert.deepEqual(fileSignatureOf(gzipSync(LOG)), { kind: 'archive', format: 'gzip' });
    assert.deepEqual(fileSignatureOf(Buffer.from('fd377a585a000004e6d6b446', 'hex')), { kind: 'archive', format: 'xz' });
    const copy = evidenceCopy('notes.txt', gzipSync(LOG), DEFAULT_REDACTION, true);
    assert.equal(copy.kind, 'archive');
    assert.equal(copy.kind === 'archive' && copy.fact, 'notes.txt is an archive (gzip): the files in it cannot be scanned for secrets.');
  });

  it('names real images and PDFs, which are copied unread', () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    assert.deepEqual(fileSignatureOf(png), { kind: 'document', format: 'PNG' });
    assert.deepEqual(fileSignatureOf(Buffer.from('52494646240000005745425056503820', 'hex')), { kind: 'document', format: 'WebP' });
    assert.deepEqual(evidenceCopy('shot.png', png, DEFAULT_REDACTION, true), { kind: 'binary', bytes: png });
  });

  it('text that starts like a signature (GIF89a, %PDF-, BZh) is text, and is scanned under any name', () => {
    for (const start of ['GIF89a ', '%PDF-1.4 ', 'BZh9 ', 'PK']) assert.equal(fileSignatureOf(Buffer.from(start + LOG)), undefined, start);
    const copy = evidenceCopy('fake.gif', Buffer.from(`GIF89a ${LOG}`), DEFAULT_REDACTION, true);
    assert.equal(copy.kind, 'text');
    assert.equal(Buffer.from(copy.bytes).toString(), 'GIF89a token=[redacted: github-token] user [redacted: email]\n');
  });

  it('a short or empty file is no archive', () => {
    assert.equal(fileSignatureOf(new Uint8Array(0)), undefined);
    assert.equal(fileSignatureOf(Uint8Array.of(0x1f)), undefined);
  });
});
