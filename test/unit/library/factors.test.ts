import assert from 'node:assert/strict';
import { resolveConfig, settingOfProblem } from '../../../src/core/config/resolve';
import { DEFAULT_FACTORS } from '../../../src/core/api';

describe('contributing-factor vocabulary (.postmortemrc.json factors)', () => {
  it('has a default set, each with a description', () => {
    const ids = resolveConfig().factors.map((f) => f.id);
    for (const id of ['change', 'capacity', 'configuration', 'dependency', 'monitoring-gap', 'process-gap', 'runbook-gap']) assert.ok(ids.includes(id), id);
    for (const f of DEFAULT_FACTORS) assert.ok(f.description.length > 20, f.id);
  });

  it('adds a team\'s own factors to the defaults, or replaces them', () => {
    const added = resolveConfig({ factors: { 'pool-exhaustion': 'A connection pool ran out', capacity: 'Our words' } }).factors;
    assert.equal(added.find((f) => f.id === 'pool-exhaustion')?.description, 'A connection pool ran out');
    assert.equal(added.find((f) => f.id === 'capacity')?.description, 'Our words');
    assert.ok(added.some((f) => f.id === 'change'));
    const replaced = resolveConfig({ factors: { 'pool-exhaustion': 'x' }, factorsReplace: true }).factors;
    assert.deepEqual(replaced.map((f) => f.id), ['pool-exhaustion']);
  });

  it('reports bad entries by setting and keeps the rest', () => {
    const config = resolveConfig({ factors: { 'Pool Exhaustion': 'x', ok: 3 as unknown as string, fine: 'y' } });
    assert.equal(config.problems.length, 2);
    for (const p of config.problems) assert.equal(settingOfProblem(p), 'factors');
    assert.ok(config.factors.some((f) => f.id === 'fine'));
    assert.match(resolveConfig({ factors: ['a'] as unknown as Record<string, string> }).problems[0], /Expected "factors" to be an object/);
  });
});
