import assert from 'node:assert/strict';
import { plainLabel } from '../../../src/core/text/plainLabel';
import { assertLinearGrowth } from '../robustness/linearGrowth';

describe('action-item labels without their Markdown (trial T7)', () => {
  it('drops the markers of strong and plain emphasis and strikethrough', () => {
    assert.equal(plainLabel('**Strike team formation**: Engineers from flags and infra'), 'Strike team formation: Engineers from flags and infra');
    assert.equal(plainLabel('__Redis isolation__: investigate *a separate* cluster'), 'Redis isolation: investigate a separate cluster');
    assert.equal(plainLabel('***Both*** and _one_ and ~~gone~~'), 'Both and one and gone');
    assert.equal(plainLabel('**a *nested* b**'), 'a nested b');
    assert.equal(plainLabel('*a **b*** c'), 'a b c');
  });

  it('keeps the text of code spans, links and images, without their syntax', () => {
    assert.equal(plainLabel('Raise `max_connections` in [the runbook](https://wiki/x) ![graph](g.png)'), 'Raise max_connections in the runbook graph');
    assert.equal(plainLabel('Keep `**literal**` stars in code'), 'Keep **literal** stars in code');
    assert.equal(plainLabel('See <https://status.example.com/x>'), 'See https://status.example.com/x');
    assert.equal(plainLabel('A \\*starred\\* word'), 'A *starred* word');
  });

  it('keeps what is not markup: unpaired markers, words with underscores, arithmetic, brackets', () => {
    for (const t of ['Rate 5* vendors', 'Rename snake_case_name and x__y__z', '2 * 3 * 4', 'Fix [JIRA-12] soon', 'Alert on p99 > 2s', 'cost ~ 5 EUR', 'Use `unclosed code', 'a_b_c']) {
      assert.equal(plainLabel(t), t, t);
    }
  });

  it('reads a hostile label in linear time', () => {
    const make = (unit: string) => (size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
    for (const unit of ['*', '**a', '_a_', '`', '`a``', '[', '[a](', '[a](b[a](', '<a:', '\\*', '~~a', '*a _b ']) {
      assertLinearGrowth(`plainLabel ${JSON.stringify(unit)}`, plainLabel, make(unit));
    }
  });
});
