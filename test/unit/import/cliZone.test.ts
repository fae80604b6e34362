import assert from 'node:assert/strict';
import { buildOnce, runCliWithEnv, workspace } from '../cli/harness';

/**
 * Trial T11: under TZ=Asia/Kolkata with `timezone: Asia/Kolkata`, a CSV of local alert times was
 * refused ("Pass the zone with --zone") although the editor's import reads them in the document's
 * zone. Both hosts now settle the zone the same way (core/import/exportZone.ts) and say which.
 */
const doc = (zone: string) => [
  '---', 'type: postmortem', 'title: Kolkata checkout', 'status: draft', `timezone: ${zone}`,
  'started_at: 2026-12-05T18:00:00Z', 'resolved_at: 2026-12-05T19:30:00Z', '---', '', '# Kolkata checkout', '', '## Timeline', '',
  '- 2026-12-05 18:00Z [started] deploy', '', '## Action items', '',
].join('\n');
const csv = 'time,message\n2026-12-05 23:51,checkout 5xx above 5%\n';

describe('import-timeline: zone-less CSV times in the document\'s zone (spawned, TZ set)', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('reads them in the front matter\'s zone when the writer is there too, and says so', () => {
    const ws = workspace({ 'pm.md': doc('Asia/Kolkata'), 'alerts.csv': csv });
    try {
      const r = runCliWithEnv(ws.dir, { TZ: 'Asia/Kolkata' }, 'import-timeline', 'pm.md', '--from', 'csv', '--input', 'alerts.csv', '--yes');
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /note: times without a zone were read in Asia\/Kolkata \(the timezone in the front matter\); pass --zone if the export was written in another zone/);
      assert.match(ws.read('pm.md'), /- 2026-12-05 18:21Z \(alert\) checkout 5xx above 5%/);
    } finally {
      ws.cleanup();
    }
  });

  // The zone and the window come from the pipeline's one read of the file (core/import/registry.ts):
  // a quoted, commented `timezone:` is the zone the local started_at is read in, and the zone the
  // CSV's times are read in; had the CLI read it another way the alert would land hours off (outside
  // the window) or be refused.
  it('reads a quoted, commented timezone: as the window is read, so a local alert lands inside it', () => {
    const localDoc = doc('"Asia/Kolkata"   # the team\'s zone').replace('started_at: 2026-12-05T18:00:00Z', 'started_at: 2026-12-05 23:30').replace('resolved_at: 2026-12-05T19:30:00Z', 'resolved_at: 2026-12-06 01:00');
    const ws = workspace({ 'pm.md': localDoc, 'alerts.csv': csv });
    try {
      const r = runCliWithEnv(ws.dir, { TZ: 'Asia/Kolkata' }, 'import-timeline', 'pm.md', '--from', 'csv', '--input', 'alerts.csv', '--margin', '0', '--yes');
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /1 event read: 1 to add, 0 already in the timeline, 0 outside the window 2026-12-05T18:00:00Z – 2026-12-05T19:30:00Z/);
      assert.match(r.stdout, /note: times without a zone were read in Asia\/Kolkata \(the timezone in the front matter\)/);
      assert.match(ws.read('pm.md'), /- 2026-12-05 18:21Z \(alert\) checkout 5xx above 5%/);
    } finally {
      ws.cleanup();
    }
  });

  it('asks for --zone when the timezone: line is commented out, as the window is then read in UTC', () => {
    const ws = workspace({ 'pm.md': doc('UTC').replace('timezone: UTC', '# timezone: Asia/Kolkata'), 'alerts.csv': csv });
    try {
      const r = runCliWithEnv(ws.dir, { TZ: 'Asia/Kolkata' }, 'import-timeline', 'pm.md', '--from', 'csv', '--input', 'alerts.csv', '--yes');
      assert.equal(r.code, 2);
      assert.match(r.stderr, /Pass the zone with --zone, for example --zone Europe\/Berlin or --zone UTC\.\nNothing was written/);
      assert.doesNotMatch(ws.read('pm.md'), /checkout 5xx/);
    } finally {
      ws.cleanup();
    }
  });

  it('asks, naming both zones, when the document says UTC and the writer is elsewhere (the zone trap)', () => {
    const ws = workspace({ 'pm.md': doc('UTC'), 'alerts.csv': csv });
    try {
      const r = runCliWithEnv(ws.dir, { TZ: 'Asia/Kolkata' }, 'import-timeline', 'pm.md', '--from', 'csv', '--input', 'alerts.csv', '--yes');
      assert.equal(r.code, 2);
      assert.match(r.stderr, /The post-mortem says timezone: UTC and this machine is in Asia\/Kolkata: pass --zone UTC if the export's times are UTC, or --zone Asia\/Kolkata if they are local\./);
      assert.match(r.stderr, /Nothing was written/);
    } finally {
      ws.cleanup();
    }
  });
  // `timezone: +05:30` is what `convert` writes and what lint reads; the import asked for --zone.
  it('reads them at a fixed offset the front matter gives (as convert writes it), and says so', () => {
    const ws = workspace({ 'pm.md': doc('"+05:30"'), 'alerts.csv': csv });
    try {
      const r = runCliWithEnv(ws.dir, { TZ: 'Europe/Berlin' }, 'import-timeline', 'pm.md', '--from', 'csv', '--input', 'alerts.csv', '--yes');
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /note: times without a zone were read in \+05:30 \(the front matter's timezone: \+05:30, a fixed offset\); pass --zone if the export was written in another zone/);
      assert.match(ws.read('pm.md'), /- 2026-12-05 18:21Z \(alert\) checkout 5xx above 5%/);
    } finally {
      ws.cleanup();
    }
  });

  it('reads them at the offset of an abbreviation with one meaning (CEST), naming the offset', () => {
    const ws = workspace({ 'pm.md': doc('CEST').replace('started_at: 2026-12-05T18:00:00Z', 'started_at: 2026-07-05T18:00:00Z').replace('resolved_at: 2026-12-05T19:30:00Z', 'resolved_at: 2026-07-05T22:30:00Z'), 'alerts.csv': 'time,message\n2026-07-05 23:51,checkout 5xx above 5%\n' });
    try {
      const r = runCliWithEnv(ws.dir, { TZ: 'Europe/Berlin' }, 'import-timeline', 'pm.md', '--from', 'csv', '--input', 'alerts.csv', '--yes');
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /note: times without a zone were read in \+02:00 \(the front matter's timezone: CEST, an abbreviation read as the fixed offset \+02:00 on every date, as lint reads it; if the export's times are the local clock of Europe\/Berlin, give that zone instead\)/);
      assert.match(ws.read('pm.md'), /- 2026-07-05 21:51Z \(alert\) checkout 5xx above 5%/);
    } finally {
      ws.cleanup();
    }
  });

  it('asks, naming its meanings, when the front matter\'s abbreviation has several (IST: India, Ireland, Israel)', () => {
    const ws = workspace({ 'pm.md': doc('IST'), 'alerts.csv': csv });
    try {
      const r = runCliWithEnv(ws.dir, { TZ: 'Asia/Kolkata' }, 'import-timeline', 'pm.md', '--from', 'csv', '--input', 'alerts.csv', '--yes');
      assert.equal(r.code, 2);
      assert.match(r.stderr, /The front matter's timezone: IST has several meanings \(India Standard Time \(UTC\+5:30\), Irish Standard Time \(UTC\+1\), Israel Standard Time \(UTC\+2\)\): pass the zone the export was written in, such as --zone Asia\/Kolkata, --zone Europe\/Dublin or --zone Asia\/Jerusalem\.\nNothing was written/);
      assert.doesNotMatch(ws.read('pm.md'), /checkout 5xx/);
      const given = runCliWithEnv(ws.dir, { TZ: 'Asia/Kolkata' }, 'import-timeline', 'pm.md', '--from', 'csv', '--input', 'alerts.csv', '--zone', 'Asia/Kolkata', '--yes');
      assert.equal(given.code, 0, given.stderr);
      assert.match(ws.read('pm.md'), /- 2026-12-05 18:21Z \(alert\) checkout 5xx above 5%/);
    } finally {
      ws.cleanup();
    }
  });
});
