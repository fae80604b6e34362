import assert from 'node:assert/strict';
import { axisTop, tickStep, ticksFor } from '../../../src/core/metrics/render/axis';

describe('chart y-axis ranges', () => {
  it('steps ticks like d3 (what Mermaid labels): 1, 2 or 5 × 10ⁿ, about ten of them', () => {
    assert.equal(tickStep(3), 0.2, 'Mermaid labels 0, 0.2 … 3 for a 0 --> 3 axis: the "1.5 incidents" defect');
    assert.equal(tickStep(8), 1);
    assert.equal(tickStep(22), 2);
    assert.equal(tickStep(80), 10);
    assert.deepEqual(ticksFor(8), [0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('gives count axes whole-number ticks only, ending on a labelled tick at or above the largest count', () => {
    for (let max = 0; max <= 250; max++) {
      const top = axisTop(max, true);
      const ticks = ticksFor(top);
      assert.ok(top >= max, `top ${top} below ${max}`);
      assert.ok(ticks.every(Number.isInteger), `fractional tick for max ${max}: ${ticks.join(' ')}`);
      assert.equal(ticks.at(-1), top, `axis for ${max} ends between ticks`);
    }
    assert.equal(axisTop(3, true), 8, 'below 8 d3 would step by fractions');
    assert.equal(axisTop(15, true), 16);
  });

  it('gives duration axes a labelled top just above the largest value', () => {
    for (const max of [0, 0.4, 2.5, 13, 20.5, 75, 104, 1234.5]) {
      const top = axisTop(max, false);
      assert.ok(top >= max);
      assert.equal(ticksFor(top).at(-1), top, `axis for ${max}`);
    }
    assert.equal(axisTop(20.5, false), 22);
    assert.equal(axisTop(75, false), 80);
  });
});
