import assert from 'node:assert/strict';
import { buildOnce, runCliWithEnv, workspace } from './harness';

const head = (zone: string, started: string, detected: string) => `---\ntype: postmortem\nid: PM-MIX\ntitle: Mixed UTC and local entries\nstatus: draft\nseverity: SEV2\nstarted_at: ${started}\ntimezone: ${zone}\ndetected_at: ${detected}\nfacilitator: "@ana"\n---\n# Mixed\n## Summary\nx\n## Timeline\n`;
/** Trial 11 T11, the trial's file: local times as lived, the alert pasted in UTC (line 17). */
const LA = `${head('America/Los_Angeles', '2026-12-06T05:40:00Z', '2026-12-06T05:52:00Z')}- 2026-12-05 21:40 [started] evictions begin (local, as lived)\n- 2026-12-06 05:52Z (alert) [detected] PagerDuty alert, pasted in UTC\n- 22:15 (deploy) rolled back (local)\n- 23:48 [mitigated] 5xx back under 0.5% (local)\n`;
const ADELAIDE = `${head('Australia/Adelaide', '2026-12-06T22:30:00Z', '2026-12-06T22:45:00Z')}- 2026-12-07 09:00 [started] local morning\n- 2026-12-06 22:45Z (alert) [detected] pasted UTC\n- 09:30 (chat) local\n- 14:00 [mitigated] local afternoon\n`;

describe('lint and lint --fix: a dateless local time after a pasted UTC entry (trial 11 T11, spawned)', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('TZ=America/Los_Angeles: lint says the day it read; --fix writes 22:15 and mitigated_at on that day, not a day late', () => {
    const ws = workspace({ 'postmortems/mix.md': LA });
    try {
      const env = { TZ: 'America/Los_Angeles' };
      const lint = runCliWithEnv(ws.dir, env, 'lint', 'postmortems/mix.md');
      assert.match(lint.stdout, /mix\.md:18:3 +info +Expected a date on a time after an entry written in another zone: read on 2026-12-05, the day of the entry above in America\/Los_Angeles \(2026-12-06 05:52Z on line 17, 21:52 there\), 23 minutes after it; the date written there would put it on 2026-12-06, 1 day after it; write the date to confirm, or correct the time +timeline\/carried-date\n/);
      assert.doesNotMatch(lint.stdout, /timeline\/next-day|out-of-order/);
      const fix = runCliWithEnv(ws.dir, env, 'lint', '--fix', 'postmortems/mix.md');
      assert.equal(fix.code, 0, fix.stdout + fix.stderr);
      assert.match(fix.stdout, /fixed 2 problems: timeline\/not-utc, timeline\/milestone-mismatch\n +note timeline\/not-utc: converted assuming 22:15 on line 18 is on 2026-12-05, the day of the entry above in America\/Los_Angeles \(2026-12-06 05:52Z on line 17, 21:52 there\), not 2026-12-06, which the date written there gives; if a time is a typo, correct it\n/);
      const after = ws.read('postmortems/mix.md');
      assert.match(after, /\n- 2026-12-06 05:40Z \[started\] evictions begin \(local, as lived\)\n- 2026-12-06 05:52Z \(alert\) \[detected\] PagerDuty alert, pasted in UTC\n- 06:15Z \(deploy\) rolled back \(local\)\n- 07:48Z \[mitigated\] 5xx back under 0\.5% \(local\)\n/);
      assert.match(after, /\nmitigated_at: 2026-12-06T07:48:00Z\n/, 'before: 2026-12-07T07:48:00Z, a day late');
      const again = runCliWithEnv(ws.dir, env, 'lint', '--format', 'json', 'postmortems/mix.md');
      assert.doesNotMatch(again.stdout, /time\/order|timeline\/(carried-date|next-day|out-of-order)/);
      const list = runCliWithEnv(ws.dir, env, 'list', '--format', 'json');
      assert.match(list.stdout, /PM-MIX/);
      assert.doesNotMatch(list.stdout, /Time not read/);
    } finally {
      ws.cleanup();
    }
  });

  it('TZ=Australia/Adelaide: 09:30 is 15 minutes after the alert; no next-day note, and --fix keeps every time', () => {
    const ws = workspace({ 'postmortems/m.md': ADELAIDE });
    try {
      const env = { TZ: 'Australia/Adelaide' };
      const lint = runCliWithEnv(ws.dir, env, 'lint', 'postmortems/m.md');
      assert.doesNotMatch(lint.stdout, /timeline\/next-day|timeline\/carried-date|past midnight/);
      const fix = runCliWithEnv(ws.dir, env, 'lint', '--fix', 'postmortems/m.md');
      assert.equal(fix.code, 0, fix.stdout + fix.stderr);
      // No date assumed: the one note is the zone the zone-less times were read in (trial18c F11).
      assert.doesNotMatch(fix.stdout, /note (?!timeline\/not-utc: read \d+ timeline times without a zone as Australia\/Adelaide, the front matter's timezone)/, 'nothing assumed but the zone');
      assert.match(fix.stdout, /note timeline\/not-utc: read \d+ timeline times without a zone as Australia\/Adelaide, the front matter's timezone/);
      assert.match(ws.read('postmortems/m.md'), /\n- 2026-12-06 22:30Z \[started\] local morning\n- 2026-12-06 22:45Z \(alert\) \[detected\] pasted UTC\n- 23:00Z \(chat\) local\n- 2026-12-07 03:30Z \[mitigated\] local afternoon\n/);
      assert.match(ws.read('postmortems/m.md'), /\nmitigated_at: 2026-12-07T03:30:00Z\n/);
    } finally {
      ws.cleanup();
    }
  });
});
