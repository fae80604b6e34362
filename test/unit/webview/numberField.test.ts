import assert from 'node:assert/strict';
import { parseDecimal } from '../../../webview/diagram/numberField';

describe('typed numbers of the details fields', () => {
  it('reads what people type for a probability', () => {
    assert.equal(parseDecimal('0.5'), 0.5);
    assert.equal(parseDecimal('.5'), 0.5);
    assert.equal(parseDecimal(' 1.5 '), 1.5);
    assert.equal(parseDecimal('2e-3'), 0.002);
    assert.equal(parseDecimal('2E-3'), 0.002);
    assert.equal(parseDecimal('1.'), 1);
    assert.equal(parseDecimal('0,05'), 0.05, 'a decimal comma');
    assert.equal(parseDecimal('3'), 3);
  });

  it('refuses half-typed or mistyped text instead of guessing a number', () => {
    for (const raw of ['', '.', '1e', '2e-', 'e-3', '1.2.3', '1,000.5', '0x10', 'Infinity', 'NaN', '1/2', '5%', '1e999']) {
      assert.equal(parseDecimal(raw), undefined, raw);
    }
  });
});
