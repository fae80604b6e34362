import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CLI_INTERRUPT_BUDGET, tuneJitForShortRun } from '../../../src/cli/jitBudget';

describe('CLI: V8 tuned for a run of seconds (jitBudget.ts)', () => {
  it('sets a larger interrupt budget when the user gave none', () => {
    const set: string[] = [];
    assert.equal(tuneJitForShortRun([], '', (f) => set.push(f)), true);
    assert.deepEqual(set, [`--interrupt-budget=${CLI_INTERRUPT_BUDGET}`]);
  });

  it("leaves the user's own budget alone, given on the command line or in NODE_OPTIONS", () => {
    const set: string[] = [];
    assert.equal(tuneJitForShortRun(['--interrupt-budget=5000'], '', (f) => set.push(f)), false);
    assert.equal(tuneJitForShortRun([], '--max-old-space-size=512 --interrupt-budget=5000', (f) => set.push(f)), false);
    assert.deepEqual(set, []);
  });

  it('the built CLI still runs with the flag set (V8 accepts it at run time)', function () {
    const cli = join(__dirname, '..', '..', '..', 'dist', 'cli.js');
    const r = spawnSync(process.execPath, [cli, '--version'], { encoding: 'utf8' });
    if (r.error) throw r.error;
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^\d+\.\d+\.\d+/);
    assert.equal(r.stderr, '');
  });
});
