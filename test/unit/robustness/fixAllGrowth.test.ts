import assert from 'node:assert/strict';
import { resolveConfig } from '../../../src/core/config/resolve';
import { fixAll } from '../../../src/core/fix/fixAll';
import { ALL_RULES } from '../../../src/core/rules';

/**
 * `lint --fix` on a long local-time timeline (trial F12): one fix converts every entry from the
 * front matter's `timezone`, so it has one edit per entry, and the fix loop's check "did the fix
 * bring its diagnostic back?" mapped each of its N edits through all N edits: 16,000 entries took
 * 96 s, 32,000 over 400 s, while plain lint was linear.
 *
 * The assertion is a ratio of CPU times, never a time: one timeline of 16,000 entries may take at
 * most 3× as long as ten of 1,600 (the same amount of text; linear is ~1×, the quadratic loop was
 * 5×). Only timeline/not-utc runs, so the fix loop's own cost is not drowned by the other rules.
 */
function timeline(entries: number): string {
  const head = ['---', 'type: postmortem', 'title: Long', 'status: draft', 'timezone: Europe/Berlin', 'started_at: 2026-11-20T13:00:00Z', '---', '# Long', '', '## Timeline', ''];
  const lines: string[] = [];
  for (let i = 0; i < entries; i++) lines.push(`- 2026-11-20 14:00:05 entry ${i}`);
  return `${head.join('\n')}\n${lines.join('\n')}\n`;
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function cpuOf(run: () => void): number {
  const t0 = cpuMs();
  run();
  return cpuMs() - t0;
}

const OFF = Object.fromEntries(ALL_RULES.filter((r) => r.code !== 'timeline/not-utc').map((r) => [r.code, 'off' as const]));
const OPTIONS = { now: new Date('2026-12-01T00:00:00Z'), writerZone: 'UTC', config: resolveConfig({ rules: OFF }) };

describe('lint --fix is linear in the length of a local-time timeline (trial F12)', function () {
  // About 6 s of CPU; on a machine shared by many runs the wall clock stretches far more.
  this.timeout(240_000);

  it('converts every entry in one pass, and 16,000 entries cost at most 3× ten times 1,600', () => {
    const small = timeline(1_600);
    const large = timeline(16_000);
    const fixedSmall = fixAll(small, OPTIONS);
    assert.equal(fixedSmall.fixed['timeline/not-utc'], 1);
    assert.match(fixedSmall.text, /^- 2026-11-20 13:00:05Z entry 0$/m);
    const a = cpuOf(() => {
      for (let i = 0; i < 10; i++) fixAll(small, OPTIONS);
    });
    const b = cpuOf(() => fixAll(large, OPTIONS));
    assert.ok(b <= 3 * Math.max(a, 50), `${a.toFixed(0)} ms for 10 × 1,600 entries, ${b.toFixed(0)} ms for 16,000`);
  });
});
