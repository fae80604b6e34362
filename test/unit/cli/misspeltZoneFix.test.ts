import assert from 'node:assert/strict';
import { buildOnce, runCliWithEnv, workspace } from './harness';

/**
 * trial18c F11: a review whose `timezone:` is misspelt (`timzone: Asia/Kathmandu`), `mitigated_at`
 * written in UTC (it agrees with the timeline's [mitigated] entry read as Kathmandu time) and
 * `resolved_at` in Kathmandu time. `lint --fix` renamed the key and, in the same run, read
 * `resolved_at` as UTC and the timeline as Kathmandu time (London), or turned `mitigated_at` into
 * 13:28Z, before `detected_at` (Kathmandu); it printed neither zone.
 */
const GATEWAY = `---
type: postmortem
id: PM-2026-032
title: API gateway latency after canary
status: in-review
severity: SEV2
started_at: 2026-12-03T17:57:00Z
detected_at: 2026-12-03T18:02:00Z
mitigated_at: 2026-12-03T19:13:00
resolved_at: 2026-12-04T01:05:00
timzone: Asia/Kathmandu
facilitator: Sita Sharma
---

# API gateway latency after canary

## Summary

Canary raised p99 to 4 s for 78 minutes.

## Timeline

- 23:42 NPT [started] canary promoted
- 23:47 [detected] acked by sita
- 00:20 rollback started
- 00:58 [mitigated] rollback done
- 01:05 [resolved] resolved
`;

const FILE = 'postmortems/2026-12-04-gateway-latency.md';

function frontMatterLine(text: string, key: string): string {
  return text.split('\n').find((l) => l.startsWith(`${key}:`)) ?? '(none)';
}

