import assert from 'node:assert/strict';
import { buildOnce, runCli, workspace } from './harness';

const head = (zone: string) => `---\ntype: postmortem\nid: PM-Z16-${zone.length}\ntitle: Zones\nstatus: draft\nseverity: SEV3\ntimezone: ${zone}\nfacilitator: "@ana"\n---\n# Zones\n## Summary\nx\n## Timeline\n`;

describe('lint --fix: times no longer read wrong in silence (trial16a F18, F5, F8, F6; spawned)', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('converts IRST/IDT/-02 as written, keeps fractions, leaves GST/IST and an out-of-season BST (and its detected_at) for the writer', () => {
    const ws = workspace({
      'postmortems/unk.md': `${head('UTC')}- 2026-11-10 10:00Z [started] a\n- 14:30 IRST b\n- 15:00 IDT e\n- 11:10 -02 - f\n- 17:20:07,250 IDT g\n- 16:00 IST j\n- 16:10 GST k\n`,
      'postmortems/lon.md': `${head('Europe/London')}- 2026-12-03 09:00Z [started] x\n- 10:20 BST [detected] y\n- 10:40Z [mitigated] z\n`,
    });
    try {
      const lint = runCli(ws.dir, 'lint', 'postmortems/unk.md');
      assert.match(lint.stdout, /unk\.md:15:3 +warning +Expected a UTC time, like 11:00Z, found 14:30 IRST \(IRST read as Iran Standard Time \(UTC\+3:30\), Asia\/Tehran's clock/);
      const fix = runCli(ws.dir, 'lint', '--fix', 'postmortems/unk.md', 'postmortems/lon.md');
      assert.equal(fix.code, 0, fix.stdout + fix.stderr);
      assert.match(ws.read('postmortems/unk.md'), /\n- 11:00Z b\n- 12:00Z e\n- 13:10Z - f\n- 14:20:07\.250Z g\n- 16:00 IST j\n- 16:10 GST k\n/);
      assert.match(fix.stdout, /unk\.md:20:3 +warning +Expected a zone with one meaning after the time, found "IST"/);
      assert.doesNotMatch(fix.stdout, /out-of-order/);
      const lon = ws.read('postmortems/lon.md');
      assert.match(lon, /\n- 10:20 BST \[detected\] y\n/);
      assert.match(lon, /\nstarted_at: 2026-12-03T09:00:00Z\n/);
      assert.doesNotMatch(lon, /detected_at/, 'the as-written reading is not copied while the entry waits for a choice');
      assert.match(fix.stdout, /lon\.md:17:3 +info +Expected `detected_at` in the front matter, found none; .*not copied by --fix while the entry's reading is open: BST was not in force on 2026-12-03 in Europe\/London/);
    } finally {
      ws.cleanup();
    }
  });
});
