import { strict as assert } from 'node:assert';
import { defaultExportZone, documentZone } from '../../../src/core/import/exportZone';
import { readImportTarget } from '../../../src/core/import';
import { zoneChoices, zoneNameProblem } from '../../../src/vscode/importing/zoneChoices';

describe('the zone for export times without one (VS Code import)', () => {
  it('uses the front matter timezone when it is a real zone, and asks otherwise', () => {
    assert.equal(documentZone({ timezone: ' Europe/Berlin ' }), 'Europe/Berlin');
    assert.equal(documentZone({ timezone: 'Mars/Olympus' }), undefined);
    assert.equal(documentZone({ timezone: 3 }), undefined);
    assert.equal(documentZone({}), undefined);
    assert.deepEqual(defaultExportZone(undefined, 'Europe/Berlin'), { zone: 'Europe/Berlin', because: 'the timezone in the front matter' });
    assert.equal(defaultExportZone(undefined, undefined), undefined);
  });

  it('asks instead of reading local export times as UTC when the document says UTC and the writer is elsewhere', () => {
    assert.equal(defaultExportZone(undefined, 'UTC', 'Europe/Berlin'), undefined);
    assert.equal(defaultExportZone(undefined, 'Etc/UTC', 'America/Los_Angeles'), undefined);
    assert.deepEqual(defaultExportZone(undefined, 'UTC', 'UTC'), { zone: 'UTC', because: 'the timezone in the front matter' });
    assert.deepEqual(defaultExportZone(undefined, 'Asia/Tokyo', 'Europe/Berlin'), { zone: 'Asia/Tokyo', because: 'the timezone in the front matter' });
    assert.equal(defaultExportZone('UTC', 'UTC', 'Europe/Berlin')?.zone, 'UTC', 'a zone passed by a script is not second-guessed');
  });

  it('prefers a zone passed by a script over the document', () => {
    assert.equal(defaultExportZone('UTC', 'Europe/Berlin')?.zone, 'UTC');
  });

  it('offers UTC, the document zone and the machine zone once each, then Other…', () => {
    assert.deepEqual(zoneChoices('Europe/Berlin', 'America/New_York').map((c) => [c.label, c.zone]), [
      ['UTC', 'UTC'], ['Europe/Berlin', 'Europe/Berlin'], ['America/New_York', 'America/New_York'], ['Other…', undefined],
    ]);
    assert.deepEqual(zoneChoices(undefined, 'UTC').map((c) => c.label), ['UTC', 'Other…']);
    assert.deepEqual(zoneChoices('Europe/Berlin', 'Europe/Berlin').map((c) => c.label), ['UTC', 'Europe/Berlin', 'Other…']);
    assert.match(zoneChoices(undefined, 'Asia/Tokyo')[1].description, /your time zone/);
  });

  it('accepts only IANA names in "Other…"', () => {
    assert.equal(zoneNameProblem('Europe/Berlin'), undefined);
    assert.equal(zoneNameProblem(' America/New_York '), undefined);
    assert.match(zoneNameProblem('Berlin time') ?? '', /Expected the zone to be an IANA time zone \(like Europe\/Berlin\), UTC, or an offset \(like \+05:30\), found "Berlin time"/);
    assert.match(zoneNameProblem('  ') ?? '', /Expected the zone to be an IANA time zone/);
    // As the CLI's --zone: an offset is exact, an abbreviation is refused with its meanings.
    assert.equal(zoneNameProblem('+05:30'), undefined);
    assert.match(zoneNameProblem('IST') ?? '', /^IST is an abbreviation with several meanings: India Standard Time \(UTC\+5:30\), Irish Standard Time \(UTC\+1\), Israel Standard Time \(UTC\+2\)/);
  });

  it('takes the zone from the pipeline\'s own read: the zone the window is read in, however timezone: is written', () => {
    const written: [string, string | undefined][] = [
      ['timezone: Asia/Tokyo', 'Asia/Tokyo'], ['timezone: "Asia/Tokyo"', 'Asia/Tokyo'], ["timezone: 'Asia/Tokyo'  # the team's", 'Asia/Tokyo'],
      ['timezone: Asia/Tokyo # was Europe/Berlin', 'Asia/Tokyo'], ['# timezone: Asia/Tokyo', undefined], ['timezone: "Asia/Tokyo # x"', undefined],
      ['timezone: |\n  Asia/Tokyo', 'Asia/Tokyo'], ['timezone: Europe/Berlin\ntimezone: Asia/Tokyo', 'Asia/Tokyo'],
    ];
    for (const [line, zone] of written) {
      const target = readImportTarget(`---\ntitle: t\n${line}\nstarted_at: 2026-03-01 10:00\n---\n\n## Timeline\n\n- 10:00 [started] x\n`);
      assert.equal(target.zone, zone, line);
      // 10:00 in Tokyo is 01:00Z: the window starts where the zone-less export times are read.
      if (zone) assert.equal(target.document.timeline[0]?.instant, Date.parse('2026-03-01T01:00:00Z'), line);
    }
  });
});
