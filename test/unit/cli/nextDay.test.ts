import assert from 'node:assert/strict';
import { buildOnce, runCliWithEnv, workspace } from './harness';

const head = '---\ntype: postmortem\nid: PM-R1\ntitle: Rollover typo\nstatus: draft\nseverity: SEV3\nstarted_at: 2026-12-01T07:30:00Z\ntimezone: Asia/Kolkata\nfacilitator: "@ana"\n---\n# Rollover typo\n## Summary\nx\n## Timeline\n';
/** Trial10 T1, the trial's exact timeline: `00:50` is a typo, and `lint --fix` wrote [resolved] a day late. */
const TYPO = `${head}- 2026-12-01 13:00 [detected] alert\n- 13:20 rollback started\n- 00:50 [mitigated] rollback done (typo for 12:50? or 13:50)\n- 14:10 [resolved] closed\n`;
const MIDNIGHT = `${head}- 2026-12-01 23:58 [detected] alert\n- 00:20 [mitigated] rollback done\n- 00:40 [resolved] closed\n`;

describe('lint and lint --fix say when a dateless time is read as the next day (spawned, TZ=Asia/Kolkata)', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('the trial typo: lint warns on the line, --fix writes nothing on that guess', () => {
    const ws = workspace({ 'r.md': TYPO });
    try {
      const lint = runCliWithEnv(ws.dir, { TZ: 'Asia/Kolkata' }, 'lint', 'r.md');
      assert.match(lint.stdout, /r\.md:17:3 +warning +Expected a date on a time of day earlier than the entry above's: read as the next day, 2026-12-02 \(00:50 after 13:20 on line 16, 11 hours 30 minutes later\); a gap that long suggests a typo in the time \(with it the timeline spans 1 day 1 hour\); write the date to confirm, or correct the time +timeline\/next-day/);
      assert.equal(lint.stdout.match(/ timeline\/next-day\n/g)?.length, 1, 'said once, not on every later entry');
      const fix = runCliWithEnv(ws.dir, { TZ: 'Asia/Kolkata' }, 'lint', '--fix', 'r.md');
      assert.equal(ws.read('r.md'), TYPO, '[resolved] is not written as 2026-12-02 08:40Z');
      assert.doesNotMatch(fix.stdout, /fixed/);
      assert.match(fix.stdout, /not converted by Fix All while a time read as the next day may be a typo \(timeline\/next-day\)/);
      assert.match(fix.stdout, /timeline\/next-day/);
    } finally {
      ws.cleanup();
    }
  });

  it('a real midnight crossing: an info once, and --fix converts and prints what it assumed', () => {
    const ws = workspace({ 'm.md': MIDNIGHT });
    try {
      const lint = runCliWithEnv(ws.dir, { TZ: 'Asia/Kolkata' }, 'lint', 'm.md');
      assert.match(lint.stdout, /m\.md:16:3 +info +Expected a date on a time of day earlier than the entry above's: read as the next day, 2026-12-02 \(00:20 after 2026-12-01 23:58 on line 15, 22 minutes later\); write the date to confirm, or correct the time +timeline\/next-day/);
      assert.equal(lint.stdout.match(/ timeline\/next-day\n/g)?.length, 1);
      const fix = runCliWithEnv(ws.dir, { TZ: 'Asia/Kolkata' }, 'lint', '--fix', 'm.md');
      // Once converted, the marked entries' UTC times also fill the draft's missing front-matter times (trial 10 T3).
      assert.match(fix.stdout, /fixed 4 problems: timeline\/not-utc, timeline\/milestone-mismatch ×3\n +note timeline\/not-utc: converted assuming 00:20 on line 16 is the next day, 2026-12-02 \(its clock is more than 12 hours earlier than the entry above's, so past midnight\); if a time is a typo, correct it\n/);
      assert.match(ws.read('m.md'), /- 2026-12-01 18:28Z \[detected\] alert\n- 18:50Z \[mitigated\] rollback done\n- 19:10Z \[resolved\] closed\n/);
    } finally {
      ws.cleanup();
    }
  });
});
