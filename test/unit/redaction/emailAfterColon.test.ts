/**
 * An address right after a colon (`Contact:dana@x.com`, as chat exports and ticket fields write
 * it) was read as a URL's `scheme:user@` user-info and left in the file; a colon is user-info only
 * inside a URL (`://` before it in the same word), where the URL check owns it.
 */
import { strict as assert } from 'node:assert';
import { findSensitive, redactText } from '../../../src/core/redaction';

const found = (text: string) => findSensitive(text).map((f) => `${f.kind}:${text.slice(f.start, f.end)}`);

describe('redaction: an e-mail address after a colon without a space', () => {
  it('finds the whole address after a label and a colon', () => {
    assert.deepEqual(found('Contact:dana@x.com'), ['email:dana@x.com']);
    assert.deepEqual(found('reported by reporter:dana.lee+pager@acme.co.uk, then'), ['email:dana.lee+pager@acme.co.uk']);
    assert.deepEqual(found('sip:sam@acme.com'), ['email:sam@acme.com']);
    assert.deepEqual(found('10:42 from:joão.silva@banco.com.br'), ['email:joão.silva@banco.com.br']);
    const text = 'Contact:dana@x.com about the rollback';
    assert.equal(redactText(text, findSensitive(text)), 'Contact:[redacted: email] about the rollback');
  });

  it('keeps mailto: as before', () => {
    assert.deepEqual(found('[mail](mailto:sam+oncall@acme.co.uk)'), ['email:sam+oncall@acme.co.uk']);
  });

  it('leaves a URL\'s user:password@ to the URL check (one finding, not an e-mail besides)', () => {
    for (const url of ['postgres://app:hunter2@db.internal.acme.net:5432/orders', 'https://deploy:S3cret@registry.acme.net/v2/']) {
      const kinds = found(url).map((f) => f.slice(0, f.indexOf(':')));
      assert.deepEqual(kinds, ['url-password'], url);
    }
    assert.deepEqual(found('git@github.com:acme/shop.git'), []);
  });
});
