import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CLI_INTERRUPT_BUDGET, isInterruptBudgetFlag, tuneJitForShortRun } from '../../../src/cli/jitBudget';

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

  it('knows the budget by its exact name, in every spelling V8 takes, and not by a longer flag that contains it', () => {
    for (const given of ['--interrupt-budget=5000', '--interrupt-budget', '--interrupt_budget=5000', '--interrupt_budget', '-interrupt-budget=5000', '"--interrupt-budget=5000"', '"--interrupt_budget"']) {
      assert.equal(isInterruptBudgetFlag(given), true, given);
      const set: string[] = [];
      assert.equal(tuneJitForShortRun(['--enable-source-maps', given], '', (f) => set.push(f)), false, given);
      assert.equal(tuneJitForShortRun([], `--max-old-space-size=512 ${given}`, (f) => set.push(f)), false, given);
      assert.deepEqual(set, [], given);
    }
    for (const other of ['--interrupt-budget-for-feedback-allocation=10', '--interrupt_budget_for_feedback_allocation=10', '--interrupt-budget-factor-for-feedback-allocation=8', '--no-interrupt-budget-scale', '--title=interrupt-budget']) {
      assert.equal(isInterruptBudgetFlag(other), false, other);
      const set: string[] = [];
      assert.equal(tuneJitForShortRun([other], '', (f) => set.push(f)), true, other);
      assert.equal(tuneJitForShortRun([], `--max-old-space-size=512 ${other}`, (f) => set.push(f)), true, other);
      assert.deepEqual(set, [`--interrupt-budget=${CLI_INTERRUPT_BUDGET}`, `--interrupt-budget=${CLI_INTERRUPT_BUDGET}`], other);
    }
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