describe('lint --fix with a misspelt `timzone:` reads every time in one zone and says which (trial18c F11; spawned)', function () {
  this.timeout(120_000);
  before(buildOnce);

  for (const tz of ['Europe/London', 'Asia/Kathmandu']) {
    it(`under TZ=${tz}: the rename runs alone, the next run converts in Asia/Kathmandu and prints it, and mitigated_at (UTC, as the timeline says) is left with both readings`, () => {
      const ws = workspace({ [FILE]: GATEWAY });
      try {
        const first = runCliWithEnv(ws.dir, { TZ: tz }, 'lint', '--fix', FILE);
        const once = ws.read(FILE);
        assert.equal(frontMatterLine(once, 'timezone'), 'timezone: Asia/Kathmandu');
        // Nothing without a zone was converted in the run that renamed the key: not as UTC, not as Kathmandu.
        assert.equal(frontMatterLine(once, 'resolved_at'), 'resolved_at: 2026-12-04T01:05:00');
        assert.equal(frontMatterLine(once, 'mitigated_at'), 'mitigated_at: 2026-12-03T19:13:00');
        assert.match(once, /\n- 23:47 \[detected\] acked by sita\n- 00:20 rollback started\n- 00:58 \[mitigated\] rollback done\n- 01:05 \[resolved\] resolved\n/);
        assert.match(once, /\n- 17:57Z \[started\] canary promoted\n/, 'the entry with its own zone (NPT) is converted');
        assert.match(first.stdout, /note timezone: this run changed the zone times without one are read in, from UTC to Asia\/Kathmandu; the fixes that read times without a zone were left for the next run, which reads them as Asia\/Kathmandu: schema\/format, timeline\/not-utc\. Check them, then run --fix again/);
        assert.notEqual(first.code, 0);

        const second = runCliWithEnv(ws.dir, { TZ: tz }, 'lint', '--fix', FILE);
        const twice = ws.read(FILE);
        assert.equal(frontMatterLine(twice, 'resolved_at'), 'resolved_at: 2026-12-03T19:20:00Z');
        assert.match(twice, /\n- 18:02Z \[detected\] acked by sita\n- 18:35Z rollback started\n- 19:13Z \[mitigated\] rollback done\n- 19:20Z \[resolved\] resolved\n/);
        // mitigated_at agrees with the timeline read as UTC: never "fixed" to 13:28Z, before detected_at.
        assert.equal(frontMatterLine(twice, 'mitigated_at'), 'mitigated_at: 2026-12-03T19:13:00');
        assert.doesNotMatch(twice, /13:28/);
        // Each time fix says the zone it read.
        assert.match(second.stdout, /note schema\/format: read resolved_at's 2026-12-04T01:05:00 \(no zone\) as Asia\/Kathmandu, the front matter's timezone: 2026-12-03T19:20:00Z\n/);
        assert.match(second.stdout, /note timeline\/not-utc: read 4 timeline times without a zone as Asia\/Kathmandu, the front matter's timezone \(23:47 on line 28 → 18:02Z\)\n/);
        assert.match(second.stdout, /:9:15 +error +Expected `mitigated_at` to be an ISO 8601 date-time in UTC, like 2026-11-20T14:09:00Z, found "2026-12-03T19:13:00"; read as Asia\/Kathmandu \(the front matter's timezone\) it is 2026-12-03T13:28:00Z, but the \[mitigated\] entry on line 30 is at 2026-12-03T19:13:00Z, which is this value read as UTC: say which is meant \(not converted by fix-all\) +schema\/format/);
        assert.doesNotMatch(second.stdout, /\[resolved\] entry to match/);
        assert.notEqual(second.code, 0);
      } finally {
        ws.cleanup();
      }
    });
  }

  it('before the fix, lint reads the misspelt key\'s zone as the fix will: no "update detected_at" to 23:47Z, the front-matter times with both readings', () => {
    const ws = workspace({ [FILE]: GATEWAY });
    try {
      const lint = runCliWithEnv(ws.dir, { TZ: 'Europe/London' }, 'lint', FILE);
      assert.doesNotMatch(lint.stdout, /\[detected\] entry to match/, '23:47 read as Kathmandu time is 18:02Z, detected_at');
      assert.doesNotMatch(lint.stdout, /23:47Z/);
      assert.match(lint.stdout, /:26:3 +warning +Expected the \[mitigated\] entry to match `mitigated_at` \(2026-12-03 13:28Z\), found 2026-12-03 19:13Z; .* \(times without a zone read as Asia\/Kathmandu, which the misspelt `timzone:` names: they are read so once it is renamed\) +timeline\/milestone-mismatch/);
      assert.match(lint.stdout, /:10:14 +error +Expected `resolved_at` .* found "2026-12-04T01:05:00"; read as UTC \(the default timezone\) it is 2026-12-04T01:05:00Z, read as Asia\/Kathmandu, which the misspelt `timzone:` names, 2026-12-03T19:20:00Z: rename the key first \(not converted by fix-all until then\) +schema\/format/);
      assert.match(lint.stdout, /:11:1 +warning +Expected `timezone`, found `timzone`: .*times written without a zone are read as UTC, not Asia\/Kathmandu, until it is renamed/);
    } finally {
      ws.cleanup();
    }
  });

  it('with `timezone:` spelt right, a zone-less mitigated_at the timeline confirms as UTC is left with both readings; resolved_at is converted and the zone printed', () => {
    const ws = workspace({ [FILE]: GATEWAY.replace('timzone:', 'timezone:') });
    try {
      const fix = runCliWithEnv(ws.dir, { TZ: 'Asia/Kathmandu' }, 'lint', '--fix', FILE);
      const text = ws.read(FILE);
      assert.equal(frontMatterLine(text, 'mitigated_at'), 'mitigated_at: 2026-12-03T19:13:00');
      assert.equal(frontMatterLine(text, 'resolved_at'), 'resolved_at: 2026-12-03T19:20:00Z');
      assert.match(fix.stdout, /note schema\/format: read resolved_at's 2026-12-04T01:05:00 \(no zone\) as Asia\/Kathmandu, the front matter's timezone: 2026-12-03T19:20:00Z\n/);
      assert.doesNotMatch(fix.stdout, /this run changed the zone/);
      assert.match(fix.stdout, /found "2026-12-03T19:13:00"; read as Asia\/Kathmandu \(the front matter's timezone\) it is 2026-12-03T13:28:00Z, but the \[mitigated\] entry on line 30 is at 2026-12-03T19:13:00Z, which is this value read as UTC/);
    } finally {
      ws.cleanup();
    }
  });
});
