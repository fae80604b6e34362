import assert from 'node:assert/strict';
import { iconSafeLabel, labelText } from '../../../src/core/text/labelText';

describe('user text in the editor\'s labels (trial U14)', () => {
  it('shows a bidi override as its escape, so "…\\u202Egnp.exe" is not read as "exe.png"', () => {
    assert.equal(labelText('invoice\u202Egnp.exe'), 'invoice\\u202Egnp.exe');
    assert.equal(labelText('a\u2066b\u2069c\u200fd\u061ce'), 'a\\u2066b\\u2069c\\u200Fd\\u061Ce');
  });

  it('keeps a label on one line: line breaks and control characters become one space', () => {
    assert.equal(labelText('Title\r\nsecond\u2028third\u0007'), 'Title second third ');
  });

  it('leaves ordinary text, accents, emoji and right-to-left letters alone', () => {
    for (const t of ['Checkout latency', 'Zürich DB — 50 % down', '🔥 pager', 'שגיאה בשרת', 'cost $5 (approx)']) assert.equal(labelText(t), t);
  });

  it('escapes $(name) where VS Code draws icons, and only icon references', () => {
    assert.equal(iconSafeLabel('$(loading~spin) in-review'), '\\$(loading~spin) in-review');
    assert.equal(iconSafeLabel('a $(x) b $(alert)'), 'a \\$(x) b \\$(alert)');
    // Not icon syntax: no backslash that VS Code would then show.
    assert.equal(iconSafeLabel('cost $(5 dollars) and $ (x)'), 'cost $(5 dollars) and $ (x)');
    assert.equal(iconSafeLabel('SEV2'), 'SEV2');
  });
});
